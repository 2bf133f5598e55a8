"""Search in a larger archive: the five seeds among 200 synthesised documents
(benchmarks/synth.py), hosted and from file://, in headless Chromium.

The seeds are kept so that the pages the reader looks for (kst-33279-29, ACSA) exist;
the synthesised documents mention Japan, Tactical Edge Networking and Kamerstukken of
dossier 33 279 often, so that the hub pages have to win against many documents. The
1,000-document run is in benchmarks/ (benchmarks/README.md, "Search at scale").
"""

from __future__ import annotations

import shutil
import sys
import zipfile

import pytest
from conftest import ROOT
from conftest_browser import SEARCH_FIRST

from generator.model.project import ARCHIVE_NAME, Project
from generator.pipeline import build, build_archive

pytest_plugins = ["conftest_browser"]

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

DOCUMENTS = 200
FIRST = SEARCH_FIRST
ROW_CHARS = 300


@pytest.fixture(scope="module")
def larger(tmp_path_factory):
    """(the hosted site, the unpacked archive's folder) of the seeds and DOCUMENTS synthesised ones."""
    tmp = tmp_path_factory.mktemp("search-synth")
    source = tmp / "source"
    shutil.copytree(ROOT / "source_docs", source)
    for name, text in synth.synthesise(DOCUMENTS, seed=1):
        (source / name).write_text(text, encoding="utf-8")
    project = Project.at(ROOT, source=source, out=tmp / "site", work=tmp / "build")
    outcome = build(project, workers=2)
    assert (tmp / "site" / "search" / "zoekindex.js").is_file(), [str(p) for p in outcome.problems][:5]
    zip_file = tmp / "archief.zip"
    build_archive(project, zip_file, workers=2)
    with zipfile.ZipFile(zip_file) as opened:
        opened.extractall(tmp / "unpacked")
    return tmp / "site", tmp / "unpacked" / ARCHIVE_NAME


@pytest.fixture(scope="module")
def served(larger):
    import subprocess
    import time
    import urllib.request

    from conftest_browser import _free_port

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(larger[0])],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def answers(chromium, url: str) -> dict[str, list[tuple[str, str]]]:
    from test_browser import search

    page = chromium.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(url, wait_until="load")
        found = {query: search(page, query) for query in [*FIRST, "samenwerkingen", "Oekraine", "munitie Japan"]}
    finally:
        page.close()
    assert errors == []
    return found


def test_the_named_page_comes_first_among_many_hosted_and_offline(larger, served, chromium):
    hosted = answers(chromium, served)
    offline = answers(chromium, (larger[1] / "index.html").resolve().as_uri())
    for found in (hosted, offline):
        for query, expected in FIRST.items():
            assert found[query] and found[query][0][0] == expected, (query, [path for path, _ in found[query][:5]])
        assert found["samenwerkingen"] and found["Oekraine"]
        for query, rows in found.items():
            assert max(len(" ".join(text.split())) for _, text in rows) <= ROW_CHARS, query
    assert {q: [p for p, _ in rows] for q, rows in hosted.items()} == {q: [p for p, _ in rows] for q, rows in offline.items()}
