"""What a reader gives: the text, page by page, and the notes its format keeps apart."""

from __future__ import annotations

from typing import NamedTuple

from generator.model import Footnote


class Reading(NamedTuple):
    pages: tuple[str, ...]
    footnotes: tuple[Footnote, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
