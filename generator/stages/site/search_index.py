"""A search index that stays usable at 10,000 documents.

Material for MkDocs builds its lunr index in the browser from `search/search_index.json`
every time a page is opened. MkDocs' search plugin puts every section of every page
into that file with its full text, and repeats the page's tags on each section: at
10,000 documents that is hundreds of megabytes, and the browser needs tens of seconds
and gigabytes of memory before the first result appears.

`fit_search_index` leaves a small index as MkDocs wrote it (full text, one entry per
section) and trims a larger one to fit BUDGET_BYTES: `trim_search_index` rewrites
the file after the site is built, keeping per page one entry: its title, its tags (partners, initiatives, topics: the key facts) and a
bounded excerpt of its text, which starts with the key-facts table of a document
page. Section entries are dropped (they repeat the page's tags and their text is in
the excerpt as far as the bound allows). The output is deterministic and trimming
twice changes nothing. When Material's offline plugin has inlined the index into
`search/search_index.js` (the archive for file://), that file is rewritten too.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")
ELLIPSIS = "…"


BUDGET_BYTES = 10_000_000
"""Above this, the index is trimmed. Set from the benchmark (benchmarks/README.md)."""
MIN_EXCERPT = 200
"""Every page keeps at least this much of its text, whatever the budget."""
TRIM_ALWAYS_PAGES = 1_000
"""From this many pages on, the index is trimmed whatever its size: whole, it would be
over the budget unless the pages were nearly empty, and knowing it before the build
lets lean_build trim each page's entries while MkDocs builds."""


def fit_search_index(site_dir: Path, budget: int = BUDGET_BYTES, pages: int = 0) -> int | None:
    """Trim the index when it is larger than `budget` bytes, or when the site has at least
    TRIM_ALWAYS_PAGES `pages`, to as many characters of text per page as the budget
    allows (at least MIN_EXCERPT). Returns that bound, or None when the index was kept
    as it is."""
    index_file = Path(site_dir) / "search" / "search_index.json"
    if not index_file.is_file() or (index_file.stat().st_size <= budget and pages < TRIM_ALWAYS_PAGES):
        return None
    entries = json.loads(index_file.read_text(encoding="utf-8")).get("docs") or []
    bare = trimmed_entries(entries, 0)
    overhead = sum(len(json.dumps(entry, separators=(",", ":"))) for entry in bare)
    max_chars = max(MIN_EXCERPT, (budget - overhead) // max(1, len(bare)))
    trim_search_index(site_dir, max_chars)
    return max_chars


def trim_search_index(site_dir: Path, max_chars: int, keep_tags: bool = True) -> None:
    """Rewrite `site_dir`/search/search_index.json (and search_index.js, if present) with one
    entry per page and at most `max_chars` characters of plain text per entry (0: titles and
    tags only). `keep_tags=False` also drops the tags: titles and excerpts only."""
    if max_chars < 0:
        raise ValueError("max_chars must not be negative")
    folder = Path(site_dir) / "search"
    index_file = folder / "search_index.json"
    if not index_file.is_file():
        return
    data = json.loads(index_file.read_text(encoding="utf-8"))
    data["docs"] = trimmed_entries(data.get("docs") or [], max_chars, keep_tags)
    text = json.dumps(data, separators=(",", ":"), default=str)
    _write(index_file, text)
    script = folder / "search_index.js"
    if script.is_file():
        _write(script, f"var __index = {text}")


def trimmed_entries(entries: list[dict], max_chars: int, keep_tags: bool = True) -> list[dict]:
    """One entry per page, in the order of the pages' first entries."""
    pages: dict[str, list[dict]] = {}
    for entry in entries:
        pages.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(entry)
    result = []
    for path, sections in pages.items():
        article = next((e for e in sections if e.get("location", "") == path), sections[0])
        body = " ".join(plain_text(e.get("text", "")) for e in [article, *(e for e in sections if e is not article)])
        entry = {"location": path, "title": article.get("title", ""), "text": _excerpt(body, max_chars)}
        if keep_tags and "tags" in article:
            entry["tags"] = article["tags"]
        if "boost" in article:
            entry["boost"] = article["boost"]
        result.append(entry)
    return result


def plain_text(fragment: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).strip()


def _excerpt(text: str, max_chars: int) -> str:
    """At most `max_chars` characters (ellipsis included), cut at a word boundary, as escaped HTML."""
    text = SPACE.sub(" ", text).strip()
    if max_chars == 0:
        return ""
    if len(text) > max_chars:
        cut = text[: max_chars - len(ELLIPSIS)]
        if " " in cut and not text[len(cut)].isspace():
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip() + ELLIPSIS
    return html.escape(text, quote=False)


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
