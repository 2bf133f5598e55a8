"""The offline archive, read as files: layout, determinism, links, and no network resources.

The browser tests (tests/test_browser.py) open it in Chromium."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
import yaml
from archivecheck import make_archive, remote_resources
from conftest import ROOT, run_cli
from htmlcheck import broken_links

from generator.stages.archive import ARCHIVE_NAME, offline_settings

pytest_plugins = ["conftest_browser"]

SOURCES = sorted(p.name for p in (ROOT / "source_docs").iterdir() if p.is_file())


def test_one_top_level_folder_with_the_site_at_its_top(archive):
    with zipfile.ZipFile(archive.zip_file) as opened:
        names = opened.namelist()
    assert {name.split("/")[0] for name in names} == {ARCHIVE_NAME}
    top = archive.unpacked
    for name in ("index.html", "LEESMIJ.txt", "search/search_index.js", "documenten/kst-33279-29.html",
                 "partners/japan.html", "assets/javascripts/iframe-worker-shim.js",
                 "assets/javascripts/iframe-worker-LICENSE.txt"):
        assert (top / name).is_file(), name


def test_records_as_yaml_and_json(archive):
    ids = sorted(document.record.id for document in archive.outcome.documents)
    records = archive.unpacked / "records"
    assert sorted(p.name for p in records.iterdir()) == sorted([f"{i}.json" for i in ids] + [f"{i}.yml" for i in ids])
    for record_id in ids:
        as_yaml = yaml.safe_load((records / f"{record_id}.yml").read_text(encoding="utf-8"))
        as_json = json.loads((records / f"{record_id}.json").read_text(encoding="utf-8"))
        assert as_yaml == as_json
        assert as_json["id"] == record_id


def test_original_sources_unchanged(archive):
    sources = archive.unpacked / "bronnen"
    assert sorted(p.name for p in sources.iterdir()) == SOURCES
    for name in SOURCES:
        assert (sources / name).read_bytes() == (ROOT / "source_docs" / name).read_bytes()


def test_leesmij_is_dutch_and_says_how_to_open_it(archive):
    text = (archive.unpacked / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "index.html" in text and "uitpakken" in text and "internetverbinding" in text
    assert "5 documenten" in text


def test_pages_link_to_files_not_folders(archive):
    html = (archive.unpacked / "documenten" / "mindef20250041931.html").read_text(encoding="utf-8")
    assert 'href="../partners/japan.html"' in html
    assert 'src="../assets/javascripts/iframe-worker-shim.js"' in html
    assert "navigation.instant" not in html


def test_every_link_inside_resolves(archive):
    assert broken_links(archive.unpacked) == []


def test_same_inputs_same_bytes(archive, tmp_path):
    again, outcome = make_archive(tmp_path, "again.zip")
    assert list(outcome.problems) == []
    assert again.read_bytes() == archive.zip_file.read_bytes()


def test_entries_are_sorted_with_one_date_and_fixed_permissions(archive):
    newest = max(d.record.date for d in archive.outcome.documents if d.record.date)
    with zipfile.ZipFile(archive.zip_file) as opened:
        infos = opened.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(newest.year, newest.month, newest.day, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos if not i.is_dir()} == {0o100644}
    assert {i.external_attr >> 16 for i in infos if i.is_dir()} == {0o040755}


def test_source_date_epoch_dates_the_entries(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    zip_file, outcome = make_archive(tmp_path)
    assert list(outcome.problems) == []
    with zipfile.ZipFile(zip_file) as opened:
        assert {i.date_time for i in opened.infolist()} == {(2023, 11, 14, 22, 13, 20)}


@pytest.mark.parametrize("which", ["archive", "hosted"])
def test_no_resource_from_the_network(which, archive, seeds_site):
    folder = archive.unpacked if which == "archive" else seeds_site.site
    assert remote_resources(folder) == []


def test_remote_resource_scan_finds_what_it_should(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css"><script src="//cdn.example/x.js"></script>'
        '<img srcset="a.png 1x, http://cdn.example/b.png 2x"><a href="https://example.org/">fine</a>'
        '<link rel="alternate" href="https://example.org/feed">',
        encoding="utf-8",
    )
    (tmp_path / "b.css").write_text('@import "https://cdn.example/y.css"; p { background: url( "http://x/i.png") }')
    (tmp_path / "c.js").write_text('s.src = "https://cdn.example/z.js"; importScripts("https://cdn.example/w.js")')
    found = remote_resources(tmp_path)
    assert len(found) == 7, found
    assert not any("example.org" in line for line in found)


def test_material_never_takes_its_own_remote_paths(archive):
    """Material's bundle loads from a CDN only for mermaid diagrams and a GitHub repository
    (and a ResizeObserver polyfill in browsers too old to matter): the site must have neither."""
    for page in archive.unpacked.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html and "md-source" not in html, page


def test_offline_settings_keep_the_hosted_plugins_and_add_the_polyfill():
    settings, problems = offline_settings(ROOT / "mkdocs.yml")
    assert problems == []
    assert settings["use_directory_urls"] is False
    assert "offline" in settings["plugins"] and {"search": {"lang": "nl"}} in settings["plugins"]
    assert settings["extra"]["polyfills"] == ["assets/javascripts/iframe-worker-shim.js"]
    assert settings["theme"]["font"] is False
    assert not any(re.match("navigation.instant", f) for f in settings["theme"]["features"])


def test_vendored_polyfill_is_the_pinned_npm_file():
    import hashlib

    folder = ROOT / "site_overrides" / "assets" / "javascripts"
    note = (folder / "VENDORED.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((folder / "iframe-worker-shim.js").read_bytes()).hexdigest()
    assert digest in note and "1.0.4" in note


def test_cli_writes_the_archive(tmp_path):
    out = tmp_path / "out" / "a.zip"
    result = run_cli("archive", "--strict", "--out", str(out), "--work", str(tmp_path / "build"))
    assert result.returncode == 0, result.stderr
    assert f"archive: {out}" in result.stdout and "documents: 5" in result.stdout
    with zipfile.ZipFile(out) as opened:
        assert f"{ARCHIVE_NAME}/index.html" in opened.namelist()


def test_cli_refuses_a_folder_as_the_archive(tmp_path):
    result = run_cli("archive", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "folder" in result.stderr and result.stderr.count("\n") == 1


def test_cli_help_has_an_example():
    result = run_cli("archive", "--help")
    assert result.returncode == 0
    assert "example:" in result.stdout and "python -m generator archive" in result.stdout


def test_hosted_site_does_not_load_the_polyfill(seeds_site):
    html = seeds_site.html("index.html")
    assert "iframe-worker" not in html and "search_index.js" not in html
