"""The writers' loop: regenerate the Markdown when an input changes; MkDocs' own
development server rebuilds and reloads the browser when the Markdown changes."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from generator.pipeline import Outcome, Project, generate
from generator.run.progress import Progress

POLL_SECONDS = 1.0


def snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    """(modification time, size) of every file under `folders`."""
    state: dict[Path, tuple[int, int]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            try:
                info = path.stat()
            except OSError:
                continue
            if path.is_file():
                state[path] = (info.st_mtime_ns, info.st_size)
    return state


def watch(
    folders: list[Path], on_change: Callable[[], None], stop: threading.Event, interval: float = POLL_SECONDS
) -> None:
    """Call `on_change` whenever a file under `folders` is added, removed or modified."""
    seen = snapshot(folders)
    while not stop.wait(interval):
        current = snapshot(folders)
        if current != seen:
            seen = current
            on_change()


def serve(
    project: Project,
    address: str,
    report: Callable[[Outcome], object],
    workers: int = 1,
    progress: Progress = Progress(),
) -> None:
    """Generate, then serve at `address` ("127.0.0.1:8000") until interrupted."""
    report(generate(project, workers, progress))
    inputs = [project.source, project.vocabulary, project.templates]
    stop = threading.Event()

    def regenerate() -> None:
        print("Invoer gewijzigd: pagina's worden opnieuw gemaakt.", file=sys.stderr)
        report(generate(project, workers, progress))

    watcher = threading.Thread(target=watch, args=(inputs, regenerate, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(
            config_file=str(project.config),
            livereload=True,
            watch=[str(project.root / "site_overrides")],
            dev_addr=address,
            docs_dir=str(project.docs),
        )
    finally:
        stop.set()
