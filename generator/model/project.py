"""Where a project's inputs live and where its outputs go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
"""Larger documents are refused: no ministry document is this big, a mistaken dump might be."""
ARCHIVE_NAME = "archief-internationale-militaire-samenwerking"
ARCHIVE_COMMENT = ARCHIVE_NAME.encode()
"""The comment of every zip the generator writes: how it knows an archive it may overwrite."""
MARKER = ".archief-generator"
"""The file that marks a folder the generator made (the work folder, the site)."""


def built_by_mkdocs(folder: Path) -> bool:
    """A site MkDocs built (the generator's own before it marked its folders)."""
    index = folder / "index.html"
    try:
        head = index.read_text(encoding="utf-8", errors="replace")[:4096] if index.is_file() else ""
    except OSError:
        return False
    return 'name="generator" content="mkdocs-' in head


def shown_path(path: Path, relative_to: Path | None) -> str:
    """`path` as a person knows it: relative to the project, when it lies inside it."""
    if relative_to is not None and path.resolve().is_relative_to(relative_to.resolve()):
        return str(path.resolve().relative_to(relative_to.resolve()))
    return str(path)


@dataclass(frozen=True)
class Project:
    root: Path
    source: Path
    out: Path
    work: Path
    """Generated records and Markdown (ignored by git)."""
    max_bytes: int = MAX_BYTES
    """Documents larger than this are refused with an error, so that no input stalls a build."""

    @classmethod
    def at(
        cls,
        root: Path,
        source: Path | None = None,
        out: Path | None = None,
        work: Path | None = None,
        max_bytes: int | None = None,
    ) -> "Project":
        return cls(
            root=root,
            source=source or root / "source_docs",
            out=out or root / "site",
            work=work or root / "build",
            max_bytes=max_bytes or MAX_BYTES,
        )

    @property
    def vocabulary(self) -> Path:
        return self.root / "vocabulary"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    @property
    def records(self) -> Path:
        return self.work / "records"

    @property
    def page_store(self) -> Path:
        """What MkDocs made of each page at the last build (stages/site/page_store.py)."""
        return self.work / "site-pages.sqlite"

    @property
    def cache(self) -> Path:
        return self.work / "cache"

    @property
    def archive(self) -> Path:
        """Where `archive` writes the zip unless told otherwise."""
        return self.work / f"{ARCHIVE_NAME}.zip"
