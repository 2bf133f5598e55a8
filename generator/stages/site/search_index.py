"""The search indexes of the site: the archive's own, and Material's, kept small.

The site searches with its own engine (site_overrides/assets/javascripts/search/zoeken.js,
chosen by measuring: benchmarks/README.md, "Search: the archive's own engine"): `fit_search_index`, run
after every MkDocs build, reads what Material's search plugin indexed
(`search/search_index.json`, one entry per section with its text) and the records
(`records.json`), and writes `search/zoekindex.js` and `search/zoekteksten.js`
(search_build.py): a prebuilt index loaded as plain scripts, hosted and from file:// alike. The key-facts table of a
document page is left out of what is indexed.

Material's own index is no longer searched in the browser (main.html keeps Material's
search from starting) but is still written: a small one as MkDocs wrote it, a larger one
fitted to BUDGET_BYTES, one entry per page with a bounded excerpt (`trim_search_index`).
On a site of TRIM_ALWAYS_PAGES pages or more lean_build compacts each page's entries
while MkDocs builds (`compacted_entries`: one entry, the key facts left out, at most
INDEXED_CHARS characters), which gives what compacting them afterwards would. The output is
deterministic and trimming twice changes nothing. When Material's offline plugin has
inlined its index into `search/search_index.js` (the archive), that file is rewritten too.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from generator.stages.site.search_build import as_script, build_search_data, page_texts

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


INDEXED_CHARS = 20_000
"""Characters of each page's text (key facts left out) the archive's word index covers."""
PASSAGE_CHARS = (300, 2_000)
"""The least and the most text per page `zoekindex.js` keeps for the lines a result
shows: half the budget shared by the pages, within these bounds."""
ENGINE_INDEX, ENGINE_TEXTS = "zoekindex.js", "zoekteksten.js"
RECORDS = "records.json"


def fit_search_index(
    site_dir: Path, budget: int = BUDGET_BYTES, pages: int = 0, counts_of: Callable[[str], dict[str, int]] | None = None,
    entries: list[dict] | None = None,
) -> int | None:
    """Write the archive's search index (search/zoekindex.js); trim Material's index when
    it is larger than `budget` bytes, or when the site has at least TRIM_ALWAYS_PAGES
    `pages`, to as many characters of text per page as the budget allows (at least
    MIN_EXCERPT). Returns that bound, or None when Material's index was kept as it is.
    `counts_of`: as for build_search_data. `entries`: the index's entries, when they were
    taken from the search plugin instead of being written to its file (lean_build)."""
    folder = Path(site_dir) / "search"
    index_file = folder / "search_index.json"
    if not index_file.is_file():
        return None
    data = json.loads(index_file.read_text(encoding="utf-8"))
    if entries is None:
        entries = data.get("docs") or []
    data["docs"] = None  # let go of what the file held while the index is made
    write_engine_index(Path(site_dir), entries, budget, counts_of)
    if index_file.stat().st_size <= budget and pages < TRIM_ALWAYS_PAGES:
        return None
    compact = compacted_entries(entries)
    bare = trimmed_entries(compact, 0)
    overhead = sum(len(json.dumps(entry, separators=(",", ":"))) for entry in bare)
    max_chars = max(MIN_EXCERPT, (budget - overhead) // max(1, len(bare)))
    data["docs"] = trimmed_entries(compact, max_chars)
    _write_material_index(folder, data)
    return max_chars


def passage_chars(pages: int, budget: int = BUDGET_BYTES) -> int:
    """Characters of text per page zoekindex.js keeps for the lines a result shows."""
    low, high = PASSAGE_CHARS
    return min(high, max(low, budget // 2 // max(1, pages)))


def write_engine_index(
    site_dir: Path, entries: list[dict], budget: int = BUDGET_BYTES, counts_of: Callable[[str], dict[str, int]] | None = None,
) -> Path:
    """search/zoekindex.js and search/zoekteksten.js (the passages) from Material's
    `entries` and the site's records.json."""
    records_file = site_dir / RECORDS
    records = json.loads(records_file.read_text(encoding="utf-8")) if records_file.is_file() else []
    count = len({str(entry.get("location", "")).split("#", 1)[0] for entry in entries})
    data = build_search_data(entries, records, passage_chars(count, budget), INDEXED_CHARS, counts_of)
    _write(site_dir / "search" / ENGINE_TEXTS, as_script(data.pop("text"), "__zoekteksten"))
    target = site_dir / "search" / ENGINE_INDEX
    _write(target, as_script(data))
    return target


def compacted_entries(entries: list[dict]) -> list[dict]:
    """One entry per page: its title, its tags and at most INDEXED_CHARS characters of its
    text with a document's key-facts table left out; compacting twice changes nothing."""
    if all(entry.get("compact") for entry in entries) and len({str(entry.get("location", "")).split("#", 1)[0] for entry in entries}) == len(entries):
        return entries  # compacted already, one entry per page
    first = {}
    for entry in entries:
        first.setdefault(str(entry.get("location", "")).split("#", 1)[0], entry)
    result = []
    for path, (title, body) in page_texts(entries, INDEXED_CHARS).items():
        entry = {"location": path, "title": title, "text": html.escape(body, quote=False), "compact": True}
        for key in ("tags", "boost"):
            if key in first[path]:
                entry[key] = first[path][key]
        result.append(entry)
    return result


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
    data["docs"] = trimmed_entries(compacted_entries(data.get("docs") or []), max_chars, keep_tags)
    _write_material_index(folder, data)


def _write_material_index(folder: Path, data: dict) -> None:
    text = json.dumps(data, separators=(",", ":"), default=str)
    _write(folder / "search_index.json", text)
    script = folder / "search_index.js"
    if script.is_file():
        _write(script, f"var __index = {text}")


def trimmed_entries(entries: list[dict], max_chars: int, keep_tags: bool = True) -> list[dict]:
    """One entry per page, in the order of the pages' first entries (of compacted entries:
    the key facts are left out of a document's text)."""
    pages: dict[str, list[dict]] = {}
    for entry in entries:
        pages.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(entry)
    result = []
    for path, sections in pages.items():
        article = next((e for e in sections if e.get("location", "") == path), sections[0])
        if max_chars == 0:
            text = ""
        elif len(sections) == 1 and article.get("compact"):
            # Plain text already, escaped (html.escape: at most 5 characters for one): a
            # slice of it gives the same excerpt as the whole, at a fraction of the cost.
            text = _excerpt(html.unescape(article.get("text", "")[: 8 * max_chars + 16]), max_chars, spaced=True)
        else:
            body = " ".join(plain_text(e.get("text", "")) for e in [article, *(e for e in sections if e is not article)])
            text = _excerpt(body, max_chars)
        entry = {"location": path, "title": article.get("title", ""), "text": text, "compact": True}
        if keep_tags and "tags" in article:
            entry["tags"] = article["tags"]
        if "boost" in article:
            entry["boost"] = article["boost"]
        result.append(entry)
    return result


def plain_text(fragment: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).strip()


def _excerpt(text: str, max_chars: int, spaced: bool = False) -> str:
    """At most `max_chars` characters (ellipsis included), cut at a word boundary, as escaped
    HTML; `spaced`: the text's white space is single spaces already."""
    if not spaced:
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
