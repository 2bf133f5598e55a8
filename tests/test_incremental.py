"""Incremental generation: only pages whose context changed are rendered again, and the
result is always the same as generating from nothing."""

from __future__ import annotations

import filecmp
import posixpath
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from generator.model.paths import relative_url
from generator.pipeline import Project, generate

PROJECT_FILES = ("mkdocs.yml", "templates", "vocabulary", "site_overrides", "source_docs")
NEW_LETTER = (
    "Den Haag, 3 maart 2021\n\nOnderwerp: Samenwerking met Japan\n\n"
    "Nederland en Japan werken samen bij Tactical Edge Networking.\n"
)


def rendered_pages(project: Project) -> int:
    outcome = generate(project)
    assert not outcome.has_errors, outcome.problems
    return outcome.rendered


def same_tree(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two folders (missing on one side included)."""
    names = {p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file()}
    return sorted(n for n in names if not ((left / n).is_file() and (right / n).is_file() and filecmp.cmp(left / n, right / n, shallow=False)))


@pytest.fixture()
def project(tmp_path) -> Project:
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return Project.at(tmp_path)


def test_nothing_changed_renders_nothing(project):
    assert rendered_pages(project) > 40
    assert rendered_pages(project) == 0


def test_a_new_document_renders_only_the_pages_it_changes(project, tmp_path):
    everything = rendered_pages(project)
    (project.source / "nieuw.txt").write_text(NEW_LETTER, encoding="utf-8")
    again = rendered_pages(project)
    assert 0 < again < everything
    fresh = Project.at(project.root, work=tmp_path / "from-nothing")
    generate(fresh)
    assert same_tree(project.docs, fresh.docs) == []


def test_a_generated_page_edited_by_hand_is_made_again(project):
    rendered_pages(project)
    page = project.docs / "partners" / "japan.md"
    original = page.read_text(encoding="utf-8")
    page.write_text("bewerkt\n", encoding="utf-8")
    assert rendered_pages(project) == 1
    assert page.read_text(encoding="utf-8") == original
    page.unlink()
    assert rendered_pages(project) == 1 and page.read_text(encoding="utf-8") == original


def test_a_template_change_renders_every_page(project):
    everything = rendered_pages(project)
    with (project.templates / "parts" / "counted_list.md.j2").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert rendered_pages(project) == everything


segments = st.lists(st.sampled_from(["documenten", "partners", "a", "b", "index.md", "x.md"]), max_size=4)


@given(segments, segments, st.booleans())
def test_relative_url_agrees_with_posixpath(target, origin, folder):
    target_path = "/".join(target) + ("/" if folder and target else "")
    origin_file = "/".join([*origin, "page.md"])
    expected = posixpath.relpath(target_path or ".", posixpath.dirname(origin_file) or ".")
    if folder and target and expected != ".":
        expected += "/"
    assert relative_url(target_path, origin_file) == expected


def test_a_page_whose_path_leaves_the_docs_folder_is_refused_and_reported(tmp_path):
    from generator.model.pages import Page
    from generator.pipeline import _make_pages
    from generator.run.output_cache import OutputCache
    from generator.stages.render import environment

    docs = tmp_path / "docs"
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "leeg.md.j2").write_text("# Leeg\n", encoding="utf-8")
    cache = OutputCache(tmp_path / "pages.manifest", docs, "salt")
    page = Page("../buiten.md", "leeg.md.j2", dict)
    rendered, _, problems, complete = _make_pages([page], environment(templates), cache, docs, lambda n: None)
    assert [problem.file for problem in problems] == ["../buiten.md"] and complete and rendered == 0
    assert not (tmp_path / "buiten.md").exists()


def test_nothing_changed_loads_no_text(project, monkeypatch):
    """A warm build keeps only the records in memory: no document's text is read back."""
    generate(project)
    loaded = []
    monkeypatch.setattr("generator.run.extraction_cache._load_text", lambda path, record: loaded.append(path))
    assert rendered_pages(project) == 0
    assert loaded == []


def test_a_changed_text_renders_its_page_again(project):
    """The page's fingerprint covers the text through its digest."""
    generate(project)
    letter = project.source / "nieuw.txt"
    letter.write_text(NEW_LETTER, encoding="utf-8")
    generate(project)
    letter.write_text(NEW_LETTER + "\nEen zin die alleen de tekst verandert.\n", encoding="utf-8")
    assert rendered_pages(project) >= 1
    assert any("alleen de tekst verandert" in path.read_text(encoding="utf-8") for path in project.docs.glob("documenten/*.md"))


def test_a_lost_text_in_the_cache_is_extracted_again(project, tmp_path):
    generate(project)
    for text in project.cache.glob("*/*.text.pickle"):
        text.unlink()
    outcome = generate(project)
    assert outcome.extracted == len(outcome.documents) > 0
    fresh = Project.at(project.root, work=tmp_path / "from-nothing")
    generate(fresh)
    assert same_tree(project.docs, fresh.docs) == []


def test_a_damaged_text_in_the_cache_is_a_problem_and_the_next_build_recovers(project, tmp_path):
    """A text that cannot be read back when its page is made: an error naming the page,
    the previous pages kept, and the next build extracts the document again."""
    generate(project)
    page = project.docs / "documenten" / "kst-33279-29.md"
    expected = page.read_text(encoding="utf-8")
    page.unlink()  # the page must be made again, so its text is read back
    for text in project.cache.glob("*/*.text.pickle"):
        text.write_bytes(text.read_bytes()[:20])  # truncated
    outcome = generate(project)
    assert not outcome.site_ready
    damaged = [problem for problem in outcome.problems if problem.file == "documenten/kst-33279-29.md"]
    assert damaged and "cannot be read" in damaged[0].message and "build again" in damaged[0].message
    again = generate(project)
    assert again.site_ready and not again.has_errors and again.extracted == 1
    assert page.read_text(encoding="utf-8") == expected


def test_a_change_to_the_code_that_writes_records_rewrites_them(project, monkeypatch):
    import generator.pipeline as pipeline
    import generator.stages.write as write

    generate(project)
    record = next(project.records.glob("*.yml"))
    monkeypatch.setattr(pipeline, "code_fingerprint", lambda: "another version of the generator")
    monkeypatch.setattr(write, "to_yaml", lambda record: f"id: {record.id}\n")
    generate(project, workers=1)
    assert record.read_text(encoding="utf-8") == f"id: {record.stem}\n"


def test_a_new_document_rewrites_only_the_feeds_that_list_it(project, tmp_path):
    generate(project)
    feeds = {path: path.stat().st_mtime_ns for path in (project.docs / "feeds").rglob("*.xml")}
    (project.source / "nieuw.txt").write_text(NEW_LETTER, encoding="utf-8")
    generate(project)
    rewritten = {path.relative_to(project.docs).as_posix() for path, stamp in feeds.items() if path.stat().st_mtime_ns != stamp}
    assert "feeds/alles.xml" in rewritten and "feeds/partners/japan.xml" not in feeds
    assert (project.docs / "feeds/partners/japan.xml").is_file()
    assert 0 < len(rewritten) < len(feeds) / 2
    fresh = Project.at(project.root, work=tmp_path / "from-nothing")
    generate(fresh)
    assert same_tree(project.docs, fresh.docs) == []
