"""Extraction results cached by content: document bytes, sidecar, vocabulary and generator code.

Adding one document to a thousand re-extracts one; editing the vocabulary or the
generator re-extracts all. Entries not used by a build are removed after it.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from . import __version__
from .model import Document, Problem

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever any module of the generator changes."""
    digest = hashlib.sha256(__version__.encode())
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(module.relative_to(PACKAGE)).encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()


def folder_fingerprint(folder: Path) -> str:
    """Changes whenever a file under `folder` is added, removed, renamed or edited."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class ExtractionCache:
    def __init__(self, folder: Path, vocabulary: Path, settings: str = ""):
        """`settings`: anything else that changes what extraction gives (the size limit)."""
        self.folder = folder
        self.salt = f"{code_fingerprint()}:{folder_fingerprint(vocabulary)}:{settings}"
        self.used: set[str] = set()

    def key(self, path: Path, display: str, sidecar: Path | None) -> str | None:
        """None when the file cannot be read (the reader will say why)."""
        digest = hashlib.sha256(self.salt.encode())
        digest.update(display.encode())
        try:
            digest.update(path.read_bytes())
            digest.update(sidecar.read_bytes() if sidecar else b"-")
        except OSError:
            return None
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> tuple[Document | None, list[Problem]] | None:
        try:
            with self._file(key).open("rb") as handle:
                entry = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
            return None
        self.used.add(key)
        return entry

    def put(self, key: str, document: Document | None, problems: list[Problem]) -> None:
        target = self._file(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump((document, problems), handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(target)
        self.used.add(key)

    def prune(self) -> None:
        """Forget entries this build did not use."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.glob("*/*.pickle"):
            if entry.stem not in self.used:
                entry.unlink()
