"""People's corrections: a sidecar `<name>.meta.yml` beside a document overrides any field.

People win: an overridden field is taken as written, and the generator never
writes to a sidecar. Each field is validated on its own, so one wrong value
costs only that field, with an error naming the file, the field and what was
expected.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.model import (
    DOC_TYPES,
    Citation,
    Country,
    Kamerstuk,
    Mention,
    Person,
    Problem,
    Record,
    Term,
    error,
    normalise_dossier,
    warning,
)
from generator.model.files import is_existing_file
from generator.model.project import shown_path
from generator.model.slugs import slugify
from generator.vocabulary.lexicon import (
    COUNTRY,
    INITIATIVE,
    ORGANISATION,
    TOPIC,
    Lexicon,
)
from generator.vocabulary.load import load_yaml

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CITATION = re.compile(r"^\s*(\d{2}\s?\d{3}(?:-[\dA-Z]+)?)\s*-\s*(\d+)\s*$")
SIDECAR_SUFFIX = ".meta.yml"


def sidecar_for(document: Path) -> Path | None:
    """`brief.meta.yml` (or `brief.txt.meta.yml`) beside `brief.txt`, if it exists."""
    for candidate in (document.with_name(document.stem + SIDECAR_SUFFIX), document.with_name(document.name + SIDECAR_SUFFIX)):
        if is_existing_file(candidate):
            return candidate
    return None


class _Invalid(ValueError):
    """A sidecar value of the wrong shape; the message says what was expected."""


def orphan_sidecars(source: Path, documents: list[Path], root: Path) -> list[Problem]:
    """Sidecars beside no document: a document renamed without its sidecar, whose
    corrections would otherwise be lost without a word."""
    claimed = {sidecar_for(document) for document in documents}
    problems = []
    for sidecar in sorted(source.rglob(f"*{SIDECAR_SUFFIX}")):
        hidden = any(part.startswith(".") for part in sidecar.relative_to(source).parts)
        if not hidden and sidecar not in claimed:
            message = "belongs to no document, so its corrections are not applied; give it the document's name"
            problems.append(warning(shown_path(sidecar, root), f"{message} ('brief.pdf' takes 'brief.meta.yml')"))
    return problems


def with_sidecars(documents: list[Path], source: Path) -> list[Path]:
    """The documents and the sidecars beside them; nothing that lies outside `source`."""
    root = source.resolve()
    found = set(documents)
    for document in documents:
        sidecar = sidecar_for(document)
        if sidecar is not None and sidecar.resolve().is_relative_to(root):
            found.add(sidecar)
    return sorted(found)


def apply_sidecar(record: Record, sidecar: Path, lexicon: Lexicon, display: str) -> tuple[Record, list[Problem]]:
    problems: list[Problem] = []
    data = load_yaml(sidecar, problems)
    problems = [dataclasses.replace(problem, file=display) for problem in problems]
    if data is None:
        return record, problems
    if not isinstance(data, dict):
        return record, problems + [error(display, f"expected a mapping of field: value, found {type(data).__name__}")]
    changes: dict[str, Any] = {}
    for field, value in data.items():
        parse = FIELDS.get(str(field))
        if parse is None:
            problems.append(error(display, f"unknown field; expected one of {', '.join(sorted(FIELDS))}", str(field)))
            continue
        try:
            changes[str(field)] = parse(value, lexicon)
        except _Invalid as exc:
            problems.append(error(display, f"expected {exc}, found {value!r}", str(field)))
    if "date" in changes:
        changes["date_source"] = "override"
    if "partners" in changes:
        known = {mention.term for mention in changes.get("countries", record.countries)}
        extra = tuple(mention for mention in changes["partners"] if mention.term not in known)
        changes["countries"] = (*changes.get("countries", record.countries), *extra)
    if changes.get("id", record.id) != record.id:  # the id it would have had keeps leading to it
        changes["former_ids"] = (*record.former_ids, record.id)
    if "kamerstuk" in changes and "reference" not in changes:
        changes["reference"] = changes["kamerstuk"].display if changes["kamerstuk"] else record.reference
    overridden = tuple(sorted(set(record.overridden) | (set(changes) & set(map(str, data)))))
    return dataclasses.replace(record, **changes, overridden=overridden), problems


def _text(value: Any, _: Lexicon) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value.strip() if value else None
    raise _Invalid("a text or null")


RESERVED_IDS = {"index"}
"""Ids whose page would take the place of an overview page (documenten/index.md)."""


def _id(value: Any, _: Lexicon) -> str:
    if value in RESERVED_IDS:
        raise _Invalid(f"an id other than {', '.join(sorted(RESERVED_IDS))} (that name is the overview page's)")
    if isinstance(value, str) and ID.match(value) and len(value) <= 100:
        return value
    raise _Invalid("an id of lower-case letters, digits and single hyphens, like 'kst-33279-29'")


def _doc_type(value: Any, _: Lexicon) -> str:
    if value in DOC_TYPES:
        return value
    raise _Invalid(f"one of {', '.join(DOC_TYPES)}")


def _date(value: Any, _: Lexicon) -> dt.date | None:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime) and 1900 <= value.year <= 2100):
        return value
    raise _Invalid("a date like 2019-06-19 (between 1900 and 2100), or null")


def _bool(value: Any, _: Lexicon) -> bool:
    if isinstance(value, bool):
        return value
    raise _Invalid("true or false")


def _author(value: Any, _: Lexicon) -> Person | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return Person(name=value.strip())
    if isinstance(value, dict) and isinstance(value.get("name"), str) and set(value) <= {"name", "role"}:
        role = value.get("role")
        if role is None or isinstance(role, str):
            return Person(name=value["name"].strip(), role=role)
    raise _Invalid("a name, or {name: ..., role: ...}, or null")


def _kamerstuk(value: Any, _: Lexicon) -> Kamerstuk | None:
    if value is None:
        return None
    if isinstance(value, dict) and set(value) <= {"dossier", "number", "vergaderjaar"}:
        dossier, number = str(value.get("dossier") or ""), str(value.get("number") or "")
        vergaderjaar = value.get("vergaderjaar")
        if re.match(r"^\d{2}\s?\d{3}", dossier) and number.isdigit():
            return Kamerstuk(normalise_dossier(dossier), number, str(vergaderjaar) if vergaderjaar else None)
    raise _Invalid("{dossier: '33279', number: '29', vergaderjaar: '2018-2019'} or null")


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise _Invalid("a list")


def _cites(value: Any, _: Lexicon) -> tuple[Citation, ...]:
    cited = []
    for item in _list(value):
        match = CITATION.match(str(item)) if isinstance(item, (str, int)) else None
        if isinstance(item, dict) and {"dossier", "number"} <= set(item):
            match = CITATION.match(f"{item['dossier']}-{item['number']}")
        if not match:
            raise _Invalid("a list of citations like '33279-28' or {dossier: '33279', number: '28'}")
        cited.append(Citation(Kamerstuk(normalise_dossier(match.group(1)), match.group(2)), "toegevoegd door een redacteur"))
    return tuple(dict.fromkeys(cited))


def _terms(kind: str, what: str) -> Callable[[Any, Lexicon], tuple[Mention, ...]]:
    def parse(value: Any, lexicon: Lexicon) -> tuple[Mention, ...]:
        mentions = []
        for item in _list(value):
            term = _lookup(kind, item, lexicon)
            if term is None:
                raise _Invalid(f"a list of {what}; '{item}' is not one")
            mentions.append(Mention(term, 0, "toegevoegd door een redacteur"))
        return tuple(dict.fromkeys(mentions))

    return parse


def _lookup(kind: str, item: Any, lexicon: Lexicon) -> Country | Term | None:
    if kind == COUNTRY and item is False:
        item = "NO"  # YAML 1.1 reads a bare NO (Norway) as false
    if not isinstance(item, str):
        return None
    if kind == COUNTRY:
        countries = lexicon.vocabulary.countries
        return countries.get(item.upper()) or lexicon.vocabulary.countries_by_slug.get(slugify(item))
    return lexicon.entries.get(f"{kind}:{item}") or lexicon.entries.get(f"{kind}:{slugify(item)}")


FIELDS: dict[str, Callable[[Any, Lexicon], Any]] = {
    "id": _id,
    "title": _text,
    "doc_type": _doc_type,
    "date": _date,
    "reference": _text,
    "kamerstuk": _kamerstuk,
    "author": _author,
    "recipient": _text,
    "redacted": _bool,
    "countries": _terms(COUNTRY, "ISO codes or Dutch country names ('JP', 'Japan')"),
    "partners": _terms(COUNTRY, "ISO codes or Dutch country names ('JP', 'Japan')"),
    "organisations": _terms(ORGANISATION, "organisation ids from vocabulary/organisations.yml"),
    "initiatives": _terms(INITIATIVE, "initiative ids from vocabulary/initiatives.yml"),
    "topics": _terms(TOPIC, "topic ids from vocabulary/topics.yml"),
    "cites": _cites,
}
