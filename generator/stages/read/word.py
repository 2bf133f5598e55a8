"""Word (.docx): paragraphs and tables in document order, with footnotes.

Paragraphs are separated by blank lines and table rows become lines with cells
joined by " | ". Footnotes are numbered in the order the text refers to them, as
Word shows them: the text holds a footnote reference marker where a note is
referenced, and the notes come apart, as structured footnotes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.parser import parse_xml

from generator.model import Footnote, Problem, error, footnote_ref
from generator.stages.read.failure import summary
from generator.stages.read.reading import Reading

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED_BYTES = 100_000_000
"""A ZIP bomb guard: what the package may expand to (a long letter's text is a few MB)."""
NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def read_docx(path: Path, data: bytes) -> tuple[Reading, list[Problem]]:
    """The document body as one page of text; a damaged package yields an error."""
    problem = _check_package(path, data)
    if problem is not None:
        return Reading(()), [problem]
    try:
        document = docx.Document(io.BytesIO(data))
        notes = _Footnotes(footnote_texts(_footnotes_xml(document)))
        text = "\n\n".join(_blocks(document.element.body, notes))
        return Reading((text,), notes.referenced()), []
    except Exception as exc:  # python-docx and lxml raise many types on a damaged package
        message = f"expected a Word document with word/document.xml, found a damaged package: {summary(exc)}"
        return Reading(()), [error(path, message, "format")]


def _check_package(path: Path, data: bytes) -> Problem | None:
    if data.startswith(OLE_MAGIC):
        found = "an OLE compound file (a legacy .doc, or a password-protected .docx)"
    elif not zipfile.is_zipfile(io.BytesIO(data)):
        found = "no ZIP package" if data else "an empty file"
    else:
        found = _check_zip(data)
    if found is None:
        return None
    return error(path, f"expected a Word .docx package, found {found}", "format")


def _check_zip(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except Exception as exc:  # zipfile raises more than BadZipFile on damaged directories
        return f"a damaged ZIP package ({summary(exc)})"
    if "word/document.xml" not in {member.filename for member in members}:
        return "a ZIP package without word/document.xml"
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        return f"a package that unpacks to more than {MAX_UNPACKED_BYTES:,} bytes"
    return None


def _footnotes_xml(document: WordDocument) -> bytes | None:
    for relationship in document.part.rels.values():
        if relationship.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not relationship.is_external:
            return relationship.target_part.blob
    return None


def footnote_texts(xml: bytes | None) -> dict[str, str]:
    """Footnote text by Word's footnote id, from word/footnotes.xml."""
    if not xml:
        return {}
    texts = {}
    for note in parse_xml(xml).iter(W + "footnote"):
        if note.get(W + "type") in NOT_NOTES:
            continue
        texts[note.get(W + "id", "")] = " ".join(" ".join(_texts(note, None)).split())
    return texts


class _Footnotes:
    """Numbers footnotes in the order the text references them, as Word displays them."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.labels: dict[str, str] = {}

    def reference(self, note_id: str) -> str:
        """The in-text marker for a reference to the note `note_id`."""
        if not self.texts.get(note_id):
            return ""  # a marker without a note would link to nothing
        label = self.labels.setdefault(note_id, str(len(self.labels) + 1))
        return footnote_ref(label)

    def referenced(self) -> tuple[Footnote, ...]:
        return tuple(Footnote(label, self.texts[note_id]) for note_id, label in self.labels.items())


def _blocks(body, notes: _Footnotes) -> list[str]:
    """Text blocks of the body, in document order."""
    return [text.strip() for text in _texts(body, notes) if text.strip()]


def _texts(container, notes: _Footnotes | None) -> Iterator[str]:
    """Texts of the paragraphs and tables directly in a container, in document order."""
    for child in container:
        if child.tag == W + "p":
            yield paragraph_text(child, notes)
        elif child.tag == W + "tbl":
            yield "\n".join(_table_rows(child, notes))
        elif child.tag == W + "sdt":  # a content control wraps ordinary paragraphs and tables
            yield from _texts(child.iterfind(W + "sdtContent/*"), notes)


def _table_rows(table, notes: _Footnotes | None) -> list[str]:
    rows = []
    for row in table.iterfind(W + "tr"):
        cells = [" ".join(" ".join(_texts(cell, notes)).split()) for cell in row.iterfind(W + "tc")]
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


RUN_TEXT = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def paragraph_text(paragraph, notes: _Footnotes | None) -> str:
    """The visible text of a w:p element; footnote references become markers.

    Text boxes anchored in the paragraph are included, one line per text box paragraph.
    """
    parts = []
    owner = paragraph
    for run in paragraph.iter(W + "r"):
        # Word stores a text box twice: once for itself and once as a fallback for old readers.
        if any(ancestor.tag == MC_FALLBACK for ancestor in run.iterancestors()):
            continue
        text = _run_text(run, notes)
        run_owner = next(run.iterancestors(W + "p"), paragraph)
        if text and run_owner is not owner:
            parts.append("\n")
            owner = run_owner
        parts.append(text)
    return "".join(parts)


def _run_text(run, notes: _Footnotes | None) -> str:
    parts = []
    for child in run:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag == W + "footnoteReference" and notes is not None:
            parts.append(notes.reference(child.get(W + "id", "")))
        else:
            parts.append(RUN_TEXT.get(child.tag, ""))
    return "".join(parts)
