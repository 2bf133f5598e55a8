"""Load the curated vocabulary: countries (names from Babel/CLDR), organisations,
initiatives and topics, validated into problems rather than exceptions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from generator.model import Country, Problem, Term, error
from generator.model.slugs import slugify
from generator.model.yaml_text import AliasRefused, load_yaml_text
from generator.vocabulary.signals import Signals, load_signals

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_KEYS = {"id", "name", "aliases", "description", "kind", "keywords"}
SIGNALS = "partner_signals.yml"
COUNTRY_KEYS = {"name", "aliases", "adjectives", "demonyms", "adversary"}


@dataclass(frozen=True)
class Vocabulary:
    countries: dict[str, Country]
    """By ISO code."""
    country_forms: dict[str, tuple[str, ...]]
    """By ISO code: every surface form (name, aliases, adjectives, demonyms)."""
    organisations: tuple[Term, ...] = ()
    initiatives: tuple[Term, ...] = ()
    topics: tuple[Term, ...] = ()
    regions: tuple[str, ...] = ()
    """Region names that contain a state's name ("Latijns-Amerika"): matched, then ignored."""
    signals: Signals = Signals()
    """What tells a partner from context or an adversary (partner_signals.yml)."""

    @property
    def countries_by_slug(self) -> dict[str, Country]:
        return {country.slug: country for country in self.countries.values()}


def load_vocabulary(folder: Path) -> tuple[Vocabulary, list[Problem]]:
    """Read every vocabulary file in `folder`; missing files give empty lists."""
    problems: list[Problem] = []
    countries, forms = _load_countries(folder / "countries.yml", problems)
    vocabulary = Vocabulary(
        countries=countries,
        country_forms=forms,
        organisations=_load_terms(folder / "organisations.yml", problems),
        initiatives=_load_terms(folder / "initiatives.yml", problems),
        topics=_load_terms(folder / "topics.yml", problems),
        regions=_string_list(load_yaml(folder / "regions.yml", problems), folder / "regions.yml", "regions", problems),
        signals=load_signals(folder / SIGNALS, load_yaml(folder / SIGNALS, problems), problems),
    )
    return vocabulary, problems


def load_yaml(path: Path, problems: list[Problem]) -> Any:
    """Safely load one YAML file; a syntax error becomes a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(error(path, f"expected a readable UTF-8 YAML file: {exc}"))
        return None
    try:
        return load_yaml_text(text)
    except AliasRefused as exc:
        problems.append(error(path, str(exc)))
        return None
    except (ValueError, OverflowError) as exc:  # a date that does not exist: "2019-06-31"
        problems.append(error(path, f"expected real dates, found one that does not exist ({exc})"))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problems.append(error(path, f"expected valid YAML, found a syntax error{where}"))
        return None


def _string_list(value: Any, path: Path, field: str, problems: list[Problem]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
        problems.append(error(path, f"expected a list of strings, found {value!r}", field))
        return ()
    return tuple(str(item) for item in value)


def _load_countries(path: Path, problems: list[Problem]) -> tuple[dict[str, Country], dict[str, tuple[str, ...]]]:
    data = load_yaml(path, problems)
    if not data:
        if not any(problem.file == str(path) for problem in problems):
            found = "no such file" if not path.exists() else "an empty file"
            problems.append(error(path, f"expected the countries of the vocabulary, found {found}; no partner could be found"))
        return {}, {}
    if not isinstance(data, dict):
        problems.append(error(path, "expected a mapping from ISO codes to forms"))
        return {}, {}
    names, english = Locale("nl").territories, Locale("en").territories
    countries: dict[str, Country] = {}
    forms: dict[str, tuple[str, ...]] = {}
    for key, entry in data.items():
        code = "NO" if key is False else str(key)
        entry = entry or {}
        if code not in names or not isinstance(entry, dict):
            problems.append(error(path, f"expected an ISO 3166-1 code with a mapping of forms, found {key!r}", code))
            continue
        for unknown in sorted(set(entry) - COUNTRY_KEYS):
            problems.append(error(path, f"unknown key '{unknown}'; expected one of {sorted(COUNTRY_KEYS)}", code))
        name = str(entry.get("name") or names[code])
        countries[code] = Country(code=code, name=name, slug=slugify(name), adversary=entry.get("adversary") is True)
        extra = [
            form
            for key in ("aliases", "adjectives", "demonyms")
            for form in _string_list(entry.get(key), path, f"{code}.{key}", problems)
        ]
        forms[code] = tuple(dict.fromkeys([name, names[code], *_plain(english.get(code)), *extra]))
    return countries, forms


def _plain(name: str | None) -> list[str]:
    """CLDR's English name ("Germany", "United States"), as treaties and English texts
    write it; not a form like "Congo - Kinshasa" or "St. Lucia", which no text uses."""
    return [name] if name and not set(name) & set("&()-.") else []


def _load_terms(path: Path, problems: list[Problem]) -> tuple[Term, ...]:
    data = load_yaml(path, problems)
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(error(path, "expected a list of entries with 'id' and 'name'"))
        return ()
    terms: dict[str, Term] = {}
    for position, entry in enumerate(data, start=1):
        term = _term(entry, path, position, problems)
        if term is None:
            continue
        if term.id in terms:
            problems.append(error(path, f"duplicate id '{term.id}' (entry {position}); ids must be unique", "id"))
            continue
        terms[term.id] = term
    return tuple(terms.values())


def _term(entry: Any, path: Path, position: int, problems: list[Problem]) -> Term | None:
    if not isinstance(entry, dict):
        problems.append(error(path, f"entry {position}: expected a mapping with 'id' and 'name', found {entry!r}"))
        return None
    term_id, name = entry.get("id"), entry.get("name")
    if not isinstance(term_id, str) or not SLUG.match(term_id):
        problems.append(error(path, f"entry {position}: expected a slug of a-z, 0-9 and '-', found {term_id!r}", "id"))
        return None
    if not isinstance(name, str) or not name.strip():
        problems.append(error(path, f"entry '{term_id}': expected a name", "name"))
        return None
    for unknown in sorted(set(entry) - TERM_KEYS):
        problems.append(error(path, f"entry '{term_id}': unknown key '{unknown}'", unknown))
    description = entry.get("description")
    return Term(
        id=term_id,
        name=name.strip(),
        aliases=_string_list(entry.get("aliases"), path, f"{term_id}.aliases", problems),
        keywords=_string_list(entry.get("keywords"), path, f"{term_id}.keywords", problems),
        description=str(description).strip() if description else None,
        kind=str(entry["kind"]) if entry.get("kind") else None,
    )
