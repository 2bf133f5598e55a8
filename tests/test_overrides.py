"""Sidecars: people's corrections win, are validated field by field, and are never rewritten."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT, run_cli

SEED = ROOT / "source_docs" / "verslag-navo-defensieministers-juni-2019.txt"


def extract_one(tmp_path, sidecar: str | None):
    document = tmp_path / "verslag.txt"
    shutil.copy(SEED, document)
    if sidecar is not None:
        (tmp_path / "verslag.meta.yml").write_text(sidecar, encoding="utf-8")
    result = run_cli("extract", "--json", str(document))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return result, records[0] if records else None


def test_sidecar_overrides_fields_and_marks_them(tmp_path):
    sidecar = (
        "date: 2019-07-01\n"
        "reference: Kamerstuk 28 676, nr. 323\n"
        "kamerstuk: {dossier: '28 676', number: '323'}\n"
        "partners: [FI, Zweden, NO]\n"
        "title: Verslag NAVO-defensieministers juni 2019\n"
    )
    result, record = extract_one(tmp_path, sidecar)
    assert result.returncode == 0, result.stderr
    assert record["date"] == "2019-07-01" and record["date_source"] == "override"
    assert record["kamerstuk"] == {"dossier": "28676", "number": "323", "vergaderjaar": None}
    assert record["title"] == "Verslag NAVO-defensieministers juni 2019"
    assert sorted(p["code"] for p in record["partners"]) == ["FI", "NO", "SE"]
    assert "NO" in {c["code"] for c in record["countries"]}
    assert set(record["overridden"]) == {"date", "reference", "kamerstuk", "partners", "title"}


def test_wrong_types_and_unknown_keys_name_file_field_and_expectation(tmp_path):
    sidecar = 'date: "gisteren"\npartners: "Frankrijk"\nauteur: iemand\nid: ../../x\n'
    result, record = extract_one(tmp_path, sidecar)
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    assert all("verslag.meta.yml" in line for line in errors)
    assert any("'date'" in line and "a date like 2019-06-19" in line and "gisteren" in line for line in errors)
    assert any("'partners'" in line and "a list" in line for line in errors)
    assert any("'auteur'" in line and "unknown field" in line for line in errors)
    assert any("'id'" in line for line in errors)
    assert record["date"] is None and record["id"] != "../../x"


def test_invalid_yaml_and_yaml_tags_are_errors_not_code(tmp_path):
    sidecar = "date: !!python/object/apply:os.system ['echo pwned > pwned.txt']\n"
    result, record = extract_one(tmp_path, sidecar)
    assert result.returncode == 1 and "verslag.meta.yml" in result.stderr
    assert not (tmp_path / "pwned.txt").exists() and not (ROOT / "pwned.txt").exists()
    result, record = extract_one(tmp_path, "date: [unclosed\n")
    assert result.returncode == 1 and "valid YAML" in result.stderr
    assert record is not None


def test_a_build_never_changes_a_sidecar(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    shutil.copy(SEED, source / "verslag.txt")
    sidecar = source / "verslag.meta.yml"
    sidecar.write_text("# door een redacteur\ndate: 2019-07-01\n", encoding="utf-8")
    before = sidecar.read_bytes()
    result = run_cli("build", "--source", str(source), "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"))
    assert result.returncode == 0, result.stderr
    assert sidecar.read_bytes() == before
    html = (tmp_path / "site" / "tijdlijn" / "2019" / "index.html").read_text(encoding="utf-8")
    assert "1 juli 2019" in html
