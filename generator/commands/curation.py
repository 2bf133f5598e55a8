"""What a curator should look at: the fields a record could not fill (a sidecar fills
them), initiatives found only by their definition, and names that nearly match a
vocabulary form (a typo, or a form the vocabulary lacks)."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

from generator.model import Document, Term
from generator.vocabulary.lexicon import Lexicon
from generator.vocabulary.matcher import normalise

CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]{4,}(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\b")
SIMILARITY = 0.88


@dataclass(frozen=True)
class Finding:
    source: str
    message: str


FILLABLE = {"date": "date", "reference": "reference", "author": "author", "title": "title"}
"""Fields a document usually states, by the record attribute that holds them."""
SIDECAR_HINT = "; a sidecar <name>.meta.yml beside the document can set them"


def curation_findings(documents: list[Document], lexicon: Lexicon) -> list[Finding]:
    findings = [_unfilled(d) for d in documents if _unfilled(d) is not None]
    findings += [
        Finding(d.record.source, f"initiative not in vocabulary/initiatives.yml: {m.term.name} ({', '.join(m.term.aliases)})")
        for d in documents
        for m in d.record.initiatives
        if isinstance(m.term, Term) and m.term.discovered
    ]
    return findings + _near_misses(documents, lexicon)


def _unfilled(document: Document) -> Finding | None:
    """The fields the text did not give, and whether the type was only a guess."""
    record = document.record
    empty = [field for field, attribute in FILLABLE.items() if getattr(record, attribute) in (None, "")]
    if record.author is None and record.redacted:
        empty.remove("author")  # a redacted signatory stays empty on purpose
    if record.doc_type == "overig" and "doc_type" not in record.overridden:
        empty.append("doc_type (overig)")
    if not empty:
        return None
    return Finding(record.source, f"not found in the text: {', '.join(empty)}{SIDECAR_HINT}")


def _near_misses(documents: list[Document], lexicon: Lexicon) -> list[Finding]:
    forms = _known_forms(lexicon)
    by_initial: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        by_initial[form[:1]].append(form)
    findings = []
    for document in documents:
        words = sorted(set(CAPITALISED.findall(document.clean.text)) - forms)
        for word in words:
            close = difflib.get_close_matches(word, by_initial[word[:1]], n=1, cutoff=SIMILARITY)
            if close and not lexicon.matcher.find(word):
                findings.append(Finding(document.record.source, f"'{word}' looks like '{close[0]}' but is not in the vocabulary"))
    return findings


def _known_forms(lexicon: Lexicon) -> set[str]:
    vocabulary = lexicon.vocabulary
    forms = {form for code in vocabulary.country_forms for form in vocabulary.country_forms[code]}
    for term in (*vocabulary.organisations, *vocabulary.initiatives):
        forms.update((term.name, *term.aliases))
    return {normalise(form) for form in forms if " " not in form}
