"""The partner signals of vocabulary/partner_signals.yml: the words that tell a partner
from context or an adversary, compiled into patterns that run in linear time.

An entry matches as a whole word or phrase, exactly when it has a capital ("Defensie"),
in any case otherwise; "*" at its end also
matches longer words, "*" at its start also matches inside a compound. The patterns
hold no nested repetition, so a search costs the length of the text it looks at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick

from generator.model import Problem, error, warning

PATTERN_FIELDS = (
    "self", "cooperation", "participation", "threat", "direct", "counterpart_before", "counterpart_after",
    "beneficiary_before", "beneficiary_after", "forum_before", "forum_after", "language_after",
)
WORD_FIELDS = ("self_names", "party_words", "articles")
NEVER = re.compile(r"(?!)")


def _never() -> re.Pattern[str]:
    return NEVER


@dataclass(frozen=True)
class Signals:
    """Compiled patterns. `*_before` patterns match at the
    end of the text before a state, `*_after` patterns at the start of the text after it."""

    self: Phrases | re.Pattern[str] = field(default_factory=_never)
    cooperation: Phrases | re.Pattern[str] = field(default_factory=_never)
    participation: Phrases | re.Pattern[str] = field(default_factory=_never)
    threat: Phrases | re.Pattern[str] = field(default_factory=_never)
    direct: Phrases | re.Pattern[str] = field(default_factory=_never)
    counterpart_before: re.Pattern[str] = field(default_factory=_never)
    counterpart_after: re.Pattern[str] = field(default_factory=_never)
    beneficiary_before: re.Pattern[str] = field(default_factory=_never)
    beneficiary_after: re.Pattern[str] = field(default_factory=_never)
    forum_before: re.Pattern[str] = field(default_factory=_never)
    forum_after: re.Pattern[str] = field(default_factory=_never)
    language_after: re.Pattern[str] = field(default_factory=_never)
    self_names: frozenset[str] = frozenset()
    """Lower-cased words that name the Netherlands in a list of states."""
    party_words: frozenset[str] = frozenset()
    """Lower-cased words (and punctuation) that may stand between listed states."""
    articles: frozenset[str] = frozenset()
    """Lower-cased articles, skipped between a signal and the state it points at."""


def load_signals(path: Path, data: Any, problems: list[Problem]) -> Signals:
    """`data` is the loaded YAML of `path` (None when the file is missing or unreadable)."""
    if data is None:
        if not path.exists():
            problems.append(warning(path, "expected the partner signals, found no such file; no partner can be found"))
        return Signals()
    if not isinstance(data, dict):
        problems.append(error(path, f"expected a mapping of signal names to lists of words, found {type(data).__name__}"))
        return Signals()
    known = set(PATTERN_FIELDS) | set(WORD_FIELDS)
    for unknown in sorted(str(key) for key in set(data) - known):
        problems.append(error(path, f"unknown field '{unknown}'; expected one of {sorted(known)}", unknown))
    values: dict[str, Any] = {}
    for name in PATTERN_FIELDS + WORD_FIELDS:
        entries = _entries(path, name, data.get(name), problems)
        if name in WORD_FIELDS:
            values[name] = frozenset(entry.lower() for entry in entries)
        elif entries and name.rpartition("_")[2] in ("before", "after"):
            values[name] = _compile(entries, anchor=name.rpartition("_")[2])
        elif entries:
            values[name] = Phrases(entries)
    return Signals(**values)


class Phrases:
    """Entries found anywhere in a text, as one alternation of them would find them, in
    time linear in the text: one Aho-Corasick pass finds where an entry's first word
    could start, and only there is the entry's own pattern tried. (A Python alternation
    of a hundred entries tries each of them at every character.)"""

    def __init__(self, entries: list[str]) -> None:
        self._alternation = _compile(entries, anchor="")
        ordered = sorted(entries, key=len, reverse=True)
        self._patterns = [re.compile(_entry_pattern(entry)) for entry in ordered]
        by_key: dict[str, list[int]] = {}
        for position, entry in enumerate(ordered):
            by_key.setdefault(entry.split()[0].strip("*").lower(), []).append(position)
        self._starts = ahocorasick.Automaton()
        for key, positions in by_key.items():
            self._starts.add_word(key, (len(key), tuple(positions)))
        self._starts.make_automaton()

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer: positions differ
            yield from self._alternation.finditer(text)
            return
        found: dict[int, tuple[re.Match[str], int]] = {}
        for end, (length, positions) in self._starts.iter(lowered):
            start = end - length + 1
            for position in positions:
                match = self._patterns[position].match(text, start)
                if match and (start not in found or position < found[start][1]):
                    found[start] = (match, position)
                    break
        reached = 0
        for start in sorted(found):
            match = found[start][0]
            if start >= reached:
                reached = max(match.end(), start + 1)
                yield match


def _entries(path: Path, name: str, value: Any, problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(error(path, f"expected a list of words, found {value!r}", name))
        return []
    entries: list[str] = []
    for position, item in enumerate(value, start=1):
        text = str(item).strip() if isinstance(item, (str, int, float)) and not isinstance(item, bool) else ""
        if not text.strip("*"):
            problems.append(error(path, f"entry {position}: expected a word or phrase, found {item!r}", name))
            continue
        entries.append(text)
    return list(dict.fromkeys(entries))


def _compile(entries: list[str], anchor: str) -> re.Pattern[str]:
    """One alternation. `before` patterns must end the text, `after` patterns start it."""
    alternatives = "|".join(_entry_pattern(entry) for entry in sorted(entries, key=len, reverse=True))
    if anchor == "before":
        return re.compile(rf"(?:{alternatives})[\s\-–]*\Z")
    if anchor == "after":
        return re.compile(rf"\A[\s\-–]*(?:{alternatives})")
    return re.compile(f"(?:{alternatives})")


def _entry_pattern(entry: str) -> str:
    """A word's "*" at its end matches the rest of a longer word, at its start the part
    of a compound before it; only between words does that need `\\w*` (it cannot
    backtrack: white space follows it)."""
    words = entry.split()
    parts = []
    for position, word in enumerate(words):
        core = re.escape(word.strip("*"))
        first, last = position == 0, position == len(words) - 1
        if word.startswith("*") and not first:
            core = r"\w*" + core
        if word.endswith("*") and not last:
            core += r"\w*"
        parts.append(core)
    body = r"\s+".join(parts)
    if entry == entry.lower():
        body = f"(?i:{body})"
    start = "" if words[0].startswith("*") or not words[0].strip("*")[0].isalnum() else r"(?<!\w)"
    end = "" if words[-1].endswith("*") or not words[-1].strip("*")[-1].isalnum() else r"(?!\w)"
    return f"{start}{body}{end}"
