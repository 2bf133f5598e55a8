"""Extraction results cached by content: document bytes, sidecar, vocabulary and generator code.

Adding one document to a thousand re-extracts one; editing the vocabulary or the
generator re-extracts all. Entries not used by a build are removed after it. The
extraction workers store what they extract themselves, so the cleaned text never
passes through the main process.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from generator import __version__
from generator.model import CleanDocument, Document, Problem, Text

Result = tuple[Document | None, list[Problem]]

PACKAGE = Path(__file__).resolve().parent.parent


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


class Entries:
    """Extraction results by key, each in two files: the record (small; every build loads
    it) and the cleaned text (large; loaded only when its page is made)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _files(self, key: str) -> tuple[Path, Path]:
        folder = self.folder / key[:2]
        return folder / f"{key}.pickle", folder / f"{key}.text.pickle"

    def get(self, key: str) -> Result | None:
        record_file, text_file = self._files(key)
        try:
            with record_file.open("rb") as handle:
                stored, problems = pickle.load(handle)
            if stored is None:
                return None, problems
            record, source, digest, record_yaml = stored
            if not text_file.is_file():
                return None
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return Document(record, source, Text(digest, partial(_load_text, text_file)), record_yaml), problems

    def put(self, key: str, result: Result) -> Result:
        """Store `result`; returned as `get` will give it, its text no longer in memory."""
        document, problems = result
        record_file, text_file = self._files(key)
        record_file.parent.mkdir(parents=True, exist_ok=True)
        stored = None
        if document is not None:
            _write(text_file, document.clean)
            stored = (document.record, document.source, document.text.digest, document.record_yaml)
        _write(record_file, (stored, problems))
        if document is None:
            return result
        return replace(document, text=Text(document.text.digest, partial(_load_text, text_file))), problems


def _write(target: Path, value: object) -> None:
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(target)


def _load_text(path: Path) -> CleanDocument:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError) as exc:
        raise RuntimeError(f"the extraction cache entry '{path}' cannot be read ({exc}); build again") from exc


class ExtractionCache:
    def __init__(self, folder: Path, vocabulary: Path, settings: str = ""):
        """`settings`: anything else that changes what extraction gives (the size limit)."""
        self.entries = Entries(folder)
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

    def get(self, key: str) -> Result | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.used.add(key)
        return entry

    def stored(self, key: str) -> None:
        """`key` was stored by an extraction worker: keep it."""
        self.used.add(key)

    def prune(self) -> None:
        """Forget entries this build did not use."""
        folder = self.entries.folder
        if not folder.is_dir():
            return
        for entry in folder.glob("*/*"):
            if entry.name.partition(".")[0] not in self.used:
                entry.unlink()
