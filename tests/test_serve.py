"""The writers' loop: `serve` regenerates and reloads when a document changes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import ROOT

PROJECT_FILES = ("mkdocs.yml", "templates", "vocabulary", "site_overrides", "source_docs")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_serve_picks_up_a_new_document(tmp_path):
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        home = wait_for(f"http://127.0.0.1:{port}/")
        assert "Archief internationale militaire samenwerking" in home
        (tmp_path / "source_docs" / "nieuw.txt").write_text(
            "Den Haag, 9 september 2021\n\nNederland werkt samen met IJsland bij Air Policing.\n", encoding="utf-8"
        )
        page = wait_for(f"http://127.0.0.1:{port}/tijdlijn/2021/")
        assert "9 september 2021" in page
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_on_a_port_in_use_says_so_before_building(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--address", f"127.0.0.1:{port}"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )
    assert result.returncode == 2
    assert f"cannot serve at 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
    assert time.monotonic() - started < 30
