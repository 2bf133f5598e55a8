"""The writers' loop: regenerate the Markdown when an input changes; MkDocs' own
development server rebuilds and reloads the browser when the Markdown changes.

Changes are seen through watchdog (which MkDocs itself uses), and gathered for a
moment before regenerating, so that saving ten files costs one generation."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.model.project import Project
from generator.pipeline import Outcome, generate
from generator.run.lock import Busy, exclusive
from generator.run.progress import Progress

SETTLE_SECONDS = 0.3
"""How long the inputs must stay unchanged before the pages are made again."""


class _Changes(FileSystemEventHandler):
    def __init__(self) -> None:
        self.seen = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type != "opened" and event.event_type != "closed_no_write":
            self.seen.set()


def watch(
    folders: list[Path], on_change: Callable[[], None], stop: threading.Event, settle: float = SETTLE_SECONDS
) -> None:
    """Call `on_change` after files under `folders` are added, removed or modified, until `stop`."""
    changes = _Changes()
    observer = Observer()
    for folder in folders:
        if folder.is_dir():
            observer.schedule(changes, str(folder), recursive=True)
    observer.start()
    try:
        while not stop.is_set():
            if not changes.seen.wait(0.2):
                continue
            while changes.seen.is_set() and not stop.is_set():
                changes.seen.clear()
                stop.wait(settle)
            if not stop.is_set():
                on_change()
    finally:
        observer.stop()
        observer.join()


def serve(
    project: Project,
    address: str,
    report: Callable[[Outcome], object],
    workers: int = 1,
    progress: Progress = Progress(),
) -> None:
    """Generate, then serve at `address` ("127.0.0.1:8000") until interrupted."""
    with exclusive(project.work):
        report(generate(project, workers, progress))
    inputs = [project.source, project.vocabulary, project.templates]
    stop = threading.Event()

    def regenerate() -> None:
        print("Invoer gewijzigd: pagina's worden opnieuw gemaakt.", file=sys.stderr)
        try:
            with exclusive(project.work):
                report(generate(project, workers, progress))
        except Busy as exc:
            print(f"error: {exc}", file=sys.stderr)
        except Exception as exc:  # the watcher must outlive any failure, and say what it was
            print(f"error: the pages could not be made again: {type(exc).__name__}: {exc}", file=sys.stderr)

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
