"""The site rebuilt from the last build's pages is byte for byte the site built from nothing.

One project is built, changed step by step (documents added, edited and removed, a
template, mkdocs.yml and the theme folder changed, the store and the previous site
damaged) and rebuilt after each step; each result is compared, file by file, with a
cold build of the same inputs in a second project.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import ROOT
from test_incremental import PROJECT_FILES, same_tree

from generator.pipeline import Project, build

LETTER = (
    "Den Haag, 14 mei 2025\n\nOnderwerp: Oefening met Noorwegen\n\n"
    "Nederlandse mariniers oefenen dit jaar met Noorwegen in het kader van de NAVO.\n\n"
    "De Minister van Defensie,\n\nK.H. Ollongren\n"
)


def copy_project(target: Path) -> Project:
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return Project.at(target)


def built(project: Project):
    outcome = build(project, strict=False)
    assert not outcome.has_errors, outcome.problems
    return outcome


def cold_copy(project: Project, target: Path) -> Project:
    """A second project with the same inputs and nothing built but the record of the ids
    published (build/ids.json: history, which a cold build keeps too, not a cache)."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for name in PROJECT_FILES:
        source = project.root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    cold = Project.at(target)
    cold.work.mkdir()
    shutil.copy(project.work / "ids.json", cold.work / "ids.json")
    return cold


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    """The incremental project, and a function that checks it against a cold build. The
    letter added is the newest document, so the build date (sitemap) changes too."""
    project = copy_project(tmp_path_factory.mktemp("incremental"))
    first = built(project)
    assert first.site_reused == 0 and first.site_whole_because
    cold_root = tmp_path_factory.mktemp("cold")

    def agrees_with_cold() -> None:
        cold = cold_copy(project, cold_root / "project")
        built(cold)
        assert same_tree(project.out, cold.out) == []

    return project, agrees_with_cold


def test_nothing_changed_reuses_every_page(steps):
    project, agrees_with_cold = steps
    before = {path: path.read_bytes() for path in project.out.rglob("*") if path.is_file()}
    outcome = built(project)
    assert outcome.site_rendered <= 1 and outcome.site_reused > 100  # the tags listing is always rendered
    assert {path: path.read_bytes() for path in project.out.rglob("*") if path.is_file()} == before


def test_a_document_added_changed_and_removed(steps):
    project, agrees_with_cold = steps
    (project.source / "oefening-noorwegen.txt").write_text(LETTER, encoding="utf-8")
    added = built(project)
    assert 0 < added.site_rendered < added.site_reused
    agrees_with_cold()

    (project.source / "oefening-noorwegen.txt").write_text(LETTER.replace("Noorwegen in", "Noorwegen en Zweden in"), encoding="utf-8")
    changed = built(project)
    assert 0 < changed.site_rendered < changed.site_reused
    agrees_with_cold()

    (project.source / "oefening-noorwegen.txt").unlink()
    removed = built(project)
    assert 0 < removed.site_rendered < removed.site_reused
    agrees_with_cold()


def test_a_template_change_renders_the_pages_it_changes(steps):
    project, agrees_with_cold = steps
    with (project.templates / "document.md.j2").open("a", encoding="utf-8") as handle:
        handle.write("\nVoor het laatst nagekeken.\n")
    outcome = built(project)
    assert outcome.site_rendered >= 5 and outcome.site_reused > 0  # the five documents' pages
    agrees_with_cold()


@pytest.mark.parametrize("change", ["mkdocs.yml", "site_overrides"])
def test_a_change_to_the_configuration_or_theme_renders_everything(steps, change):
    project, agrees_with_cold = steps
    if change == "mkdocs.yml":
        config = project.root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("copyright: Ministerie van Defensie", "copyright: Ministerie van Defensie (NL)"), encoding="utf-8")
    else:
        css = project.root / "site_overrides" / "main.html"
        css.write_text(css.read_text(encoding="utf-8") + "\n{#- nagekeken -#}\n", encoding="utf-8")
    outcome = built(project)
    assert outcome.site_reused == 0 and change in outcome.site_whole_because
    agrees_with_cold()


def test_a_page_of_the_previous_site_edited_by_hand_is_rendered_again(steps):
    project, agrees_with_cold = steps
    page = project.out / "partners" / "japan" / "index.html"
    page.write_text("bewerkt", encoding="utf-8")
    outcome = built(project)
    assert outcome.site_reused > 100
    assert "bewerkt" not in page.read_text(encoding="utf-8")
    agrees_with_cold()


def test_a_damaged_store_is_a_store_without_pages(steps):
    project, agrees_with_cold = steps
    project.page_store.write_bytes(b"not a database" * 100)
    outcome = built(project)
    assert outcome.site_reused == 0 and "could not be read" in outcome.site_whole_because
    agrees_with_cold()


def test_a_damaged_page_state_is_rendered_again(steps):
    project, agrees_with_cold = steps
    with sqlite3.connect(project.page_store) as db:
        db.execute("UPDATE pages SET state = x'00ff'")
    db.close()
    (project.out / "index.html").unlink()  # the site is not as the last build left it
    built(project)
    agrees_with_cold()
    assert built(project).site_reused > 100


def test_a_large_site_whose_search_entries_are_compacted_while_building(tmp_path, monkeypatch):
    """From TRIM_ALWAYS_PAGES pages on the search entries are compacted during the build,
    kept so in the store and handed to the search index in memory; an incremental build
    still gives the bytes of a cold one."""
    for module in ("lean_build", "search_index", "reuse"):
        monkeypatch.setattr(f"generator.stages.site.{module}.TRIM_ALWAYS_PAGES", 10)
    (tmp_path / "incremental").mkdir()
    project = copy_project(tmp_path / "incremental")
    built(project)
    (project.source / "2025-05-14-oefening-noorwegen.txt").write_text(LETTER, encoding="utf-8")
    again = built(project)
    assert again.site_reused > 100 and 0 < again.site_rendered < 40
    cold = cold_copy(project, tmp_path / "cold")
    built(cold)
    assert same_tree(project.out, cold.out) == []
    index = (project.out / "search" / "search_index.json").read_text(encoding="utf-8")
    settings = sqlite3.connect(project.work / "site-pages.sqlite").execute("SELECT value FROM meta WHERE key = 'settings'").fetchone()[0]
    assert '"search": "compacted"' in settings
    assert '"compact":true' in index and "Noorwegen" in (project.out / "search" / "zoekteksten.js").read_text(encoding="utf-8")


def test_front_matter_of_an_unchanged_page_is_not_parsed_again(steps, monkeypatch):
    project, agrees_with_cold = steps
    from mkdocs.utils import meta

    parsed = []
    original = meta.get_data
    monkeypatch.setattr(meta, "get_data", lambda source: parsed.append(source) or original(source))
    (project.source / "oefening-zweden.txt").write_text(LETTER.replace("Noorwegen", "Zweden"), encoding="utf-8")
    outcome = built(project)
    assert outcome.site_reused > 100
    assert 0 < len(parsed) <= outcome.site_rendered + 5  # the new page and the hubs that list it
    agrees_with_cold()
