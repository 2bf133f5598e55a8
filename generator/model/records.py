"""Records as plain data: a fixed key order for YAML and JSON output."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.model import Country, Mention, Record, Term
from generator.model.yaml_text import dump_yaml


def record_to_dict(record: Record) -> dict[str, Any]:
    """The record in the order of the `extract --json` contract."""
    return {
        "source": record.source,
        "id": record.id,
        "title": record.title,
        "doc_type": record.doc_type,
        "date": record.date.isoformat() if record.date else None,
        "date_source": record.date_source,
        "reference": record.reference,
        "kamerstuk": _kamerstuk(record.kamerstuk),
        "dossier_title": record.dossier_title,
        "author": {"name": record.author.name, "role": record.author.role} if record.author else None,
        "recipient": record.recipient,
        "redacted": record.redacted,
        "countries": [_mention(mention) for mention in _by_name(record.countries)],
        "partners": [_mention(mention, evidence=True) for mention in _by_name(record.partners)],
        "organisations": [_mention(mention) for mention in _by_name(record.organisations)],
        "initiatives": [_mention(mention) for mention in _by_name(record.initiatives)],
        "topics": [_mention(mention) for mention in _by_name(record.topics)],
        "cites": [
            {"dossier": cited.target.dossier, "number": cited.target.number, "evidence": cited.sentence}
            for cited in record.cites
        ],
        "evidence": dict(sorted(record.evidence.items())),
        "overridden": list(record.overridden),
        "former_ids": list(record.former_ids),
    }


def _kamerstuk(kamerstuk) -> dict[str, Any] | None:
    if kamerstuk is None:
        return None
    return {"dossier": kamerstuk.dossier, "number": kamerstuk.number, "vergaderjaar": kamerstuk.vergaderjaar}


def _by_name(mentions: tuple[Mention, ...]) -> list[Mention]:
    return sorted(mentions, key=lambda mention: mention.term.name.casefold())


def _mention(mention: Mention, evidence: bool = False) -> dict[str, Any]:
    term = mention.term
    if isinstance(term, Country):
        data: dict[str, Any] = {"code": term.code, "name": term.name}
    else:
        data = {"id": term.id, "name": term.name}
        if isinstance(term, Term) and term.aliases:
            data["aliases"] = list(term.aliases)
        if isinstance(term, Term) and term.discovered:
            data["discovered"] = True
    data["mentions"] = mention.count
    if evidence:
        data["evidence"] = mention.evidence
    return data


def to_json_line(record: Record) -> str:
    return json.dumps(record_to_dict(record), ensure_ascii=False, sort_keys=False)


def to_yaml(record: Record) -> str:
    return dump_yaml(record_to_dict(record), sort_keys=False, width=100)


def record_digest(record: Record) -> str:
    """A digest of everything the record says (its `extract --json` form)."""
    text = json.dumps(record_to_dict(record), ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()
