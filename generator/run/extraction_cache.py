"""Extraction results cached by content: document bytes, sidecar, vocabulary and generator code.

Adding one document to a thousand re-extracts one; editing the vocabulary or the
generator re-extracts all. Entries not used by a build are removed after it. The
extraction workers store what they extract themselves, so the cleaned text never
passes through the main process.

This cache stays whatever it costs to read: the incremental contract needs it (at
1,000 documents a warm generation takes 1-2 s against 7-14 s cold).
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
DIGEST_BYTES = 16
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
            stored, problems = _read(record_file)
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
    """`value` behind the digest of its bytes, so that a damaged entry is never taken for a good one."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(_digest(data) + data)
    temporary.replace(target)


def _read(path: Path) -> object:
    raw = path.read_bytes()
    data = raw[DIGEST_BYTES:]
    if raw[:DIGEST_BYTES] != _digest(data):
        raise ValueError("its bytes do not match their digest")
    return pickle.loads(data)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


def _load_text(path: Path, record_file: Path) -> CleanDocument:
    """The stored text; an entry that cannot be read is removed, so the next build extracts again."""
    try:
        return _read(path)
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

    def key(self, path: Path, display: str, *companions: Path | None) -> tuple[str | None, str | None]:
        """(the key, the SHA-256 of the document's bytes it was made from); (None, None)
        when the file cannot be read (the reader will say why). `companions` are the files
        read with it (its sidecar, its publisher's metadata): a change to one is a change."""
        try:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
            beside = [companion.read_bytes() if companion else b"-" for companion in companions]
        except OSError:
            return None, None
        digest = hashlib.sha256(self.salt.encode())
        for part in (display.encode(), content.encode(), *beside):
            digest.update(hashlib.sha256(part).digest())
        return digest.hexdigest(), content

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
