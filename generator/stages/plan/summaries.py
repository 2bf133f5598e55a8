"""Counts, passages and year groups for the lists of hub pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from generator.model import Document, plain
from generator.model.pages import Counted, Passage, YearCount, YearGroup
from generator.model.paths import year_path
from generator.model.site_index import Index

MAX_PASSAGE = 400
"""Characters of a quoted sentence shown in a list; a longer one is cut at a blank."""

UNDATED_LABEL = "Zonder datum"


def counted(counts: Counter, labels: dict, paths: dict) -> list[Counted]:
    """Most frequent first, then by label."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]].casefold()))
    return [Counted(label=labels[key], path=paths[key], count=count) for key, count in ordered]


Sentence = Callable[[Document], "str | None"]


def passages(documents: Iterable[Document], index: Index, sentence: Sentence | None = None) -> list[Passage]:
    return [
        Passage(document=index.summary(document), sentence=shortened(sentence(document)) if sentence else None)
        for document in documents
    ]


def by_year(documents: tuple[Document, ...], index: Index, sentence: Sentence | None = None) -> list[YearGroup]:
    """The documents (newest first, undated last, as the index keeps them) in one group
    per year and a last group "Zonder datum"; one pass over this list only."""
    groups: list[YearGroup] = []
    for document in documents:
        year = document.record.date.year if document.record.date else None
        if not groups or groups[-1]["year"] != year:
            groups.append(YearGroup(year=year, label=_label(year), items=[]))
        groups[-1]["items"] += passages((document,), index, sentence)
    return groups


def per_year(documents: tuple[Document, ...], mentions: Callable[[Document], int] | None = None) -> list[YearCount]:
    """Documents per year, newest first, the undated last."""
    counts: Counter = Counter()
    named: Counter = Counter()
    for document in documents:
        year = document.record.date.year if document.record.date else None
        counts[year] += 1
        if mentions:
            named[year] += mentions(document)
    years = sorted((year for year in counts if year is not None), reverse=True)
    return [
        YearCount(
            year=year,
            label=_label(year),
            path=year_path(year),
            count=counts[year],
            mentions=named[year] if mentions else None,
        )
        for year in [*years, *([None] if None in counts else [])]
    ]


def shortened(text: str | None, limit: int = MAX_PASSAGE) -> str | None:
    if not text:
        return None
    text = " ".join(plain(text).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def _label(year: int | None) -> str:
    return str(year) if year is not None else UNDATED_LABEL
