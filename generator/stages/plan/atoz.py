""""Trefwoorden": an A-Z index of the hub pages (countries, initiatives and their other
names, topics, dossiers) with their number of documents. It lists names, not documents,
so it stays small at any number of documents (Material's tags listing of every document
per tag was 4 MB at 10,000 documents)."""

from __future__ import annotations

import unicodedata

from generator.model import spaced_dossier
from generator.model.pages import AtoZContext, IndexEntry, IndexLetter
from generator.model.paths import country_path, dossier_path, initiative_path, topic_path
from generator.model.site_index import Index
from generator.stages.plan.collections import dossier_title

DIGITS = "0–9"
OTHER = "Overig"


def atoz_context(index: Index) -> AtoZContext:
    entries: list[IndexEntry] = []
    for country in index.countries:
        partner = len(index.partner_of.get(country.code, ()))
        kind = "partnerland" if partner else "land"
        count = partner or len(index.mentioned_in.get(country.code, ()))
        entries.append(_entry(country.name, country_path(country), kind, count))
    for term in index.initiatives:
        path, count = initiative_path(term.id), len(index.by_initiative.get(term.id, ()))
        entries.append(_entry(term.name, path, "initiatief", count))
        folded = {_folded(term.name)}
        for alias in term.aliases:  # abbreviations ("TEN", "AH-64"); not spelling variants of the name
            if " " not in alias.strip() and _folded(alias) not in folded:
                folded.add(_folded(alias))
                entries.append(_entry(alias, path, "initiatief", count, see=term.name))
    for term in index.topics:
        entries.append(_entry(term.name, topic_path(term.id), "onderwerp", len(index.by_topic.get(term.id, ()))))
    for dossier, documents in index.dossiers.items():
        title = dossier_title(dossier, index)
        label = f"{spaced_dossier(dossier)} {title}" if title else spaced_dossier(dossier)
        entries.append(_entry(label, dossier_path(dossier), "dossier", len(documents)))
    return AtoZContext(letters=_letters(entries))


def _entry(label: str, path: str, kind: str, count: int, see: str | None = None) -> IndexEntry:
    return IndexEntry(label=label, path=path, kind=kind, count=count, see=see)


def _folded(text: str) -> str:
    """"Oekraïne" -> "oekraine": accents and case do not change where a name is filed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _letter(label: str) -> str:
    first = next((char for char in _folded(label) if char.isalnum()), "")
    if first.isdigit() or not first.isascii() or not first:
        return DIGITS if first.isdigit() else OTHER
    return first.upper()


def _letters(entries: list[IndexEntry]) -> list[IndexLetter]:
    """Grouped by first letter, A-Z, then the dossiers' numbers ("0–9") and anything else ("Overig")."""
    groups: dict[str, list[IndexEntry]] = {}
    for entry in sorted(entries, key=lambda e: (_folded(e["label"]), e["label"], e["kind"], e["path"])):
        groups.setdefault(_letter(entry["label"]), []).append(entry)
    order = sorted(groups, key=lambda letter: (len(letter) > 1, letter == OTHER, letter))
    return [
        IndexLetter(letter=letter, anchor=_anchor(letter), entries=groups[letter]) for letter in order
    ]


def _anchor(letter: str) -> str:
    """The id the table of contents gives the letter's heading ("a", "09", "overig")."""
    return "09" if letter == DIGITS else letter.lower()
