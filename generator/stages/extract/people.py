"""Author (from the signature block), recipient and redaction."""

from __future__ import annotations

import re

from generator.model import Block, Person

# The lookahead lets the engine skip to a "[" or a "5" (3x faster on whole documents).
REDACTION = re.compile(
    r"(?=[\[5])(?:\[(?:redacted|gelakt|weggelakt|geanonimiseerd)\]|\b5\.1\.[12][a-i]?\b|\b5\.2\b)", re.IGNORECASE
)
RECIPIENT = re.compile(r"^Aan\s+(.+?)\s*$")
ROLE = re.compile(r"^(?:De|Het)\s+(.+?),?\s*$")
INITIALS = re.compile(r"\b([A-Z][a-z]{0,2}\.)\s+(?=[A-Z][a-z]{0,2}\.)")


def is_redacted(text: str) -> tuple[bool, str | None]:
    match = REDACTION.search(text)
    return (True, match.group(0)) if match else (False, None)


def author(blocks: tuple[Block, ...]) -> tuple[Person | None, str | None]:
    """The signatory of the last signature block; None when absent or redacted."""
    signatures = [block for block in blocks if block.kind == "signature"]
    if not signatures:
        return None, None
    lines = signatures[-1].text.split("\n")
    name = tidy_name(lines[1]) if len(lines) > 1 else ""
    if not name or REDACTION.search(name):
        return None, signatures[-1].text
    role_match = ROLE.match(lines[0])
    role = role_match.group(1) if role_match else None
    return Person(name=name, role=role[:1].upper() + role[1:] if role else None), signatures[-1].text


def tidy_name(name: str) -> str:
    """"J. S. J. Hillen" -> "J.S.J. Hillen"."""
    return INITIALS.sub(r"\1", " ".join(name.split())).strip(" ,")


def recipient(header_lines: list[str]) -> tuple[str | None, str | None]:
    for line in header_lines:
        if match := RECIPIENT.match(line):
            return match.group(1), line
    return None, None
