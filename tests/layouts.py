"""One document, rendered into the layouts real documents arrive in.

A document is taken apart into its units (letterhead lines, headings, paragraphs, the
signature, notes) by the generator's own reader and cleaner, and put together again as:
PDF text with running footers, page numbers and hyphenation; the official publication
page's text; a tkconv page; an OpenKamer page; hard-wrapped text without a blank line;
one paragraph per line; and real .html, .docx and .pdf files. The record of every form
should be the record of the original.
"""

from __future__ import annotations

import html
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pyphen
from fpdf import FPDF

from generator.model import Record, plain
from generator.stages.clean import clean
from generator.stages.read import read

WIDTH = 78
PAGE_LINES = 46
HYPHENATOR = pyphen.Pyphen(lang="nl_NL")
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


@dataclass(frozen=True)
class Unit:
    kind: str  # header, heading, paragraph, signature, footnote
    text: str
    label: str | None = None


@dataclass(frozen=True)
class Layout:
    name: str
    suffix: str
    render: Callable[[list[Unit], Record], bytes]
    kamerstuk_only: bool = False
    """Sites that hold only Kamerstukken (tkconv, OpenKamer)."""


def units_of(path: Path) -> list[Unit]:
    source, problems = read(path, str(path))
    assert source is not None, problems
    return [
        Unit(block.kind, block.text if block.kind == "signature" else " ".join(plain(block.text).split()), block.label)
        for block in clean(source).blocks
    ]


# --------------------------------------------------------------------------- text layouts


def _body(units: list[Unit]) -> list[Unit]:
    return [unit for unit in units if unit.kind != "footnote"]


def _notes(units: list[Unit]) -> list[Unit]:
    return [unit for unit in units if unit.kind == "footnote"]


def _lines(unit: Unit) -> list[str]:
    return unit.text.split("\n") if unit.kind == "signature" else [unit.text]


def _hyphenated_wrap(text: str, width: int = WIDTH) -> list[str]:
    """Wrapped at `width`, every third line ending in a long word split at a syllable."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    for n in range(len(lines) - 1):
        first, _, rest = lines[n + 1].partition(" ")
        pairs = list(HYPHENATOR.iterate(first)) if n % 3 == 0 and first.isalpha() and len(first) >= 10 else []
        if pairs:
            head, tail = pairs[len(pairs) // 2]
            lines[n] += f" {head}-"
            lines[n + 1] = f"{tail} {rest}".strip()
    return lines


def pdf_text(units: list[Unit], record: Record) -> bytes:
    """As pypdf gives a printed Kamerstuk: wrapped, hyphenated, with a footer and a page
    number on every page and the notes at the foot of the page."""
    footer = (
        f"Tweede Kamer, vergaderjaar {record.kamerstuk.vergaderjaar.replace('-', '–')}, "
        f"{_spaced(record.kamerstuk.dossier)}, nr. {record.kamerstuk.number}"
        if record.kamerstuk and record.kamerstuk.vergaderjaar
        else None
    )
    lines: list[str] = []
    for unit in _body(units):
        if unit.kind in ("paragraph",):
            lines += _hyphenated_wrap(unit.text)
        else:
            lines += _lines(unit)
        lines.append("")
    pages = [lines[start : start + PAGE_LINES] for start in range(0, len(lines), PAGE_LINES)]
    notes = [f"{unit.label} {unit.text}" for unit in _notes(units)]
    out = []
    for number, page in enumerate(pages, start=1):
        tail = notes if number == len(pages) else []
        tail += [f"{footer} {number}" if footer else f"Pagina {number} van {len(pages)}"]
        out.append("\n".join(page + [""] + tail))
    return "\f".join(out).encode("utf-8")


def _page_lines(units: list[Unit], record: Record) -> list[str]:
    """The body's lines, a Kamerstuk's dossier line on top where the print had it in its footer."""
    parts = [" ".join(line.split()) for unit in _body(units) for line in _lines(unit)]
    kamerstuk = record.kamerstuk
    if kamerstuk and not any(part.startswith(_spaced(kamerstuk.dossier)) for part in parts):
        # The printed letterhead had it in the footer; the page prints it at the top.
        year = f"Vergaderjaar {kamerstuk.vergaderjaar}" if kamerstuk.vergaderjaar else ""
        parts[:0] = [
            "Tweede Kamer der Staten-Generaal",
            year,
            f"{_spaced(kamerstuk.dossier)} {record.dossier_title or 'Kamerstukken'}",
        ]
    return [part for part in parts if part]


def official_text(units: list[Unit], record: Record) -> bytes:
    """The text of the official publication page: one paragraph a line between blank
    lines, the letterhead's spaces single, the notes as "X Noot" and a "Naar boven"."""
    parts = _page_lines(units, record)
    notes = [f"X Noot\n{unit.label}\n\n{unit.text}" for unit in _notes(units)]
    return "\n\n".join(["Kamerstuk", *parts, "Naar boven", *notes]).encode("utf-8") + b"\n"


def _letter_date(record: Record) -> str:
    return f"{record.date.day} {MONTHS[record.date.month - 1]} {record.date.year}" if record.date else ""


def tkconv_text(units: list[Unit], record: Record) -> bytes:
    kamerstuk = record.kamerstuk
    signer = f"- Eerste ondertekenaar: {record.author.name}, {record.author.role}" if record.author else ""
    head = "\n\n".join(
        [
            "[overzicht] [activiteiten] [ongeplande activiteiten] [besluiten] [commissies] [kamerleden] "
            "[kamerstukdossiers] [open vragen]\n[toezeggingen] [stemmingen] [verslagen] [🔍 uitgebreid zoeken] [wat is dit?]",
            record.title or "Brief regering",
            record.dossier_title or "Kamerstuk",
            "Brief regering",
            f"Nummer: 2099D00001, datum: {record.date.isoformat() if record.date else ''}, bijgewerkt: 2024-02-19 10:56, versie: 3",
            f"Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site, officiële HTML versie "
            f"(kst-{kamerstuk.dossier}-{kamerstuk.number}).",
            f"Gerelateerde personen:{signer}",
            f"Onderdeel van kamerstukdossier {kamerstuk.dossier.replace('-', ' ')}-{kamerstuk.number} {record.dossier_title or ''}.",
            "Preview document (🔗 origineel)",
        ]
    )
    return head.encode("utf-8") + b"\n\n\n" + official_text(units, record)


def openkamer_text(units: list[Unit], record: Record) -> bytes:
    kamerstuk = record.kamerstuk
    head = "\n".join(
        [
            f"Kamerstuk {kamerstuk.dossier}-{kamerstuk.number}",
            "",
            record.title or "Brief regering",
            "",
            record.dossier_title or "",
            "",
            f"Gepubliceerd: {_letter_date(record)}",
            f"Indiener(s): {record.author.name if record.author else ''}",
            "Onderwerpen: defensie internationaal",
            f"Bron: https://zoek.officielebekendmakingen.nl/kst-{kamerstuk.dossier}-{kamerstuk.number}.html",
            f"ID: {kamerstuk.dossier}-{kamerstuk.number}",
        ]
    )
    return head.encode("utf-8") + b"\n\n" + official_text(units, record)


def unbroken_text(units: list[Unit], record: Record) -> bytes:
    """The PDF text hard-wrapped as it was, without one blank line or page break."""
    lines = pdf_text(units, record).decode("utf-8").replace("\f", "\n").split("\n")
    return "\n".join(line for line in lines if line.strip()).encode("utf-8") + b"\n"


def line_per_paragraph(units: list[Unit], record: Record) -> bytes:
    """The official page's text copied with one paragraph a line and no blank line."""
    lines = official_text(units, record).decode("utf-8").split("\n")
    return "\n".join(line for line in lines if line.strip()).encode("utf-8") + b"\n"


# --------------------------------------------------------------------------- files


def html_file(units: list[Unit], record: Record) -> bytes:
    tags = {"heading": "h2", "header": "p", "paragraph": "p"}
    body = [f"<p>{html.escape(line)}</p>" for line in _head_lines(units, record)]
    for unit in _body(units):
        if unit.kind == "signature":
            body.append("<p>" + "<br>".join(html.escape(line) for line in _lines(unit)) + "</p>")
        else:
            body.append(f"<{tags[unit.kind]}>{html.escape(unit.text)}</{tags[unit.kind]}>")
    notes = "".join(f"<li>{html.escape(unit.text)}</li>" for unit in _notes(units))
    page = (
        f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>{html.escape(record.title or '')}"
        f"</title></head><body><main>{''.join(body)}<ol class='noten'>{notes}</ol></main></body></html>"
    )
    return page.encode("utf-8")


def docx_file(units: list[Unit], record: Record) -> bytes:
    document = docx.Document()
    for line in _head_lines(units, record):
        document.add_paragraph(line)
    for unit in units:
        if unit.kind == "heading":
            document.add_heading(unit.text, level=2)
        elif unit.kind == "footnote":
            document.add_paragraph(f"{unit.label} {unit.text}")
        else:
            for line in _lines(unit):
                document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LATIN1 = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-", "€": "EUR"})


def pdf_file(units: list[Unit], record: Record) -> bytes:
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in _head_lines(units, record):
        pdf.multi_cell(
            0, 5, line.translate(LATIN1).encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT"
        )
    for unit in units:
        text = f"{unit.label} {unit.text}" if unit.kind == "footnote" else unit.text
        text = text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def _head_lines(units: list[Unit], record: Record) -> list[str]:
    """What a file made from the document prints above its own letterhead (the dossier line)."""
    body = {" ".join(line.split()) for unit in _body(units) for line in _lines(unit)}
    return [line for line in _page_lines(units, record) if line not in body]


def _spaced(dossier: str) -> str:
    head, sep, tail = dossier.partition("-")
    return (f"{head[:-3]} {head[-3:]}" if head.isdigit() and len(head) > 3 else head) + sep + tail


LAYOUTS = (
    Layout("pdf-text", ".txt", pdf_text),
    Layout("official-page", ".txt", official_text),
    Layout("tkconv", ".txt", tkconv_text, kamerstuk_only=True),
    Layout("openkamer", ".txt", openkamer_text, kamerstuk_only=True),
    Layout("unbroken", ".txt", unbroken_text),
    Layout("line-per-paragraph", ".txt", line_per_paragraph),
    Layout("html", ".html", html_file),
    Layout("docx", ".docx", docx_file),
    Layout("pdf", ".pdf", pdf_file),
)
