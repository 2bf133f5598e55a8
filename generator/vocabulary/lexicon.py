"""The vocabulary compiled into one matcher: every surface form of every entry, keyed
by kind and id ("country:JP", "initiative:pesco")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.model import Country, Problem, Term
from generator.vocabulary.load import Vocabulary, load_vocabulary
from generator.vocabulary.matcher import Matcher

COUNTRY, ORGANISATION, INITIATIVE, TOPIC, REGION = "country", "organisation", "initiative", "topic", "region"



@dataclass(frozen=True)
class Lexicon:
    """The vocabulary compiled into one matcher, with its entries by key."""

    vocabulary: Vocabulary
    matcher: Matcher
    entries: dict[str, Country | Term]


def compile_lexicon(vocabulary: Vocabulary) -> Lexicon:
    entries: dict[str, Country | Term] = {}
    forms: list[tuple[str, str]] = []
    for code, country in vocabulary.countries.items():
        entries[f"{COUNTRY}:{code}"] = country
        forms += [(form, f"{COUNTRY}:{code}") for form in vocabulary.country_forms.get(code, ())]
    for kind, terms in ((ORGANISATION, vocabulary.organisations), (INITIATIVE, vocabulary.initiatives)):
        for term in terms:
            entries[f"{kind}:{term.id}"] = term
            forms += [(variant, f"{kind}:{term.id}") for form in (term.name, *term.aliases) for variant in _spellings(form)]
    forms += [(region, f"{REGION}:{region}") for region in vocabulary.regions]
    for topic in vocabulary.topics:
        entries[f"{TOPIC}:{topic.id}"] = topic
        forms += [(form, f"{TOPIC}:{topic.id}") for form in (topic.name, *topic.keywords)]
    return Lexicon(vocabulary, Matcher(forms, group=_group), entries)


NATO_WORD = re.compile(r"\bNAVO(?=\b|-)")


def _spellings(form: str) -> tuple[str, ...]:
    """A form as written, and with "Navo" for "NAVO": the spelling Dutch government texts
    used until about 2011 ("Navo-Rusland Raad")."""
    older = NATO_WORD.sub("Navo", form)
    return (form, older) if older != form else (form,)


def _group(key: str) -> str:
    """Regions compete with countries for the same words; other kinds never hide each other."""
    kind = key.partition(":")[0]
    return COUNTRY if kind == REGION else kind


def lexicon_of(folder: Path) -> tuple[Lexicon, list[Problem]]:
    """The vocabulary in `folder`, loaded and compiled."""
    vocabulary, problems = load_vocabulary(folder)
    return compile_lexicon(vocabulary), problems
