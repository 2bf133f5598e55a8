"""What MkDocs made of each page at the last successful build, kept in one SQLite file
in the work folder so that the next build can reuse a page whose inputs did not change.

Per page (by its source path): the digest of its inputs, the SHA-256 of the HTML file
written, and its rendered state: the page's HTML content, table of contents, title,
anchors, links to anchors of other pages and the messages MkDocs logged while rendering
it. The settings row holds the digests of everything every page depends on; when one of
them differs, no row is used. A file that cannot be read is a store without rows.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

SCHEMA = 2


@dataclass(frozen=True)
class StoredPage:
    digest: str
    output_sha: str


class PageStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.settings: dict[str, str] = {}
        self.last: dict = {}
        """What the last build was made from and what it left (see site.unchanged)."""
        self.pages: dict[str, StoredPage] = {}
        self.unreadable: str | None = None
        """Why the file could not be used, if it exists and could not be read."""
        self._db: sqlite3.Connection | None = None
        try:
            if path.is_file():
                self._db = sqlite3.connect(path)
                self._load(self._db)
        except (sqlite3.Error, ValueError, OSError) as exc:
            self.unreadable = str(exc) or type(exc).__name__
            self.settings, self.pages = {}, {}
            self._close()

    def _load(self, db: sqlite3.Connection) -> None:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != str(SCHEMA):
            return
        self.settings = json.loads(meta.get("settings", "{}"))
        self.last = json.loads(meta.get("last", "{}"))
        self.pages = {src: StoredPage(digest, sha) for src, digest, sha in db.execute("SELECT src, digest, output_sha FROM pages")}

    def state(self, src: str) -> dict | None:
        """The rendered state kept for `src`, or None when it cannot be read."""
        blob = self._blob(src)
        try:
            return json.loads(zlib.decompress(blob)) if blob is not None else None
        except (zlib.error, ValueError):
            return None

    def replace(self, settings: dict[str, str], rows: dict[str, tuple[str, str, bytes | None]], last: dict) -> None:
        """Keep exactly `rows` ({src: (digest, output_sha, the state as zlib-compressed JSON,
        or None to keep the stored one)}) under `settings`. Written aside and renamed: a
        killed build leaves the old store."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.unlink(missing_ok=True)
        db = sqlite3.connect(temporary)
        try:
            with db:
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE pages (src TEXT PRIMARY KEY, digest TEXT, output_sha TEXT, state BLOB)")
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("schema", str(SCHEMA)), ("settings", json.dumps(settings, sort_keys=True)), ("last", json.dumps(last, sort_keys=True)),
                ])
                for src, (digest, sha, state) in sorted(rows.items()):
                    blob = self._blob(src) if state is None else state
                    if blob is not None:
                        db.execute("INSERT INTO pages VALUES (?, ?, ?, ?)", (src, digest, sha, blob))
        finally:
            db.close()
        self._close()
        temporary.replace(self.path)

    def _blob(self, src: str) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT state FROM pages WHERE src = ?", (src,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def close(self) -> None:
        self._close()

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
