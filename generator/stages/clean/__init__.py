"""Turn raw text into blocks: furniture removed, hyphenation undone, lines rejoined.

The cleaner works on lines, in this order: remove page furniture (keeping what it
said), cut the text into chunks at blank lines and footnotes, rejoin paragraphs
that a page break cut in two, then classify each chunk as letterhead, heading,
paragraph, signature or footnote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Block, CleanDocument, Furniture, SourceText, footnote_ref
from generator.stages.clean.hyphenation import join_lines

KAMERSTUK_FOOTER = re.compile(
    r"^\s*Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4},\s*[\dA-Z ,.-]{3,30}?,\s*nr\.\s*\d+(\s+\d{1,3})?\s*$"
)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–]\s*\d{1,3}\s*[-–]|\d{1,3}|[Pp]agina \d{1,3}(?: van \d{1,3})?|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
SENTENCE_END = re.compile(r"[.!?:;»”\"')\]]$")
NUMBERED_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-ZÀ-Ý]")
"""A numbered section heading: "2 Samenwerking", "3.1 Duitsland"."""
FUNCTION_WORD_END = re.compile(
    r"\s(?:de|het|een|en|of|van|met|in|op|voor|tot|dat|die|te|aan|bij|door|om|over|als|naar|uit|zijn|is)$"
)
"""A line ending in such a word runs on, even into a capital ("samen met\nDenemarken")."""
ABBREVIATION_END = re.compile(r"\b(?:nrs?|jl|dr|drs|mr|ir|prof|blz|art|o\.a|m\.n|c\.s|i\.v\.m|zgn|bijv|resp|t\.a\.v)\.$")
FOOTNOTE_LINE = re.compile(r"^(\d{1,2})\s+(\S.*)$")
GLUED_MARKER = re.compile(r"(?<=[a-zà-ÿ).])(\d{1,2})(?=[\s.,;:]|$)")
WORD_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d{1,3})\]")
WORD_FOOTNOTE_TEXT = re.compile(r"(?:(?<!\s)\s+)?\[(\d{1,3}):\s+([^\[\]]{1,2000})\]")
"""The blanks before a note go with it. Only a run's first blank may start them: an
unbounded leading run of blanks would be tried from every position of a long run of
spaces, at the square of its cost."""
HEADER_LINE = re.compile(
    r"^(Aan |Van |Datum\b|Den Haag,|Onze referentie|Uw referentie|Kenmerk|Betreft|Onderwerp|"
    r"Aantal bijlagen|Bijlagen?\b|In afschrift aan|Afgestemd met|Opgesteld door|Nr\.\s*\d+|"
    r"\d{5}(?:-[\dA-Z]+)?\s|BRIEF VAN|TER (BESLISSING|INFORMATIE|ONDERTEKENING|KENNISNAME))"
)
SIGNATURE_ROLE = re.compile(
    r"^(?:De|Het)\s+(?:[a-z]+\s+){0,2}?(?:[Mm]inister|[Ss]taatssecretaris|[Ss]ecretaris-[Gg]eneraal|[Dd]irecteur|"
    r"[Cc]ommandant|[Pp]lv\.)[^,.]{0,80},\s*$"
)
MAX_HEADER_CHUNKS = 12
UNBROKEN_LINES = 30
PARAGRAPH_LINE = 250
"""A chunk of more lines than UNBROKEN_LINES, or of several lines one of which is longer
than PARAGRAPH_LINE characters, is text saved without blank lines (a web page's text with
one paragraph per line, or hard-wrapped text): its lines are grouped where they run on."""
MIN_CONTINUATIONS = 3
FULL_LINE = 0.85
"""A line at least this share of the wrap width is a full line: the paragraph goes on."""
"""Hard-wrapped text has lines that run on into a next line starting in lower case."""


@dataclass
class _Chunk:
    lines: list[str]
    after_break: bool = False
    """True when page furniture or a footnote interrupted the text just before."""
    footnote: str | None = None


def clean(source: SourceText) -> CleanDocument:
    """Clean one document's text into blocks; the source is kept for provenance."""
    lines, furniture = _remove_furniture(source.pages)
    labels = set(GLUED_MARKER.findall("\n".join(line for line in lines if line)))
    written = [line for line in lines if line is not None]
    no_blank_line = len(written) > UNBROKEN_LINES and all(line.strip() for line in "\n".join(written).strip().split("\n"))
    chunks = _merge_split_paragraphs(_split_unbroken(_chunk(lines, labels), no_blank_line))
    blocks = _classify(chunks, _wrap_width(chunks))
    blocks += [Block("footnote", join_lines([note.text]), label=note.label) for note in source.footnotes]
    return CleanDocument(source=source, blocks=tuple(_link_footnotes(blocks)), furniture=furniture)


def _remove_furniture(pages: tuple[str, ...]) -> tuple[list[str | None], Furniture]:
    """Drop running headers, footers and page numbers; None marks where they were."""
    kept: list[str | None] = []
    kamerstuk: list[str] = []
    for page_number, page in enumerate(pages):
        if page_number:
            kept.append(None)
        for line in page.split("\n"):
            line = line.replace("\u00a0", " ").replace("\t", "  ").rstrip()
            if KAMERSTUK_FOOTER.match(line):
                kamerstuk.append(line.strip())
            elif not PAGE_NUMBER.match(line):
                kept.append(line)
                continue
            kept.append(None)
    return kept, Furniture(kamerstuk_lines=tuple(kamerstuk))


def _chunk(lines: list[str | None], labels: set[str]) -> list[_Chunk]:
    """Cut lines into chunks at blank lines, page breaks and footnotes."""
    chunks: list[_Chunk] = []
    current = _Chunk([])
    in_footnote = False
    for line in lines:
        if line is None or not line.strip():
            if current.lines:
                chunks.append(current)
                current = _Chunk([], after_break=current.footnote is not None)
            current.after_break = current.after_break or line is None
            in_footnote = False
            continue
        line = line.strip()
        footnote = FOOTNOTE_LINE.match(line)
        if footnote and footnote.group(1) in labels:
            labels.discard(footnote.group(1))
            if current.lines:
                chunks.append(current)
            current, in_footnote = _Chunk([line], footnote=footnote.group(1)), True
            continue
        if in_footnote and not _runs_on(current.lines[-1], line):
            chunks.append(current)
            current, in_footnote = _Chunk([], after_break=True), False
        current.lines.append(line)
    if current.lines:
        chunks.append(current)
    return [piece for chunk in chunks for piece in _split_word_footnotes(chunk)]


def _split_unbroken(chunks: list[_Chunk], no_blank_line: bool) -> list[_Chunk]:
    split: list[_Chunk] = []
    width: int | None | bool = False  # not measured yet
    for chunk in chunks:
        lines = chunk.lines
        unbroken = no_blank_line or len(lines) > UNBROKEN_LINES or (len(lines) > 2 and max(map(len, lines)) > PARAGRAPH_LINE)
        if chunk.footnote is not None or not unbroken:
            split.append(chunk)
            continue
        if width is False:  # measured once, over the whole text, where it is needed
            width = _line_width([line for c in chunks if c.footnote is None for line in c.lines])
        groups = _wrapped_groups(lines, width) if width else _run_on_groups(lines)
        split += [_Chunk(group, after_break=chunk.after_break and not n) for n, group in enumerate(groups)]
    return split


def _line_width(lines: list[str]) -> int | None:
    """The length of a full line when `lines` are hard-wrapped; None when each is a paragraph."""
    run_on = [len(line) for line, following in zip(lines, lines[1:]) if _runs_on(line, following)]
    return sorted(run_on)[len(run_on) // 2] if len(run_on) >= MIN_CONTINUATIONS else None


def _wrapped_groups(lines: list[str], width: int) -> list[list[str]]:
    """Hard-wrapped lines without blank lines between paragraphs: a line as long as a full
    one runs on (whatever the next begins with), unless it ends a sentence; a shorter one
    ends its paragraph unless it plainly runs on."""
    groups: list[list[str]] = []
    for line in lines:
        previous = groups[-1][-1] if groups else None
        full = previous is not None and len(previous) >= FULL_LINE * width and not SENTENCE_END.search(previous)
        if previous is not None and (full or _runs_on(previous, line)):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _split_word_footnotes(chunk: _Chunk) -> list[_Chunk]:
    """Text exported from Word has footnotes inline ("[footnoteRef:1]" where a note is
    referenced, "[1:  text]" for the note): give each note a chunk of its own."""
    notes: list[_Chunk] = []
    lines = []
    for line in chunk.lines:
        for match in WORD_FOOTNOTE_TEXT.finditer(line):
            notes.append(_Chunk([match.group(2).strip()], footnote=match.group(1)))
        lines.append(WORD_FOOTNOTE_REF.sub(lambda m: footnote_ref(m.group(1)), WORD_FOOTNOTE_TEXT.sub("", line)))
    chunk.lines = [line for line in lines if line.strip()]
    return ([chunk] if chunk.lines else []) + notes


def _merge_split_paragraphs(chunks: list[_Chunk]) -> list[_Chunk]:
    """Rejoin a paragraph cut by a page break or footnote: it resumes in lower case."""
    merged: list[_Chunk] = []
    for chunk in chunks:
        previous = next((c for c in reversed(merged) if c.footnote is None), None)
        if (
            previous is not None
            and chunk.footnote is None
            and chunk.after_break
            and not SENTENCE_END.search(previous.lines[-1])
            and chunk.lines[0][:1].islower()
        ):
            previous.lines.extend(chunk.lines)
        else:
            merged.append(chunk)
    return merged


def _wrap_width(chunks: list[_Chunk]) -> int | None:
    """The length of a full line in hard-wrapped text; None when every line is a paragraph."""
    body = [chunk.lines for chunk in chunks[_header_end(chunks) :] if chunk.footnote is None]
    run_on = [len(line) for lines in body for line, following in zip(lines, lines[1:]) if _runs_on(line, following)]
    if len(run_on) < MIN_CONTINUATIONS:
        return None
    return sorted(run_on)[len(run_on) // 2]


def _classify(chunks: list[_Chunk], width: int | None) -> list[Block]:
    header_end = _header_end(chunks)
    blocks: list[Block] = []
    for index, chunk in enumerate(chunks):
        if chunk.footnote is not None:
            text = join_lines(chunk.lines)
            blocks.append(Block("footnote", FOOTNOTE_LINE.sub(r"\2", text), label=chunk.footnote))
        elif index < header_end:
            blocks.extend(Block("header", line) for line in chunk.lines)
        elif SIGNATURE_ROLE.match(chunk.lines[0]) and 1 < len(chunk.lines) <= 3:
            blocks.append(Block("signature", "\n".join(chunk.lines)))
        elif width is None:
            blocks.extend(_line_block(lines) for lines in _run_on_groups(chunk.lines))
        else:
            blocks.extend(_wrapped_blocks(chunk.lines, width))
    return blocks


def _header_end(chunks: list[_Chunk]) -> int:
    """Index of the first chunk after the letterhead (0 when there is none)."""
    end = 0
    for index, chunk in enumerate(chunks[:MAX_HEADER_CHUNKS]):
        if any(_is_header_line(line) for line in chunk.lines):
            end = index + 1
    return end


def _is_header_line(line: str) -> bool:
    """A letterhead's line: a label or a salutation, not a sentence ("Van dit overleg
    brengt de commissie ... uit.") and not a paragraph run into it."""
    return HEADER_LINE.match(line) is not None and len(line) <= PARAGRAPH_LINE and not (len(line) > 60 and line.endswith("."))


def _run_on_groups(lines: list[str]) -> list[list[str]]:
    """In unwrapped text each line is a paragraph, unless it runs on into the next."""
    groups: list[list[str]] = []
    for line in lines:
        if groups and _runs_on(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _runs_on(line: str, following: str) -> bool:
    continues = following[:1].islower() or following[:1].isdigit()
    if line.endswith("-") or (ABBREVIATION_END.search(line) and continues) or FUNCTION_WORD_END.search(line):
        return True
    return not SENTENCE_END.search(line) and following[:1].islower()


def _line_block(lines: list[str]) -> Block:
    if len(lines) == 1 and _is_heading(lines[0]):
        return Block("heading", lines[0])
    return Block("paragraph", join_lines(lines))


def _wrapped_blocks(lines: list[str], width: int) -> list[Block]:
    if _is_heading(lines[0], width) and (len(lines) == 1 or lines[1][:1].isupper()):
        heading = Block("heading", lines[0])
        return [heading, Block("paragraph", join_lines(lines[1:]))] if lines[1:] else [heading]
    return [Block("paragraph", join_lines(lines))]


def _is_heading(line: str, width: int | None = None) -> bool:
    return (
        len(line) <= min(90, int(width * 0.85) if width else 90)
        and (line[:1].isupper() or NUMBERED_SECTION.match(line) is not None)
        and not SENTENCE_END.search(line)
        and not line.endswith((",", "–", "-"))
    )


def _link_footnotes(blocks: list[Block]) -> list[Block]:
    """Turn glued markers ("bijlagen1.") into references to the footnotes that exist."""
    labels = {block.label for block in blocks if block.kind == "footnote"}
    if not labels:
        return blocks

    def mark(match: re.Match[str]) -> str:
        return footnote_ref(match.group(1)) if match.group(1) in labels else match.group(0)

    return [
        Block(block.kind, GLUED_MARKER.sub(mark, block.text), block.label) if block.kind == "paragraph" else block
        for block in blocks
    ]
