"""Fixtures for the offline archive and the browser tests, built once per session.

Loaded with `pytest_plugins = ["conftest_browser"]` by the test modules that need it, so
that the session fixtures are shared between them.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from archivecheck import make_archive
from conftest import Built

from generator.model.project import ARCHIVE_NAME
from generator.pipeline import Outcome


@dataclass(frozen=True)
class Archive:
    zip_file: Path
    outcome: Outcome
    unpacked: Path
    """The archive's one top-level folder, unpacked."""


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> Archive:
    """The archive of source_docs/, built once and unpacked."""
    tmp = tmp_path_factory.mktemp("archive")
    zip_file, outcome = make_archive(tmp)
    assert [str(p) for p in outcome.problems] == []
    with zipfile.ZipFile(zip_file) as opened:
        opened.extractall(tmp / "unpacked")
    return Archive(zip_file, outcome, tmp / "unpacked" / ARCHIVE_NAME)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def hosted(seeds_site: Built):
    """The hosted build served by `python -m http.server` on 127.0.0.1; yields its base URL."""
    for _ in range(3):
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(seeds_site.site)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}/"
        if _wait_until_up(base, server):
            break
        server.kill()
        server.wait()
    else:
        pytest.fail("python -m http.server did not start")
    try:
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(url: str, server: subprocess.Popen, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


def chromium_path() -> Path:
    """Debian's chromium, else Google Chrome, or the browser named by $CHROMIUM (as test_browser.py)."""
    import os
    import shutil

    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright, started once for the session (one sync instance per thread is all it allows)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_driver):
    """A headless Chromium of its own (for the search tests), closed at the end of the session."""
    path = chromium_path()
    if not path.is_file():
        pytest.fail(f"{path} is missing: apt-get install -y chromium (see .ci/run)")
    browser = playwright_driver.chromium.launch(
        executable_path=str(path), headless=True,
        args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    )
    try:
        yield browser
    finally:
        browser.close()


SEARCH_FIRST = {
    "Japan": "partners/japan",
    "Tactical Edge": "initiatieven/tactical-edge-networking",
    "TEN": "initiatieven/tactical-edge-networking",
    "ACSA": "initiatieven/acsa",
    "33279-29": "documenten/kst-33279-29",
    "33 279, nr. 29": "documenten/kst-33279-29",
}
"""A query, and the page the archive's search must show first for it (seeds and synthesised archives)."""
