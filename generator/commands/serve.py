"""The writers' loop: build the site as `build` does (only changed pages are rendered),
serve it, and build again and reload the browser whenever an input changes.

The preview is built into the work folder (`build/preview/`), never into `site/`, so a
writer's unfinished edit is never published. MkDocs' development server serves it: it
watches the inputs, gathers a burst of changes into one rebuild, and reloads the page.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace

from mkdocs.livereload import LiveReloadServer

from generator.model.project import Project
from generator.pipeline import Outcome, build
from generator.run.lock import Busy, exclusive
from generator.run.progress import Progress

PREVIEW = "preview"


class AddressInUse(Exception):
    """The address to serve at cannot be taken."""


class _Server(LiveReloadServer):
    """Binds its address before the first build, so that a port in use is said at once."""

    _bound = False

    def bind_now(self) -> None:
        try:
            super().server_bind()
            super().server_activate()
        except OSError as exc:
            self.server_close()
            raise AddressInUse(f"cannot serve at {self.server_address[0]}:{self.server_address[1]}: {exc.strerror or exc}") from None
        self._bound = True

    def server_bind(self) -> None:
        if not self._bound:
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()


def serve(
    project: Project,
    address: str,
    report: Callable[[Outcome], object],
    workers: int = 1,
    progress: Progress = Progress(),
) -> None:
    """Build, then serve at `address` ("127.0.0.1:8000") until interrupted."""
    preview = replace(project, out=project.work / PREVIEW)
    host, _, port = address.rpartition(":")

    def rebuild() -> None:
        try:
            with exclusive(project.work):
                report(build(preview, workers=workers, progress=progress))
        except Busy as exc:
            print(f"error: {exc}", file=sys.stderr)
        except Exception as exc:  # the server must outlive any failure, and say what it was
            print(f"error: the site could not be built again: {type(exc).__name__}: {exc}", file=sys.stderr)

    server = _Server(builder=rebuild, host=host, port=int(port), root=str(preview.out))
    server.bind_now()
    server.error_handler = lambda code: _error_page(preview, code)
    rebuild()
    for path in (project.source, project.vocabulary, project.templates, project.root / "site_overrides", project.config):
        if path.exists():
            server.watch(str(path))
    print(f"serving the site at http://{host}:{port}/ (built in {preview.out}); Ctrl+C stops", file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def _error_page(project: Project, code: int) -> bytes | None:
    page = project.out / f"{code}.html"
    try:
        return page.read_bytes() if code in (404, 500) else None
    except OSError:
        return None
