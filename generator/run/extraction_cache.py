"""Extraction results cached by content: document bytes, sidecar, vocabulary and generator code.

Adding one document to a thousand re-extracts one; editing the vocabulary or the
generator re-extracts all. Entries not used by a build are removed after it. The
extraction workers store what they extract themselves, so the cleaned text never
passes through the main process.

This cache stays whatever it costs to read: the incremental contract needs it (at
1,000 documents a warm generation takes 1.4 s against 9-18 s cold).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from functools import partial
from pathlib import Path

from generator.model import CleanDocument, Document, Problem, Text
from generator.model.document import TextUnavailable
from generator.run.fingerprints import code_fingerprint, folder_fingerprint

Result = tuple[Document | None, list[Problem]]
UNREADABLE = (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError)


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
            record, source, digest, record_digest = stored
            if not text_file.is_file():
                return None
        except UNREADABLE:
            return None
        text = Text(digest, partial(_load_text, text_file, record_file))
        return Document(record, source, text, record_digest), problems

    def put(self, key: str | None, result: Result) -> Result:
        """Store `result` (unless `key` is None); returned as `get` will give it, its text
        no longer in memory."""
        document, problems = result
        if key is None:
            return result
        record_file, text_file = self._files(key)
        record_file.parent.mkdir(parents=True, exist_ok=True)
        stored = None
        if document is not None:
            _write(text_file, document.clean)
            stored = (document.record, document.source, document.text.digest, document.record_digest)
        _write(record_file, (stored, problems))
        if document is None:
            return result
        return replace(document, text=Text(document.text.digest, partial(_load_text, text_file, record_file))), problems


def _write(target: Path, value: object) -> None:
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(target)


def _load_text(path: Path, record_file: Path) -> CleanDocument:
    """The stored text; an entry that cannot be read is removed, so the next build extracts again."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except UNREADABLE as exc:
        for damaged in (path, record_file):
            damaged.unlink(missing_ok=True)
        raise TextUnavailable(f"the extraction cache entry '{path}' cannot be read ({exc})") from exc


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

    def get(self, key: str | None) -> Result | None:
        entry = self.entries.get(key) if key is not None else None
        if entry is not None:
            self.used.add(key)
        return entry

    def keep(self, key: str | None) -> None:
        """`key` was stored by an extraction worker: keep it."""
        if key is not None:
            self.used.add(key)

    def prune(self) -> None:
        """Forget entries this build did not use."""
        folder = self.entries.folder
        if not folder.is_dir():
            return
        for entry in folder.glob("*/*"):
            if entry.name.partition(".")[0] not in self.used:
                entry.unlink()
