"""Builds are incremental, deterministic and atomic; feeds, exports and the CI workflow."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import feedparser
import pytest
from conftest import ROOT, run_cli

PROJECT_FILES = ("mkdocs.yml", "templates", "vocabulary", "site_overrides")


@pytest.fixture()
def project(tmp_path):
    """A copy of the project's inputs, to break and rebuild freely."""
    for name in PROJECT_FILES + ("source_docs",):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def build_in(project, *args):
    return run_cli("build", *args, cwd=project)


def test_adding_one_document_extracts_only_that_one(project):
    assert build_in(project).stdout.strip().endswith("documents: 5 (5 extracted, 0 from cache)")
    (project / "source_docs" / "nieuw.txt").write_text(
        "Den Haag, 3 maart 2021\n\nNederland en België werken samen bij de vervanging van de M-fregatten.\n",
        encoding="utf-8",
    )
    result = build_in(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("documents: 6 (1 extracted, 5 from cache)")


def test_a_vocabulary_change_extracts_everything_again(project):
    build_in(project)
    with (project / "vocabulary" / "regions.yml").open("a", encoding="utf-8") as handle:
        handle.write("- Hoge Noorden\n")
    assert build_in(project).stdout.strip().endswith("(5 extracted, 0 from cache)")


def test_two_builds_in_separate_folders_are_identical(tmp_path):
    trees = []
    for name in ("een", "twee"):
        result = run_cli("build", "--out", str(tmp_path / name / "site"), "--work", str(tmp_path / name / "w"))
        assert result.returncode == 0, result.stderr
        trees.append(tmp_path / name / "site")
    diff = subprocess.run(["diff", "-r", str(trees[0]), str(trees[1])], capture_output=True, text=True)
    assert diff.returncode == 0, diff.stdout[:2000]


def test_a_broken_configuration_leaves_the_previous_site_untouched(project):
    assert build_in(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    (project / "mkdocs.yml").write_text("theme:\n  name: material\nplugins:\n  - no-such-plugin\n", encoding="utf-8")
    result = build_in(project)
    assert result.returncode == 1
    assert "mkdocs.yml" in result.stderr and "Traceback" not in result.stderr
    assert (project / "site" / "index.html").read_bytes() == before


def test_a_template_error_leaves_the_previous_site_untouched(project):
    assert build_in(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    (project / "templates" / "home.md.j2").write_text("{{ page.no_such_field }}", encoding="utf-8")
    result = build_in(project)
    assert result.returncode == 1
    assert "home.md.j2" in result.stderr and "Traceback" not in result.stderr
    assert (project / "site" / "index.html").read_bytes() == before


def test_every_partner_page_advertises_a_feed_that_parses(seeds_site):
    for page in (seeds_site.site / "partners").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="md-content"' in html and "is in geen enkel document een partner" in html:
            continue
        assert 'rel="alternate" type="application/atom+xml"' in html, page
    feed = feedparser.parse((seeds_site.site / "feeds" / "partners" / "japan.xml").read_bytes())
    assert not feed.bozo
    assert [entry.id for entry in feed.entries][0] == "urn:defensie-archief:document:mindef20250041931"
    everything = feedparser.parse((seeds_site.site / "feeds" / "alles.xml").read_bytes())
    dates = [entry.updated for entry in everything.entries]
    assert len(everything.entries) == 5 and dates == sorted(dates, reverse=True)


def test_exports_hold_every_record(seeds_site):
    records = json.loads((seeds_site.site / "records.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((seeds_site.site / "records.csv").read_text(encoding="utf-8"))))
    ids = {document.record.id for document in seeds_site.outcome.documents}
    assert {record["id"] for record in records} == ids == {row["id"] for row in rows}
    japan = next(row for row in rows if row["id"] == "mindef20250041931")
    assert japan["partners"] == "JP" and japan["date"] == "2025-11-18"


def test_the_ci_workflow_is_valid():
    workflow = ROOT / ".github" / "workflows" / "site.yml"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflow.read_text(encoding="utf-8")
    for needed in ("source_docs/**", "vocabulary/**", "templates/**", "site_overrides/**", "generator/**",
                   "mkdocs.yml", "workflow_dispatch", "upload-pages-artifact", "deploy-pages", "build --strict",
                   "generator archive", "build/cache"):
        assert needed in text, needed
