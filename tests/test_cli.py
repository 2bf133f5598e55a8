"""The command line: help, usage mistakes, and the extract --json contract."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli

SEEDS = sorted((ROOT / "source_docs").glob("*.txt"))


@pytest.mark.parametrize("command", ["build", "extract", "check"])
def test_every_command_has_help_with_an_example(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "example:" in result.stdout and f"python -m generator {command}" in result.stdout


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("build", "extract --json", "check"):
        assert f"python -m generator {command}" in readme


def test_missing_source_folder_is_one_line_and_exit_1(tmp_path):
    result = run_cli("build", "--source", str(tmp_path / "nowhere"), "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nowhere" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_for_extract_is_one_line_and_exit_1(tmp_path):
    result = run_cli("extract", "--json", str(tmp_path / "absent.txt"))
    assert result.returncode == 1
    assert "absent.txt" in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2():
    assert run_cli("build", "--no-such-option").returncode == 2


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
