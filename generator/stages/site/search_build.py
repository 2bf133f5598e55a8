"""The site's own search index, made from what Material's search plugin indexed.

`build_search_data` turns the plugin's entries (one or more per page) and the records
(`records.json` in the site) into the data `zoeken.js` searches in the browser, written
as a script (`search/zoekindex.js`) so that it loads from file:// as well as hosted:

- `pages`: per page its address, title, kind, the row's facts (type, date, reference)
  and, for documents, the values filtered on (type, year, partners, initiatives,
  topics, dossiers) as numbers into `facets`;
- `text`: per page a passage of at most `text_chars` characters of its text (the key
  facts left out), for the two lines a result shows and for phrases (written apart, as
  `search/zoekteksten.js`, loaded after the rest: the first results need no passage);
- `keys`: the names a page is found first by (normalised: search_text.normal): its
  title, an initiative's aliases, a Kamerstuk's reference, a dossier's number;
- `terms` and `postings`: every stem of the first `indexed_chars` characters of a
  document's text (HUB_INDEXED_CHARS of another page's) with, per page, a weight (how
  often, in the title, among its names), as delta-coded numbers in a compact string
  (`encode`).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from collections import Counter
from collections.abc import Callable

from generator.model.labels import doc_type_label, dutch_date
from generator.model.record import spaced_dossier
from generator.stages.site.search_text import index_words, kamerstuk_word, normal

KINDS = ("document", "partner", "initiative", "topic", "dossier", "year", "overview")
KIND_LABELS = ("Document", "Partnerland", "Initiatief", "Onderwerp", "Dossier", "Jaar", "Overzicht")
SECTIONS = {"documenten": 0, "partners": 1, "initiatieven": 2, "onderwerpen": 3, "dossiers": 4, "tijdlijn": 5}
FACETS = ("type", "partner", "initiative", "topic", "dossier")
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
HUB_INDEXED_CHARS = 4_000
"""A hub or overview page is found by its name and its opening (description, aliases);
the lists of documents further down would make it match nearly every word."""
TF_WEIGHT = [0] + [1 + min(5, int(math.log2(tf))) for tf in range(1, 64)]
"""A page's weight for a word it holds `tf` times (1-6); +5 in its title, +3 among its names."""
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def page_of(location: str) -> str:
    return str(location).split("#", 1)[0]


def kind_and_slug(location: str) -> tuple[int, str]:
    """(index into KINDS, the last part of the address) of a page address."""
    parts = [p for p in re.sub(r"\.html$", "", location).split("/") if p]
    if len(parts) == 2 and parts[0] in SECTIONS and parts[1] != "index":
        return SECTIONS[parts[0]], parts[1]
    return KINDS.index("overview"), parts[-1] if parts else ""


def plain(fragment: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment or ""))).strip()


def page_texts(entries: list[dict], limit: int) -> dict[str, tuple[str, str]]:
    """Page address -> (title, body text, at most `limit` characters)."""
    return {path: (title, body) for path, title, body in iter_page_texts(entries, limit)}


def iter_page_texts(entries: list[dict], limit: int):
    """(page address, title, body text of at most `limit` characters), page by page, made
    as they are asked for (at 10,000 pages the bodies together take hundreds of MB). The
    first entry of a document page is its key-facts table: left out (a compacted entry,
    marked `compact`, has none)."""
    pages: dict[str, list[dict]] = {}
    for entry in entries:
        pages.setdefault(page_of(entry.get("location", "")), []).append(entry)
    for path, sections in pages.items():
        article = next((e for e in sections if e.get("location", "") == path), sections[0])
        rest = [e for e in sections if e is not article]
        kind = kind_and_slug(path)[0]
        if article.get("compact") and not rest:  # plain text already, escaped
            body = html.unescape(article.get("text", ""))
        else:
            own = "" if kind == 0 else plain(article.get("text", ""))
            body = " ".join(t for t in [own, *(plain(e.get("text", "")) for e in rest)] if t)
        yield path, str(article.get("title", "")), excerpt(body, limit)


def excerpt(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def encode(numbers: list[int]) -> str:
    """Non-negative numbers as base-32 digits, most significant first; every digit but a
    number's last carries 32 (DIGITS[32:])."""
    out = []
    for number in numbers:
        if number < 32:
            out.append(DIGITS[number])
            continue
        if number < 1024:
            out.append(DIGITS[32 + (number >> 5)] + DIGITS[number & 31])
            continue
        groups = [number & 31]
        number >>= 5
        while number:
            groups.append(number & 31)
            number >>= 5
        out.extend(DIGITS[32 + g] for g in reversed(groups[1:]))
        out.append(DIGITS[groups[0]])
    return "".join(out)


def decode(text: str) -> list[int]:
    numbers, value = [], 0
    for char in text:
        digit = DIGITS.index(char)
        value = value * 32 + (digit & 31)
        if digit < 32:
            numbers.append(value)
            value = 0
    return numbers


class _Facets:
    def __init__(self) -> None:
        self.values: dict[str, dict[str, int]] = {name: {} for name in FACETS}

    def ids(self, facet: str, labels) -> list[int]:
        table = self.values[facet]
        return sorted({table.setdefault(label, len(table)) for label in labels if label})

    def data(self) -> dict[str, list[str]]:
        return {name: list(table) for name, table in self.values.items()}


def _record_facts(record: dict, facets: _Facets) -> tuple[list, list[str], list[str]]:
    """(the page's row facts and facet numbers, its names, its words for references)."""
    date = record.get("date")
    year = int(date[:4]) if date else 0
    kamerstuk = record.get("kamerstuk") or {}
    dossiers = {spaced_dossier(kamerstuk["dossier"])} if kamerstuk.get("dossier") else set()
    names = [n for group in ("partners", "initiatives", "topics") for item in record.get(group) or []
             for n in [item.get("name"), *(item.get("aliases") or [])] if n]
    refs = [kamerstuk_word(c["dossier"], c["number"]) for c in record.get("cites") or [] if c.get("dossier") and c.get("number")]
    refs += [c["dossier"].replace(" ", "") for c in record.get("cites") or [] if c.get("dossier")]
    if kamerstuk.get("dossier"):
        refs.append(kamerstuk["dossier"].replace(" ", ""))
    label = doc_type_label(record.get("doc_type") or "overig")
    facts = [
        label,
        dutch_date(dt.date.fromisoformat(date)) if date else "",
        record.get("reference") or "",
        year,
        facets.ids("type", [label])[0],
        facets.ids("partner", [p.get("name") for p in record.get("partners") or []]),
        facets.ids("initiative", [i.get("name") for i in record.get("initiatives") or []]),
        facets.ids("topic", [t.get("name") for t in record.get("topics") or []]),
        facets.ids("dossier", sorted(dossiers)),
    ]
    return facts, names, refs


def _keys(kind: int, slug: str, title: str, record: dict | None, aliases: dict[str, set[str]]) -> set[str]:
    keys = {normal(title)}
    if kind == 2:
        keys |= {normal(alias) for alias in aliases.get(slug, [])}
    if kind == 4:
        keys.add(normal(slug))
    kamerstuk = (record or {}).get("kamerstuk") or {}
    if kamerstuk.get("dossier") and kamerstuk.get("number"):
        keys.add(kamerstuk_word(kamerstuk["dossier"], kamerstuk["number"]))
    if record and record.get("reference"):
        keys.add(normal(record["reference"]))
    return {key for key in keys if key}


def build_search_data(
    entries: list[dict], records: list[dict], text_chars: int, indexed_chars: int,
    counts_of: Callable[[str], dict[str, int]] | None = None,
) -> dict:
    """The index `zoeken.js` reads (see the module's docstring); words are taken from the
    first `indexed_chars` characters of each page's text. `counts_of` gives the counts of a
    text's index words (search_words.WordCounts keeps them between builds)."""
    counts_of = counts_of or (lambda text: Counter(index_words(text)))
    by_id = {record.get("id"): record for record in records}
    aliases: dict[str, set[str]] = {}
    for record in records:
        for item in record.get("initiatives") or []:
            aliases.setdefault(item.get("id", ""), {item.get("name", "")}).update(item.get("aliases") or [])
    facets = _Facets()
    pages, texts, keys = [], [], []
    weights: dict[str, list[int]] = {}  # word -> page, weight, page, ... (a quarter of tuples' memory)
    for number, (path, title, body) in enumerate(iter_page_texts(entries, indexed_chars)):
        kind, slug = kind_and_slug(path)
        record = by_id.get(slug) if kind == 0 else None
        names, refs = [], []
        if record is not None:
            facts, names, refs = _record_facts(record, facets)
        else:
            facts = [KIND_LABELS[kind], "", "", int(slug) if kind == 5 and slug.isdigit() else 0, -1, [], [], [], []]
        pages.append([path, title, kind, *facts])
        texts.append(excerpt(body, text_chars))
        keys += [[key, number] for key in sorted(_keys(kind, slug, title, record, aliases))]
        counts = counts_of(body if kind == 0 else excerpt(body, HUB_INDEXED_CHARS))
        in_title = set(index_words(title))
        in_names = set(index_words(" ".join(names))) | set(refs)
        for word, tf in counts.items():
            weight = TF_WEIGHT[tf] if tf < len(TF_WEIGHT) else 6
            if word in in_title:
                weight += 5
            if word in in_names:
                weight += 3
            weights.setdefault(word, []).extend((number, min(15, weight)))
        for word in (in_title | in_names) - counts.keys():
            weights.setdefault(word, []).extend((number, 5 * (word in in_title) + 3 * (word in in_names)))
    terms = sorted(weights)
    postings = []
    for term in terms:
        flat, numbers, last = weights.pop(term), [], 0  # page, weight, page, weight, ...
        for at in range(0, len(flat), 2):
            numbers.append((flat[at] - last) * 16 + flat[at + 1])
            last = flat[at]
        postings.append(encode(numbers))
    keys.sort()
    return {
        "version": 1,
        "kinds": list(KIND_LABELS),
        "facets": facets.data(),
        "pages": pages,
        "text": texts,
        "keys": keys,
        "terms": " ".join(terms),
        "postings": postings,
    }


def as_script(data, name: str = "__zoekindex") -> str:
    """A script that sets `window[name]` and calls `window[name + "Klaar"]` if zoeken.js set
    it. An object literal: Chromium reads one of 15 MB in a third of the time JSON.parse on
    a string literal takes (benchmarks/README.md, "Search: the archive's own engine")."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name}={text};window.{name}Klaar&&window.{name}Klaar();\n"


SCRIPT = re.compile(r"window\.(__[a-z]+)=(.*);window\.\1Klaar&&window\.\1Klaar\(\);\n", re.S)


def from_script(script: str):
    """The data of a script `as_script` wrote."""
    match = SCRIPT.fullmatch(script)
    if not match:
        raise ValueError("not a search index script")
    return json.loads(match.group(2))
