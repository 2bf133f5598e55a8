"""A page's source as MkDocs reads it, its front matter parsed only when the file changed.

At 10,000 documents parsing every page's YAML front matter costs some 10 s a build. What
MkDocs read from a file (where the Markdown begins, the front matter) is kept in the page
store, pickled (the values keep their types), by the SHA-256 of the file's text.
"""

from __future__ import annotations

import hashlib
import pickle

from mkdocs.structure.pages import Page
from mkdocs.utils import meta as front_matter

from generator.stages.site.page_store import PageStore


def read_source(page: Page, config, store: PageStore, fronts: dict[str, tuple[str, bytes | None]]) -> None:
    """Set `page.markdown` and `page.meta` as `Page.read_source` does; `fronts[src]` becomes
    (the source's SHA-256, what was read from it pickled, or None when the store has it)."""
    src = page.file.src_uri
    try:
        source = page.file.content_string
    except (OSError, ValueError):
        return Page.read_source(page, config)  # which says what went wrong
    source_sha = hashlib.sha256(source.encode("utf-8", errors="surrogatepass")).hexdigest()
    stored = store.pages.get(src)
    if stored is not None and stored.source_sha == source_sha:
        kept = _unpickled(store.front(src))
        if kept is not None:
            start, page.meta = kept
            page.markdown = source[start:]
            fronts[src] = (source_sha, None)
            return
    page.markdown, page.meta = front_matter.get_data(source)
    # Kept when the Markdown is the end of the file (YAML front matter, or none); another
    # kind of metadata is parsed every time (None).
    kept = (len(source) - len(page.markdown), page.meta) if source.endswith(page.markdown) else None
    fronts[src] = (source_sha, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


def _unpickled(blob: bytes | None):
    try:
        return pickle.loads(blob) if blob is not None else None
    except Exception:  # a damaged blob: the file is read anew
        return None
