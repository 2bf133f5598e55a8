"""What MkDocs made of each page at the last successful build, kept in one SQLite file
in the work folder so that the next build can reuse a page whose inputs did not change.

Per page (by its source path): the digest of its inputs, the SHA-256 of the HTML file
written, the SHA-256 of its Markdown and the pages and files that Markdown links to (so
that an unchanged page's links are not looked for again), the SHA-256 of its source file
and what MkDocs read from it (where the Markdown begins, the front matter as a pickle: an
unchanged file is not parsed again), its rendered state (the
page's table of contents, title, anchors, links to anchors of other pages
and the messages MkDocs logged while rendering it) and, apart, its search entries (each
is read when it is needed, not both at once). Apart from the pages, the index words of
each text the archive's search data was made from (search_words). The settings row holds the digests of
everything every page depends on; when one of them differs, no row is used. A file that
cannot be read is a store without rows.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

SCHEMA = 6


@dataclass(frozen=True)
class StoredPage:
    digest: str
    output_sha: str
    markdown_sha: str
    links: tuple[str, ...]
    source_sha: str = ""


@dataclass(frozen=True)
class PageRow:
    """What the store keeps of a page after a build; a blob that is None keeps the stored one."""

    page: StoredPage
    state: bytes | None
    search: bytes | None
    front: bytes | None = None


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
        self.pages = {
            src: StoredPage(digest, sha, markdown_sha, tuple(json.loads(links)), source_sha)
            for src, digest, sha, markdown_sha, links, source_sha
            in db.execute("SELECT src, digest, output_sha, markdown_sha, links, source_sha FROM pages")
        }

    def state(self, src: str) -> dict | None:
        """The rendered state kept for `src`, or None when it cannot be read."""
        return self._decoded(src, "state")

    def front(self, src: str) -> bytes | None:
        """What MkDocs read from the source file of `src` (pickled), or None."""
        return self._blob(src, "front")

    def search_blob(self, src: str) -> bytes | None:
        """The search entries kept for `src`, still compressed, when they can be decompressed."""
        blob = self._blob(src, "search")
        try:
            return blob if blob is not None and zlib.decompress(blob) is not None else None
        except zlib.error:
            return None

    def _decoded(self, src: str, column: str):
        blob = self._blob(src, column)
        try:
            return json.loads(zlib.decompress(blob)) if blob is not None else None
        except (zlib.error, ValueError):
            return None

    def word_counts(self, key: bytes) -> bytes | None:
        """The packed index words kept for the text whose SHA-256 is `key`."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT counts FROM words WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def replace(self, settings: dict[str, str], rows: dict[str, PageRow], last: dict, words: dict[bytes, bytes] | None = None) -> None:
        """Keep exactly `rows` (states and search entries as zlib-compressed JSON) and `words`
        under `settings`. Written aside and renamed: a killed build leaves the old store."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.unlink(missing_ok=True)
        db = sqlite3.connect(temporary)
        try:
            with db:
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute(
                    "CREATE TABLE pages (src TEXT PRIMARY KEY, digest TEXT, output_sha TEXT, markdown_sha TEXT, links TEXT,"
                    " source_sha TEXT, state BLOB, search BLOB, front BLOB)"
                )
                db.execute("CREATE TABLE words (key BLOB PRIMARY KEY, counts BLOB)")
                db.executemany("INSERT INTO words VALUES (?, ?)", sorted((words or {}).items()))
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("schema", str(SCHEMA)), ("settings", json.dumps(settings, sort_keys=True)), ("last", json.dumps(last, sort_keys=True)),
                ])
                for src, row in sorted(rows.items()):
                    state = self._blob(src, "state") if row.state is None else row.state
                    search = self._blob(src, "search") if row.search is None else row.search
                    front = self._blob(src, "front") if row.front is None else row.front
                    if state is not None:
                        page = row.page
                        db.execute("INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                            src, page.digest, page.output_sha, page.markdown_sha, json.dumps(page.links), page.source_sha,
                            state, search, front))
        finally:
            db.close()
        self._close()
        temporary.replace(self.path)

    def _blob(self, src: str, column: str) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(f"SELECT {column} FROM pages WHERE src = ?", (src,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def close(self) -> None:
        self._close()

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
