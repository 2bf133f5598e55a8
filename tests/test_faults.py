"""Faults a careful tester makes happen: mistyped output options, hostile inputs, a
killed swap, two runs at once. Nothing a person made is deleted, one bad file never
stops the build, and no traceback reaches the user.

Run on their own with `.venv/bin/python -m pytest -m faults`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from generator.model.project import MARKER, Project
from generator.pipeline import build, generate
from generator.run.lock import exclusive
from generator.stages.site import recover

pytestmark = pytest.mark.faults

LETTER = "Den Haag, 3 maart 2021\n\nOnderwerp: Samenwerking met Japan\n\nNederland en Japan werken samen.\n"
OTHER = "Den Haag, 4 april 2022\n\nOnderwerp: Samenwerking met Noorwegen\n\nNederland werkt samen met Noorwegen.\n"


def project_copy(tmp_path: Path, *documents: tuple[str, str]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "vocabulary", "templates", "site_overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    (tmp_path / "source_docs").mkdir()
    for name, text in documents or (("brief.txt", LETTER), ("ander.txt", OTHER)):
        (tmp_path / "source_docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text("Van een mens geschreven.\n", encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (hidden ones included) with the digest of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".venv" not in path.parts
    }


def refused(result, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert all(word in result.stderr for word in words), result.stderr


# --------------------------------------------------------------------------- what people made


@pytest.mark.parametrize(
    "option, target",
    [
        ("--out", "source_docs"),
        ("--out", "."),
        ("--out", "source_docs/binnen"),
        ("--out", "vocabulary"),
        ("--out", "templates"),
        ("--work", "source_docs"),
        ("--work", "."),
        ("--work", "source_docs/binnen"),
    ],
)
def test_an_output_that_is_or_holds_what_people_wrote_is_refused(tmp_path, option, target):
    project = project_copy(tmp_path)
    before = snapshot(project)
    refused(run_cli("build", option, target, cwd=project), "refused", option)
    assert snapshot(project) == before


def test_the_parent_of_the_project_is_refused(tmp_path):
    project = project_copy(tmp_path / "project")
    before = snapshot(tmp_path)
    refused(run_cli("build", "--out", str(tmp_path), cwd=project), "holds the project")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("option", ["--out", "--work"])
def test_a_folder_holding_a_persons_file_is_refused(tmp_path, option):
    project = project_copy(tmp_path / "project")
    theirs = tmp_path / "map"
    theirs.mkdir()
    (theirs / "notities.txt").write_text("van mij\n", encoding="utf-8")
    refused(run_cli("build", option, str(theirs), cwd=project), "did not make")
    assert [path.name for path in theirs.iterdir()] == ["notities.txt"]


def test_a_file_where_the_site_belongs_is_left_alone(tmp_path):
    project = project_copy(tmp_path)
    (project / "site").write_text("een bestand\n", encoding="utf-8")
    refused(run_cli("build", cwd=project), "is a file")
    assert (project / "site").read_text(encoding="utf-8") == "een bestand\n"


def test_out_and_work_may_not_overlap(tmp_path):
    project = project_copy(tmp_path)
    refused(run_cli("build", "--out", "uit", "--work", "uit/werk", cwd=project), "overlap")


def test_archive_never_overwrites_a_file_it_did_not_write(tmp_path):
    project = project_copy(tmp_path)
    readme = (project / "README.md").read_bytes()
    refused(run_cli("archive", "--out", "README.md", cwd=project), "not an archive the generator wrote")
    assert (project / "README.md").read_bytes() == readme
    other = project / "andere.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("foto.jpg", b"...")
    refused(run_cli("archive", "--out", str(other), cwd=project), "not an archive")


def test_an_archive_it_wrote_is_replaced(tmp_path):
    project = project_copy(tmp_path)
    assert run_cli("archive", "--out", "archief.zip", cwd=project).returncode == 0
    assert zipfile.ZipFile(project / "archief.zip").comment
    assert run_cli("archive", "--out", "archief.zip", cwd=project).returncode == 0


def test_the_generators_own_folders_are_built_again(tmp_path):
    project = project_copy(tmp_path)
    assert run_cli("build", cwd=project).returncode == 0
    assert (project / "site" / MARKER).is_file() and (project / "build" / MARKER).is_file()
    assert run_cli("build", cwd=project).returncode == 0


def test_a_work_folder_of_an_earlier_version_is_adopted(tmp_path):
    """CI restores build/cache before the marker exists: that is the generator's own."""
    project = project_copy(tmp_path)
    (project / "build" / "cache" / "ab").mkdir(parents=True)
    assert run_cli("build", cwd=project).returncode == 0


def test_a_symlinked_site_is_followed_and_stays_a_link(tmp_path):
    project = project_copy(tmp_path / "project")
    webroot = tmp_path / "www"
    webroot.mkdir()
    (project / "site").symlink_to(webroot)
    assert run_cli("build", cwd=project).returncode == 0
    assert (project / "site").is_symlink() and (webroot / "index.html").is_file()
    (project / "source_docs" / "derde.txt").write_text(LETTER.replace("2021", "2023"), encoding="utf-8")
    assert run_cli("build", cwd=project).returncode == 0
    assert (project / "site").is_symlink() and (webroot / "tijdlijn" / "2023" / "index.html").is_file()


# --------------------------------------------------------------------------- atomic, exclusive


def test_a_second_run_in_the_same_work_folder_stops_at_once(tmp_path):
    project = project_copy(tmp_path)
    with exclusive(project / "build"):
        refused(run_cli("build", cwd=project), "another run", str(os.getpid()))
    assert run_cli("build", cwd=project).returncode == 0


def test_a_site_set_aside_by_a_killed_swap_is_put_back(tmp_path):
    project = project_copy(tmp_path)
    assert run_cli("build", cwd=project).returncode == 0
    site = project / "site"
    site.rename(project / ".site.previous")  # what a kill between the two renames leaves
    recover(site)
    assert (site / "index.html").is_file() and not (project / ".site.previous").exists()


# --------------------------------------------------------------------------- one bad input


def built(project: Path) -> Project:
    return Project.at(project)


def test_an_impossible_sidecar_date_costs_only_that_document(tmp_path):
    project = project_copy(tmp_path)
    (project / "source_docs" / "brief.meta.yml").write_text("date: 2019-06-31\n", encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "brief.meta.yml" in result.stderr and "does not exist" in result.stderr
    assert (project / "site" / "index.html").is_file()


@pytest.mark.parametrize("date", ["2109-01-01", "1850-05-05"])
def test_a_sidecar_date_outside_1900_to_2100_is_refused(tmp_path, date):
    project = project_copy(tmp_path)
    (project / "source_docs" / "brief.meta.yml").write_text(f"date: {date}\n", encoding="utf-8")
    outcome = build(built(project))
    problems = [p for p in outcome.problems if p.field == "date"]
    assert problems and "1900" in problems[0].message and "brief.meta.yml" in problems[0].file


def test_a_letterhead_year_typed_wrong_gives_no_date_and_a_site(tmp_path):
    project = project_copy(tmp_path, ("brief.txt", LETTER.replace("2021", "2109")))
    outcome = build(built(project))
    assert not outcome.has_errors and outcome.documents[0].record.date is None
    assert (project / "site" / "sitemap.xml.gz").is_file()


def test_an_alias_bomb_in_a_sidecar_is_refused(tmp_path):
    project = project_copy(tmp_path)
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    bomb += "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: *d\n"
    (project / "source_docs" / "brief.meta.yml").write_text(bomb, encoding="utf-8")
    outcome = build(built(project))
    assert any("alias" in p.message and "brief.meta.yml" in p.file for p in outcome.problems)
    assert len(outcome.documents) == 2


def test_a_document_the_generator_fails_on_is_left_out_and_named(tmp_path, monkeypatch):
    project = project_copy(tmp_path)
    import generator.pipeline as pipeline

    real = pipeline.extract

    def failing(document, lexicon):
        if document.source.path.name == "brief.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(document, lexicon)

    monkeypatch.setattr(pipeline, "extract", failing)
    outcome = generate(built(project), workers=1)
    failed = [p for p in outcome.problems if p.file == "source_docs/brief.txt"]
    assert failed and "RecursionError" in failed[0].message
    assert [d.record.source for d in outcome.documents] == ["source_docs/ander.txt"] and outcome.site_ready


def test_hidden_folders_are_not_published(tmp_path):
    project = project_copy(tmp_path)
    trash = project / "source_docs" / ".Trash-1000"
    trash.mkdir()
    (trash / "weg.txt").write_text(LETTER.replace("Japan", "Zweden"), encoding="utf-8")
    outcome = build(built(project))
    assert len(outcome.documents) == 2 and not any("weg.txt" in d.record.source for d in outcome.documents)


def test_a_link_loop_and_a_long_name_are_problems_of_their_own(tmp_path):
    project = project_copy(tmp_path)
    source = project / "source_docs"
    (source / "lus-a.txt").symlink_to(source / "lus-b.txt")
    (source / "lus-b.txt").symlink_to(source / "lus-a.txt")
    (source / ("l" * 246 + ".txt")).write_text(LETTER.replace("2021", "2020"), encoding="utf-8")
    outcome = build(built(project))
    assert any("lus-" in p.file for p in outcome.problems)
    assert len(outcome.documents) == 3 and (project / "site" / "index.html").is_file()


def test_a_missing_or_empty_countries_file_keeps_the_previous_site(tmp_path):
    project = project_copy(tmp_path)
    assert run_cli("build", cwd=project).returncode == 0
    before = snapshot(project / "site")
    (project / "vocabulary" / "countries.yml").write_text("", encoding="utf-8")
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 1 and "countries.yml" in result.stderr and "previous site is kept" in result.stderr
    assert snapshot(project / "site") == before
    (project / "vocabulary" / "countries.yml").unlink()
    assert run_cli("build", cwd=project).returncode == 1
    assert snapshot(project / "site") == before


def test_a_build_in_which_no_document_survives_keeps_the_site_and_the_cache(tmp_path):
    project = project_copy(tmp_path)
    assert run_cli("build", cwd=project).returncode == 0
    before, cache = snapshot(project / "site"), snapshot(project / "build" / "cache")
    for document in (project / "source_docs").iterdir():
        document.write_bytes(b"")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1 and "previous site is kept" in result.stderr
    assert snapshot(project / "site") == before
    assert cache.items() <= snapshot(project / "build" / "cache").items()  # nothing pruned


def test_a_renamed_document_does_not_lose_its_sidecar_silently(tmp_path):
    project = project_copy(tmp_path)
    (project / "source_docs" / "brief.meta.yml").write_text("title: Door een mens gekozen\n", encoding="utf-8")
    assert run_cli("build", "--strict", cwd=project).returncode == 0
    (project / "source_docs" / "brief.txt").rename(project / "source_docs" / "brief-2021.txt")
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 1 and "source_docs/brief.meta.yml" in result.stderr and "no document" in result.stderr


def test_extract_outside_the_project_root_is_a_usage_error(tmp_path):
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    refused(run_cli("extract", "--json", "brief.txt", cwd=tmp_path), "vocabulary")


def test_a_source_date_epoch_that_is_no_number_is_a_usage_error(tmp_path):
    import subprocess
    import sys

    environment = {**os.environ, "SOURCE_DATE_EPOCH": "abc"}
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project_copy(tmp_path),
                            capture_output=True, text=True, env=environment, timeout=120)
    refused(result, "SOURCE_DATE_EPOCH", "'abc'")


# --------------------------------------------------------------------------- bounded cost

BOUNDED = """
import hashlib, sys, time
from pathlib import Path
from generator.model import SourceText
from generator.pipeline import Project, load_lexicon
from generator.stages.clean import clean
from generator.stages.extract import extract
text = {text}
lexicon = load_lexicon(Project.at(Path({root!r})))[0]
source = SourceText(Path("x.txt"), (text,), hashlib.sha256(text.encode()).hexdigest())
extract(clean(source), lexicon)
"""


@pytest.mark.parametrize(
    "text",
    [
        '"Kamerstuk 33 279, nr. " * 100_000',  # a long run of abbreviations
        '"Den Haag, 3 maart 2021\\\\n\\\\nNederland" + " " * 3_000_000 + "werkt samen. [1:  noot]"',  # a run of spaces
    ],
    ids=["abbreviations", "spaces"],
)
def test_a_pathological_text_is_extracted_in_linear_time(text):
    """Quadratic work on these inputs takes many minutes; linear work a few seconds."""
    import subprocess
    import sys

    code = BOUNDED.format(text=text, root=str(ROOT))
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


# --------------------------------------------------------------------------- a cache that cannot lie


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_cache_entry_is_a_miss_never_a_different_site(tmp_path, damage):
    project = project_copy(tmp_path)
    first = build(built(project))
    assert not first.has_errors
    site = snapshot(project / "site")
    for entry in sorted((project / "build" / "cache").glob("*/*.pickle")):
        data = bytearray(entry.read_bytes())
        if damage == "flip":
            data[len(data) // 2] ^= 0x10
        else:
            del data[len(data) // 2 :]
        entry.write_bytes(bytes(data))
    again = build(built(project))
    assert not again.has_errors and again.extracted == 2 and again.from_cache == 0
    assert snapshot(project / "site") == site


# --------------------------------------------------------------------------- killed builds


def test_a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_is_right(tmp_path):
    """kill -9 at moments spread over a build (extraction, pages, MkDocs, the swap): the site
    is always the previous whole one or the new one, and the build after the last kill
    gives exactly the site a build from nothing gives."""
    import signal
    import subprocess
    import sys
    import time

    project = project_copy(tmp_path / "project", ("brief.txt", LETTER), ("ander.txt", OTHER))
    command = [sys.executable, "-m", "generator", "build", "-q", "--jobs", "1"]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    assert subprocess.run(command, cwd=project, env=environment, capture_output=True, timeout=300).returncode == 0
    for round, delay in enumerate([0.3, 0.8, 1.5, 2.5, 3.5, 5.0]):
        (project / "source_docs" / f"nieuw-{round}.txt").write_text(LETTER.replace("2021", str(2010 + round)), encoding="utf-8")
        running = subprocess.Popen(command, cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        running.send_signal(signal.SIGKILL)
        running.wait(timeout=60)
        site = project / "site"
        assert (site / "index.html").is_file() or (project / ".site.previous" / "index.html").is_file()
    result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    fresh = project_copy(tmp_path / "fresh")
    for document in (project / "source_docs").iterdir():
        shutil.copy2(document, fresh / "source_docs" / document.name)
    assert subprocess.run(command, cwd=fresh, env=environment, capture_output=True, timeout=300).returncode == 0
    assert snapshot(project / "site") == snapshot(fresh / "site")
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]


def test_a_paragraph_of_hundreds_of_thousands_of_characters_is_cut_for_the_site_engine(tmp_path):
    """Python-Markdown's cost grows with the square of a paragraph's length; no paragraph
    in the generated Markdown is longer than MAX_PARAGRAPH (plus its escapes), and no word
    or link is lost by the cuts."""
    from generator.stages.render import MAX_PARAGRAPH

    sentence = "Nederland werkt samen met Japan aan de naleving (van) de afspraken-1. "
    long_paragraph = sentence * 3000  # 213,000 characters, one paragraph
    project = project_copy(tmp_path, ("brief.txt", f"Den Haag, 3 maart 2021\n\nOnderwerp: Lang\n\n{long_paragraph}\n"))
    outcome = generate(built(project))
    assert not outcome.has_errors
    page = next(p for p in (project / "build" / "docs" / "documenten").glob("*.md") if p.name != "index.md").read_text(encoding="utf-8")
    assert max(len(line) for line in page.splitlines()) < MAX_PARAGRAPH * 1.3
    assert page.count("Nederland") == page.count("afspraken") == 3000 <= page.count("Japan")
    # Japan is a partner: the key facts link it, and its first mention in the text, once
    assert page.count("](../partners/japan.md)") == 2


def test_a_document_that_takes_too_long_is_a_problem_naming_it(tmp_path, monkeypatch):
    import time

    import generator.pipeline as pipeline

    project = project_copy(tmp_path)
    real = pipeline.extract

    def slow(document, lexicon):
        if document.source.path.name == "brief.txt":
            time.sleep(5)
        return real(document, lexicon)

    monkeypatch.setattr(pipeline, "extract", slow)
    monkeypatch.setattr(pipeline, "DOCUMENT_SECONDS", 0.5)
    outcome = generate(built(project), workers=1)
    slow_ones = [p for p in outcome.problems if p.file == "source_docs/brief.txt"]
    assert slow_ones and "longer than 0.5 s" in slow_ones[0].message
    assert [d.record.source for d in outcome.documents] == ["source_docs/ander.txt"]


def test_workers_end_with_a_killed_build(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    big = LETTER + "Nederland werkt met Duitsland samen aan de naleving van de afspraken. " * 60_000
    documents = [(f"brief-{n:02}.txt", big.replace("3 maart", f"{n + 1} maart")) for n in range(16)]
    project = project_copy(tmp_path, *documents)
    build_process = subprocess.Popen([sys.executable, "-m", "generator", "build", "-q", "--jobs", "2"], cwd=project,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while not workers and time.monotonic() < deadline and build_process.poll() is None:
        for task in Path(f"/proc/{build_process.pid}/task").glob("*/children"):
            workers |= {int(pid) for pid in task.read_text().split()}
        time.sleep(0.05)
    if not workers:
        pytest.skip("the build finished before its workers could be seen")
    time.sleep(1)  # the workers are busy with long documents now
    build_process.send_signal(signal.SIGKILL)
    build_process.wait(timeout=30)
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    alive = [pid for pid in workers if Path(f"/proc/{pid}/status").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()]
    assert alive == []


def test_a_sidecar_id_that_is_an_overview_pages_name_is_blamed_on_the_sidecar(tmp_path):
    project = project_copy(tmp_path)
    (project / "source_docs" / "brief.meta.yml").write_text("id: index\n", encoding="utf-8")
    outcome = build(built(project))
    blamed = [p for p in outcome.problems if p.field == "id"]
    assert blamed and blamed[0].file == "source_docs/brief.meta.yml" and "overview" in blamed[0].message
    assert len(outcome.documents) == 2 and (project / "site" / "documenten" / "index.html").is_file()


def test_a_persons_folder_named_like_the_generators_scratch_folders_is_left_alone(tmp_path):
    project = project_copy(tmp_path)
    theirs = project / ".site.building"
    theirs.mkdir()
    (theirs / "notities.txt").write_text("van mij\n", encoding="utf-8")
    outcome = build(built(project))
    assert any(".site.building" in p.file and "not made by the generator" in p.message for p in outcome.problems)
    assert (theirs / "notities.txt").read_text(encoding="utf-8") == "van mij\n"
    (theirs / "notities.txt").unlink()
    assert not build(built(project)).has_errors and (project / "site" / "index.html").is_file()
