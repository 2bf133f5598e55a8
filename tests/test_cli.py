"""The command line: help, usage mistakes, and the extract --json contract."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, run_cli

SEEDS = sorted((ROOT / "source_docs").glob("*.txt"))


@pytest.mark.parametrize("command", ["build", "extract", "check", "archive", "serve"])
def test_every_command_has_help_with_an_example(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "example:" in result.stdout and f"python -m generator {command}" in result.stdout


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("build", "extract --json", "check", "archive", "serve"):
        assert f"python -m generator {command}" in readme


def test_missing_source_folder_is_a_usage_error_of_one_line(tmp_path):
    result = run_cli("build", "--source", str(tmp_path / "nowhere"), "--out", str(tmp_path / "site"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nowhere" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_for_extract_is_a_usage_error(tmp_path):
    result = run_cli("extract", "--json", str(tmp_path / "absent.txt"))
    assert result.returncode == 2
    assert "absent.txt" in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2():
    assert run_cli("build", "--no-such-option").returncode == 2


@pytest.mark.parametrize("address", ["8000", "localhost:", "127.0.0.1:http"])
def test_a_bad_serve_address_is_a_usage_error(address):
    result = run_cli("serve", "--address", address)
    assert result.returncode == 2
    assert "--address expects HOST:PORT" in result.stderr and "Traceback" not in result.stderr


def test_extract_json_prints_one_record_per_file_in_input_order():
    files = [str(path.relative_to(ROOT)) for path in reversed(SEEDS)]
    result = run_cli("extract", "--json", *files)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["source"] for record in records] == files
    for record in records:
        assert set(record) >= {
            "source", "id", "title", "doc_type", "date", "date_source", "reference", "kamerstuk",
            "author", "recipient", "redacted", "countries", "partners", "organisations",
            "initiatives", "topics", "cites", "evidence",
        }


def test_undecodable_or_empty_file_is_reported_and_the_rest_still_extracted(tmp_path):
    empty = tmp_path / "leeg.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = run_cli("extract", "--json", str(empty), str(SEEDS[0]))
    assert result.returncode == 1
    assert "leeg.txt" in result.stderr and "empty" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_check_validates_without_building(tmp_path):
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "documents: 5" in result.stdout


def _project_copy(tmp_path, *documents: tuple[str, str]):
    for name in ("mkdocs.yml", "vocabulary", "templates", "site_overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    (tmp_path / "source_docs").mkdir()
    for name, text in documents:
        (tmp_path / "source_docs" / name).write_text(text, encoding="utf-8")
    return tmp_path


CURATION_LETTER = (
    "Den Haag, 3 maart 2024\n\n"
    "Nederland en Duitsland starten het Baltic Drone Shield Programme (BDSP). "
    "Ook Noorwegen en Frankrijk nemen deel aan het Baltic Drone Shield Programme.\n"
)


def test_check_lists_what_a_curator_should_add(tmp_path):
    project = _project_copy(tmp_path, ("brief.txt", CURATION_LETTER))
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "for the curator (2):" in result.stdout
    assert "Baltic Drone Shield Programme (BDSP)" in result.stdout and "brief.txt" in result.stdout
    # The letter states its date but no reference, signatory or subject: a sidecar can add them.
    (unfilled,) = [line for line in result.stdout.splitlines() if "not found in the text" in line]
    assert "brief.txt" in unfilled and "reference, author, title" in unfilled and "date" not in unfilled.split(":")[-1]
    assert ".meta.yml" in unfilled
    assert run_cli("check", "-q", cwd=project).stdout == ""


def test_check_is_quiet_about_a_record_it_could_fill(tmp_path):
    letter = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2024\n\n"
        "Onze referentie\nBS2024012345\n\nBetreft: Samenwerking met Duitsland\n\n"
        "Nederland en Duitsland werken samen.\n\nDe minister van Defensie,\n\nJ.A. de Vries\n"
    )
    project = _project_copy(tmp_path, ("brief.txt", letter))
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "not found in the text" not in result.stdout, result.stdout


def test_quiet_prints_only_problems_and_verbose_every_document(tmp_path):
    project = _project_copy(tmp_path, ("brief.txt", CURATION_LETTER), ("leeg.txt", " \n"))
    quiet = run_cli("build", "-q", "--jobs", "1", cwd=project)
    assert quiet.returncode == 1
    assert quiet.stdout == ""
    assert quiet.stderr.count("\n") == 1 and "leeg.txt" in quiet.stderr
    verbose = run_cli("build", "-v", cwd=project)
    assert "documents: 1 (0 extracted, 2 from cache)" in verbose.stdout
    assert "brief.txt" in verbose.stdout


@pytest.mark.parametrize("jobs", ["0", "twee"])
def test_jobs_must_be_a_positive_number(jobs):
    result = run_cli("build", "--jobs", jobs)
    assert result.returncode == 2
    assert "--jobs" in result.stderr and "1 or more" in result.stderr


def test_the_size_limit_is_an_option(tmp_path):
    project = _project_copy(tmp_path, ("brief.txt", CURATION_LETTER), ("groot.txt", CURATION_LETTER + "x" * 300_000))
    result = run_cli("check", "--max-size", "0.1", cwd=project)
    assert result.returncode == 1
    assert "groot.txt" in result.stderr and "at most" in result.stderr
    assert run_cli("check", "--max-size", "1", cwd=project).returncode == 0
    assert run_cli("check", "--max-size", "nul", cwd=project).returncode == 2
