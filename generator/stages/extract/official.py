"""The facts the publisher attached as metadata, taken before anything read from the text.

The official publication site states a Kamerstuk's dossier, number, year, title, dossier
title and submitter in `<meta>` elements and in its metadata.xml ("DC.identifier" such as
"kst-33279-13", "OVERHEIDop.dossiernummer", "OVERHEIDop.ondernummer", ...). The evidence
of each fact is its element, written as `name="content"`.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from generator.model import Kamerstuk, Person, normalise_dossier
from generator.stages.extract.dates import parse_date
from generator.stages.extract.front import OFFICIAL_ID


class Official(NamedTuple):
    kamerstuk: Kamerstuk | None = None
    issued: dt.date | None = None
    title: str | None = None
    dossier_title: str | None = None
    submitter: Person | None = None
    kind_words: str | None = None
    """What the publisher calls the document ("Brief regering", "Verslag van een algemeen overleg")."""
    evidence: dict[str, str] = {}


def official_facts(metadata: tuple[tuple[str, str], ...]) -> Official:
    if not metadata:
        return Official()
    named = {name.casefold(): (name, content) for name, content in reversed(metadata)}
    evidence: dict[str, str] = {}

    def value(field: str, *names: str) -> str | None:
        for name in names:
            if (found := named.get(name.casefold())) and found[1]:
                evidence[field] = f'{found[0]}="{found[1]}"'
                return found[1]
        return None

    return Official(
        kamerstuk=_kamerstuk(value, evidence),
        issued=parse_date(value("date", "DCTERMS.issued", "DC.date") or ""),
        title=value("title", "OVERHEIDop.documenttitel", "DC.title"),
        dossier_title=value("dossier_title", "OVERHEIDop.dossiertitel"),
        submitter=Person(name=name) if (name := value("author", "OVERHEIDop.indiener", "DC.creator.indiener")) else None,
        kind_words=value("doc_type", "OVERHEIDop.documenttitel", "DC.type"),
        evidence=evidence,
    )


def _kamerstuk(value, evidence: dict[str, str]) -> Kamerstuk | None:
    dossier, number = value("kamerstuk", "OVERHEIDop.dossiernummer"), value("kamerstuk_number", "OVERHEIDop.ondernummer")
    year = value("vergaderjaar", "OVERHEIDop.vergaderjaar")
    year = year.replace("/", "-") if year and len(year) == 9 else None
    if dossier and number and number.strip().isdigit():
        evidence["kamerstuk"] = f"{evidence['kamerstuk']} {evidence.pop('kamerstuk_number')}"
        return Kamerstuk(normalise_dossier(dossier), number.strip(), year)
    evidence.pop("kamerstuk", None), evidence.pop("kamerstuk_number", None)
    identifier = value("kamerstuk", "DC.identifier")
    if identifier and (match := OFFICIAL_ID.search(identifier)):
        return Kamerstuk(normalise_dossier(match["dossier"]), match["number"], year)
    evidence.pop("kamerstuk", None)
    return None
