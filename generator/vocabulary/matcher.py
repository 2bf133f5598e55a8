"""Find vocabulary forms in a text in one linear pass (Aho-Corasick).

Matching rules, which curators rely on:
- a form with a capital letter matches exactly ("TEN" never matches "ten");
  a form written in lower case matches in any case;
- matches are whole words; hyphens, dashes and spaces are interchangeable
  ("Verenigd-Koninkrijk" finds "Verenigd Koninkrijk", "Duits-Nederlandse" finds "Duits");
- accents are optional ("Oekraine" finds Oekraïne);
- where forms of one group overlap, the longest wins ("Noord-Korea" beats "Korea");
  forms of different groups do not hide each other ("Duits-Nederlandse Legerkorps" is
  an initiative and still names Germany).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

import ahocorasick

SEPARATORS = {"-": " ", "–": " ", "—": " ", "‐": " ", "\u00a0": " ", "\n": " ", "’": "'"}
_SEPARATOR = re.compile(f"[{''.join(SEPARATORS)}]")


class Hit(NamedTuple):
    start: int
    end: int
    keys: tuple[str, ...]
    """What the caller registered the form under, e.g. ("country:DE",)."""


def normalise(text: str) -> str:
    """Length-preserving normalisation, so offsets stay valid in the original text."""
    return _SEPARATOR.sub(lambda match: SEPARATORS[match.group()], text)


def _fold_accents(form: str) -> str:
    decomposed = unicodedata.normalize("NFD", form)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


class Matcher:
    """A set of forms, each registered under a key, found in one pass per case mode.

    `group(key)` names the group a key belongs to; overlaps are resolved per group."""

    def __init__(self, entries: Iterable[tuple[str, str]], group: Callable[[str], str] = lambda key: ""):
        self._group = group
        self._groups: dict[str, str] = {}
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        for form, key in entries:
            self._add(form, key)
        for automaton in (self._exact, self._folded):
            if len(automaton):
                automaton.make_automaton()

    def _add(self, form: str, key: str) -> None:
        form = normalise(" ".join(form.split()))
        if not form.strip():
            return
        case_sensitive = form != form.lower()
        automaton = self._exact if case_sensitive else self._folded
        for variant in {form, _fold_accents(form)}:
            if not case_sensitive:
                variant = _lower(variant)
            length, keys = automaton.get(variant, (len(variant), ()))
            if key not in keys:
                automaton.add_word(variant, (length, (*keys, key)))
        self._groups[key] = self._group(key)

    def find(self, text: str) -> list[Hit]:
        """All whole-word hits, in text order; within a group they never overlap and
        the longest form wins."""
        plain = normalise(text)
        # (start, -length, order found, end, key): sorted, the longest hit at a place comes first
        candidates: list[tuple[int, int, int, int, str]] = []
        for automaton, haystack in ((self._exact, plain), (self._folded, _lower(plain))):
            if len(automaton):
                for end_index, (length, keys) in automaton.iter(haystack):
                    start, end = end_index - length + 1, end_index + 1
                    if _is_word_boundary(plain, start - 1) and _is_word_boundary(plain, end):
                        for key in keys:
                            candidates.append((start, -length, len(candidates), end, key))
        candidates.sort()
        chosen: list[Hit] = []
        reach: dict[str, int] = {}
        groups = self._groups
        for start, _, _, end, key in candidates:
            group = groups[key]
            if start >= reach.get(group, -1):
                chosen.append(Hit(start, end, (key,)))
                reach[group] = end
        return chosen


def _is_word_boundary(text: str, index: int) -> bool:
    return index < 0 or index >= len(text) or not text[index].isalnum()
