"""Split paragraphs into sentences, keeping offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    "dr drs mr ir prof jl a.s nr nrs m.n zgn c.s i.v.m o.a bijv d.w.z e.d etc ca resp t.a.v v.w.b mevr dhr z.g.a.n".split()
)
LAST_WORD_REACH = 40
BOUNDARY = re.compile(r"(?<=[.!?])[\"”»’)]?\s+(?=[«\"“(‘]?[A-ZÀ-Ý0-9])")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text`."""
    start = 0
    for match in BOUNDARY.finditer(text):
        # Only the last word counts; looking at more would make a long run of
        # abbreviations ("nr. 1 nr. 2 ...") cost the square of its length.
        before = text[max(start, match.start() - LAST_WORD_REACH) : match.start()].rsplit(None, 1)
        last_word = before[-1].rstrip(".!?").lower() if before else ""
        if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)
