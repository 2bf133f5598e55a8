"""Undo hyphenation at line ends without losing real hyphens."""

from __future__ import annotations

import re
from functools import cache

import pyphen

LINE_END_HYPHEN = re.compile(r"(\w+)-$")
LEADING_WORD = re.compile(r"^(\w+)")
VOWELS = frozenset("aeiouyáéíóúäëïöü")


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines into one paragraph, undoing hyphenation at line ends."""
    parts: list[str] = []
    for line in lines:
        previous = parts[-1] if parts else ""
        broken = LINE_END_HYPHEN.search(previous[-100:]) if previous.endswith("-") else None
        following = LEADING_WORD.match(line)
        if not parts:
            parts.append(line)
        elif broken and following and is_line_break_hyphen(broken.group(1), following.group(1)):
            parts[-1] = previous[:-1]
            parts.append(line)
        elif broken and following:
            parts.append(line)
        else:
            parts.append(" " + line)
    return "".join(parts)


def is_line_break_hyphen(left: str, right: str) -> bool:
    """Decide whether `left-` + newline + `right` is one word broken by typesetting.

    Real hyphens join proper names, abbreviations and numbers ("Duits-Nederlandse",
    "NAVO-landen", "F-35"). Between two lower-case parts Dutch keeps a hyphen where
    vowels would run together ("zee-egel"); the hyphenation dictionary decides those.
    """
    if not (left[-1:].islower() and right[:1].islower()):
        return False
    if any(char.isdigit() for char in left + right):
        return False
    if left[-1] in VOWELS and right[0] in VOWELS:
        return len(left) in _hyphenation_points((left + right).lower())
    return True


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def _hyphenation_points(word: str) -> frozenset[int]:
    return frozenset(_dictionary().positions(word))
