"""Shared immutable values passed from one pipeline stage to the next.

Stages import these types, never each other. Every value is frozen: a stage
returns a new value instead of completing an old one. The modules of this room
also hold how those values are named and written (paths, Dutch labels, slugs,
YAML), because several stages need the same answer.
"""

from generator.model.document import Document, Text
from generator.model.problems import Level, Problem, error, warning
from generator.model.record import (
    DOC_TYPES,
    Citation,
    Country,
    DateSource,
    Kamerstuk,
    Mention,
    Person,
    Record,
    Span,
    Term,
    normalise_dossier,
    spaced_dossier,
)
from generator.model.text import (
    FOOTNOTE_REF_CLOSE,
    FOOTNOTE_REF_OPEN,
    Block,
    BlockKind,
    CleanDocument,
    Footnote,
    Furniture,
    SourceText,
    footnote_ref,
    plain,
)

__all__ = [
    "DOC_TYPES", "FOOTNOTE_REF_CLOSE", "FOOTNOTE_REF_OPEN", "Block", "BlockKind", "Citation", "CleanDocument",
    "Country", "DateSource", "Document", "Footnote", "Furniture", "Kamerstuk", "Level", "Mention", "Person", "Problem",
    "Record", "SourceText", "Span", "Term", "Text", "error", "footnote_ref", "normalise_dossier", "plain",
    "spaced_dossier", "warning",
]
