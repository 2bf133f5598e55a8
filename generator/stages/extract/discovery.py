"""Initiatives the vocabulary does not know yet, found from definitions such as
"Tactical Edge Networking (TEN)", from names written with capitals that end in a
word such as Agreement or Group ("Battlegroup Coordination Conferences"), and from
treaty titles ("Kaderovereenkomst inzake militaire samenwerking"). They are marked
as discovered and listed for a curator by `python -m generator check`."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from generator.model import Term
from generator.model.slugs import slugify
from generator.vocabulary.matcher import Matcher

DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w-]*(?:,)?\s+(?:(?:of|and|for|the|to|in|on|de|van|voor|en|-)\s+)*){1,8}[A-Z][\w-]*)"
    r"\s+\((?P<abbreviation>[A-Z][A-Za-z0-9-]{1,11})\)"
)
HEAD_WORDS = frozenset(
    """initiative agreement arrangement programme program plan force forces mission operation system systems
    networking network munition munitions fund partnership corps group command capability capabilities facility
    project framework strategy treaty vehicle vehicles laboratory concept process pledge package compass
    exploitation dissemination defence defense readiness""".split()
)
SPACE = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
"""Spaces within one paragraph: a line may wrap, a blank line ends the name."""
NAMED = re.compile(
    rf"(?<![\w-])(?:[A-ZÀ-Ý][\w-]*{SPACE}(?:(?:of|for|and|on|van|voor|en){SPACE})?){{1,7}}[A-ZÀ-Ý][\w-]*"
)
"""Capitalised words joined only by words that keep one name together ("of", "van")."""
NAME_HEADS = frozenset(
    """agreement agreements arrangement arrangements conference conferences group initiative programme
    pledge fund mission operation partnership framework compass strategy treaty
    overeenkomst verdrag akkoord initiatief programma missie operatie""".split()
)
"""The last word of a name that calls a programme-like thing by its kind; without an
abbreviation to confirm it, the kind word alone must say so (not "Force", which also
names an air force, nor "Plan" or "Declaration", which name documents)."""
LEADING_WORDS = frozenset(
    """de het een deze dit die dat the a an this that these those in op met voor bij aan door naar om over
    onder tot uit als zoals ook and en of for on at by with from to under as also""".split()
)
"""A sentence's capitalised first word is no part of the name that follows it."""
TREATY_TITLE = re.compile(
    r"(?<![\w-])(?P<kind>(?:[A-Z][a-z]*(?:overeenkomst|verdrag|akkoord|besluit)|Overeenkomst|Verdrag|Akkoord|Protocol))"
    rf"(?:{SPACE}tussen(?:{SPACE}[^\s,;.:()]+){{2,24}}?(?={SPACE}(?:inzake|betreffende){SPACE}))?"
    rf"(?P<subject>{SPACE}(?:inzake|betreffende|tot|ter)(?:{SPACE}[^\W\d][\w'-]*){{1,16}})"
)
"""A Dutch treaty title: "Verdrag inzake …", or "Verdrag tussen <the parties> inzake …", which
is named without its parties."""
TITLE_STOPS = frozenset(
    """of die dat welke waarin waarbij zoals tussen met te is zijn wordt werd worden alsmede gesloten
    ondertekend""".split()
)
"""Where a treaty's title ends and the sentence about it goes on."""
DETERMINERS = ("de", "het", "een")
DANGLING = frozenset((*DETERMINERS, "van", "in", "op", "voor"))
WORD = re.compile(r"\S+")
WORD_FOLLOWS = re.compile(rf"{SPACE}[^\W\d]")
"""After a treaty title's last possible word, another word: the title did not end."""
OVERLAP_LOOKBACK = 64
"""Known names starting before a span that are looked at for overlapping it (names are short)."""
MIN_WORDS = 2
GROUP_WORDS = 3
CONTENT_LETTERS = 4
"""Shorter words ("of", "and", "the", "van") say nothing about what an expansion means."""


def discover_initiatives(text: str, known: Matcher) -> list[tuple[Term, str]]:
    """New initiatives defined in `text`, each with the definition it came from."""
    found: dict[str, tuple[Term, str]] = {}
    for match in DEFINITION.finditer(text):
        abbreviation = match.group("abbreviation").rstrip("-")
        name = _trim(match.group("name"), abbreviation)
        if name is None or _is_known(name, known) or _is_known(abbreviation, known):
            continue
        term = Term(id=slugify(name), name=name, aliases=(abbreviation,), discovered=True)
        found.setdefault(term.id, (term, match.group(0)))
    return list(found.values())


def discover_named(text: str, known: Matcher, spans: list[tuple[int, int, tuple[str, ...]]]) -> list[tuple[Term, str]]:
    """New initiatives that `text` calls by a capitalised name or a treaty title, each with
    the words of the text that name it (a treaty's title with its parties). `spans`: where
    `text` names what the vocabulary knows (start, end, keys), sorted."""
    found: dict[str, tuple[Term, str]] = {}
    candidates = [(name, name) for name in (_named(match, spans) for match in NAMED.finditer(text))]
    candidates += [_title(match, text, known, spans) for match in _treaty_titles(text)]
    for name, form in candidates:
        if name is None or _is_known(name, known):
            continue
        term = Term(id=slugify(name), name=name, discovered=True)
        found.setdefault(term.id, (term, form))
    return list(found.values())


def _words(match: re.Match) -> list[tuple[int, int, str]]:
    """The words of a match with where each starts and ends in the text."""
    return [(match.start() + word.start(), match.start() + word.end(), word.group()) for word in WORD.finditer(match.group(0))]


def overlaps(spans: list[tuple[int, int, tuple[str, ...]]], start: int, end: int, kind: str = "") -> bool:
    """True when a known name (of `kind`, if given) overlaps start..end."""
    index = bisect_left(spans, (end,))
    return any(
        span_end > start and (not kind or any(key.startswith(kind) for key in keys))
        for span_start, span_end, keys in spans[max(0, index - OVERLAP_LOOKBACK) : index]
    )


def _named(match: re.Match, spans) -> str | None:
    """The name in a run of capitalised words, cut after its last kind word; None when
    that word belongs to a name the vocabulary knows ("NATO Mission Iraq" is no "NATO
    Mission", "Defence Capabilities Initiative" no "Capabilities Initiative"), or for a
    two-word group, which is more often a company ("Naval Group")."""
    words = _words(match)
    while words and words[0][2].lower() in LEADING_WORDS:
        words.pop(0)
    heads = [position for position, (_, _, word) in enumerate(words) if word.lower() in NAME_HEADS]
    if not heads:
        return None
    words = words[: heads[-1] + 1]
    capitalised = sum(word[0].isupper() for _, _, word in words)
    if capitalised < MIN_WORDS or (words[-1][2].lower() == "group" and capitalised < GROUP_WORDS):
        return None
    head_start, head_end, _ = words[-1]
    if overlaps(spans, head_start, head_end):
        return None
    return " ".join(word for _, _, word in words)


def _treaty_titles(text: str):
    """Every treaty title, also one that starts inside the words another one took
    ("het Verdrag betreffende de Europese Unie en de Kaderovereenkomst inzake …")."""
    position = 0
    while match := TREATY_TITLE.search(text, position):
        yield match
        position = match.end("kind")


def _title(match: re.Match, text: str, known: Matcher, spans) -> tuple[str | None, str]:
    """A treaty's title up to where the sentence about it goes on, and the words that
    name it in the text. No title when nothing marks where it ends (a stop word, a date,
    punctuation, the end of a line), when its subject is only a name the vocabulary
    knows (the "Verdrag betreffende de Europese Unie" founds an organisation, it is no
    cooperation of its own), or when a known initiative's name is part of it (then the
    title is that initiative's, already found)."""
    words = _words(match)
    subject_at = len(words) - len(match.group("subject").split())
    ended = not WORD_FOLLOWS.match(text, match.end())
    for position in range(subject_at + 1, len(words)):
        word = words[position][2].lower()
        following = words[position + 1][2].lower() if position + 1 < len(words) else ""
        starts_sentence = words[position][2][0].isupper() and word in LEADING_WORDS
        if (
            word in TITLE_STOPS
            or starts_sentence
            or (word == "en" and following in DANGLING)
            or (word == "tot" and following == "stand")
        ):
            words, ended = words[:position], True
            break
    while words and words[-1][2].lower() in DANGLING:
        words.pop()
    subject = " ".join(word for _, _, word in words[subject_at + 1 :])
    for determiner in DETERMINERS:
        subject = subject.removeprefix(f"{determiner} ")
    form = " ".join(word for _, _, word in words)
    if (
        not ended
        or len(words) <= subject_at + 1
        or _is_known(subject, known)
        or overlaps(spans, words[0][0], words[-1][1], "initiative:")
    ):
        return None, form
    return " ".join(word for _, _, word in [words[0], *words[subject_at:]]), form


def _is_known(text: str, known: Matcher) -> bool:
    """True when one vocabulary form covers the whole text (not merely a word in it)."""
    return any(hit.start == 0 and hit.end == len(text) for hit in known.find(text))


def _trim(name: str, abbreviation: str) -> str | None:
    """Keep the words the abbreviation stands for; None unless it names a programme-like thing."""
    words = name.replace(",", "").split()
    capitals = [char for char in abbreviation if char.isupper()]
    start = _start_of_expansion(words, capitals)
    if start is None:
        return None
    words = words[start:]
    if len(words) < MIN_WORDS or not HEAD_WORDS & {word.lower() for word in words}:
        return None
    return " ".join(words)


def _start_of_expansion(words: list[str], capitals: list[str]) -> int | None:
    """The first word from which the capitalised initials spell the abbreviation's capitals."""
    for start in range(len(words)):
        initials = [word[0] for word in words[start:] if word[0].isupper()]
        if initials and initials[0] == capitals[0] and _is_subsequence(capitals, initials + _inner_capitals(words[start:])):
            return start
    return None


def _inner_capitals(words: list[str]) -> list[str]:
    return [char for word in words for char in word[1:] if char.isupper()]


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(char == candidate for candidate in remaining) for char in needle)


def redefined_acronyms(text: str, known: Matcher, forms: Callable[[str], tuple[str, ...]]) -> frozenset[str]:
    """Acronyms of the vocabulary that `text` defines as something else: "Recognised Air
    Picture (RAP)" is not the Readiness Action Plan, so RAP means no vocabulary entry here.
    An expansion that shares a word with a form of the entry ("NAVO Missie in Irak (NMI)",
    "NATO Mission Iraq") is the same thing; `forms(key)` gives an entry's forms."""
    redefined: set[str] = set()
    for match in DEFINITION.finditer(text):
        abbreviation = match.group("abbreviation")
        meant = {key for hit in known.find(abbreviation) if hit.start == 0 and hit.end == len(abbreviation) for key in hit.keys}
        if not meant:
            continue
        words = match.group("name").replace(",", "").split()
        start = _start_of_expansion(words, [char for char in abbreviation if char.isupper()])
        expansion = _content_words(" ".join(words[start:] if start is not None else words))
        if not any(expansion & _content_words(form) for key in meant for form in forms(key) if form != abbreviation):
            redefined.add(abbreviation)
    return frozenset(redefined)


def _content_words(text: str) -> set[str]:
    return {word for word in re.split(r"[\W_]+", text.lower()) if len(word) >= CONTENT_LETTERS}
