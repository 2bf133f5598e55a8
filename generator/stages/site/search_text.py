"""Words for the site's search: accent folding, Kamerstuk references, Dutch stemming.

The browser runs the same steps on a query (site_overrides/assets/javascripts/search/
engine.js, functions `fold`, `tokens`, `stem`); tests/test_search_engine.py
checks in Chromium that both give the same words. Keep the two in step.

- `fold`: lower case, accents removed ("Oekraïne" -> "oekraine");
- `tokens`: every written form of a Kamerstuk reference ("33279-28", "33 279, nr. 28",
  "kst-33279-28", "Kamerstuk 33 279 nr 28") becomes one word, "kst33279n28" (a dossier
  with a suffix: "21 501-20, nr. 1234" -> "kst21501x20n1234"); a dossier number written
  "33 279" becomes "33279";
- `stem`: the Snowball stemmer for Dutch (snowballstem.org/algorithms/dutch/stemmer.html,
  the original algorithm), on folded words ("samenwerkingen", "samenwerking" -> "samenwerk").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ACCENTS = re.compile("[\u0300-\u036f]")
_REFERENCE = r"(?:kst-?|kamerstuk(?:ken)?\s+)?([0-9]{2})\s?([0-9]{3})(?:-([a-z0-9]+))?(?:,?\s*nr\.?\s*|-)([0-9]{1,5})(?![0-9])"
WORDS = re.compile(_REFERENCE + r"|([0-9]{2}) ([0-9]{3})(?![0-9])|([a-z0-9]+)")
"""One pass over folded text: a Kamerstuk reference, a dossier number "33 279", or a word.
Matching from word starts only, a reference never begins inside a word."""
PLAIN_WORDS = re.compile(r"[a-z0-9]+")
REFERENCES = re.compile(r"(?<![a-z0-9])(?=[0-9k])(?:" + _REFERENCE + r"|([0-9]{2}) ([0-9]{3})(?![0-9]))")
"""For the word index, which may hold a reference's parts too ("33", "279", "nr", "28"):
plain words and the references found apart, in two passes (faster than WORDS at 1,000 pages)."""

STOPWORDS = frozenset(
    "aan al als bij dan dat de deze die dit door een en er het hij hun ik in is je maar met na naar niet nog "
    "of om ook op over te ten ter tot u uit van voor wat we wel werd wordt zal ze zij zijn zo".split()
)
"""Left out of the word index (the words still count in phrases and in names: "TEN")."""


def fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return ACCENTS.sub("", unicodedata.normalize("NFD", text)).lower()


def kamerstuk_word(dossier: str, number: str) -> str:
    """The one word for Kamerstuk `dossier`, nr. `number` ("21501-20", "1234" -> "kst21501x20n1234")."""
    main, _, suffix = str(dossier).replace(" ", "").partition("-")
    return f"kst{main}{'x' + suffix if suffix else ''}n{number}".lower()


def folded_tokens(folded: str) -> list[str]:
    """The words of folded text, references and dossier numbers each made one word."""
    return [match[6] or _joined([match[:6]])[0] for match in WORDS.findall(folded)]


def tokens(text: str) -> list[str]:
    """The words of `text`, folded, references made canonical; stop words kept."""
    return folded_tokens(fold(text))


def normal(text: str) -> str:
    """A name as the search compares it with a whole query: its words, one space apart."""
    return " ".join(tokens(text))


VOWELS = frozenset("aeiouyè")


@lru_cache(maxsize=100_000)  # a word recurs: at 1,000 documents this halves the index's time
def stem(word: str) -> str:
    """Snowball Dutch for one folded word; words with digits are left as they are."""
    if len(word) < 3 or not word.isalpha():
        return word
    chars = list(word)
    if chars[0] == "y":
        chars[0] = "Y"
    for k in range(1, len(chars)):
        if chars[k - 1] in VOWELS:
            if chars[k] == "i" and k + 1 < len(chars) and chars[k + 1] in VOWELS:
                chars[k] = "I"
            elif chars[k] == "y":
                chars[k] = "Y"
    s = "".join(chars)
    p1 = _region(s, 0)
    p2 = _region(s, p1)
    p1 = max(p1, 3)
    s, _ = _standard_suffix(s, p1, p2)
    return s.replace("I", "i").replace("Y", "y")


def _region(s: str, start: int) -> int:
    """After the first non-vowel that follows a vowel, from `start`; len(s) if none."""
    i = start
    while i < len(s) and s[i] not in VOWELS:
        i += 1
    while i < len(s) and s[i] in VOWELS:
        i += 1
    return i + 1 if i < len(s) else len(s)


def _undouble(s: str) -> str:
    return s[:-1] if s[-2:] in ("kk", "dd", "tt") else s


def _consonant(s: str, i: int) -> bool:
    return i >= 0 and s[i] not in VOWELS


def _en_ending(s: str, cut: int, p1: int) -> str:
    if cut >= p1 and _consonant(s, cut - 1) and not s[:cut].endswith("gem"):
        return _undouble(s[:cut])
    return s


def _e_ending(s: str, p1: int) -> tuple[str, bool]:
    cut = len(s) - 1
    if s.endswith("e") and cut >= p1 and _consonant(s, cut - 1):
        return _undouble(s[:cut]), True
    return s, False


def _standard_suffix(s: str, p1: int, p2: int) -> tuple[str, bool]:
    if s.endswith("heden"):
        if len(s) - 5 >= p1:
            s = s[:-5] + "heid"
    elif s.endswith(("ene", "en")):
        s = _en_ending(s, len(s) - (3 if s.endswith("ene") else 2), p1)
    elif s.endswith(("se", "s")):
        cut = len(s) - (2 if s.endswith("se") else 1)
        if cut >= p1 and _consonant(s, cut - 1) and s[cut - 1] != "j":
            s = s[:cut]
    s, e_found = _e_ending(s, p1)
    if s.endswith("heid") and len(s) - 4 >= p2 and not (len(s) > 4 and s[-5] == "c"):
        s = s[:-4]
        if s.endswith("en"):
            s = _en_ending(s, len(s) - 2, p1)
    for suffix in ("lijk", "baar", "end", "ing", "bar", "ig"):
        if not s.endswith(suffix):
            continue
        cut = len(s) - len(suffix)
        if cut < p2:
            break
        if suffix in ("end", "ing"):
            s = s[:cut]
            if s.endswith("ig") and len(s) - 2 >= p2 and not (len(s) > 2 and s[-3] == "e"):
                s = s[:-2]
            else:
                s = _undouble(s)
        elif suffix == "ig":
            if not (cut > 0 and s[cut - 1] == "e"):
                s = s[:cut]
        elif suffix == "lijk":
            s, _ = _e_ending(s[:cut], p1)
        elif suffix == "baar" or e_found:
            s = s[:cut]
        break
    if len(s) >= 4 and _consonant(s, len(s) - 1) and s[-1] != "I" and s[-3:-1] in ("aa", "ee", "oo", "uu") and _consonant(s, len(s) - 4):
        s = s[:-2] + s[-1]
    return s, e_found


def index_words(text: str) -> list[str]:
    """The stems `text` is found by: its words folded, stop words left out, and its references
    (canonical) and dossier numbers."""
    folded, stopwords = fold(text), STOPWORDS
    words = [stem(word) for word in PLAIN_WORDS.findall(folded) if word not in stopwords]
    return words + _joined(REFERENCES.findall(folded))


def _joined(found: list[tuple[str, ...]]) -> list[str]:
    return [
        f"kst{dossier}{number3}{'x' + suffix if suffix else ''}n{number}" if dossier else spaced + spaced3
        for dossier, number3, suffix, number, spaced, spaced3 in found
    ]
