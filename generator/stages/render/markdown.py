"""Document text is data: escape it so Markdown and HTML show it, never obey it."""

from __future__ import annotations

import re

from markupsafe import Markup

from generator.model import plain
from generator.model.text import FOOTNOTE_REF_CLOSE, FOOTNOTE_REF_OPEN

MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!"
ESCAPES = {**{char: "\\" + char for char in MARKDOWN_SPECIAL}, "&": "&amp;", "<": "&lt;", ">": "&gt;"}
METADATA_SAFE = {"&": "&amp;", "<": "‹", ">": "›", '"': "&quot;"}
# One pattern finds every character to escape and every footnote marker. (str.translate
# with these tables costs four times as much: escaping is most of what rendering does.)
_TO_ESCAPE = re.compile(f"{FOOTNOTE_REF_OPEN}(\\d{{1,3}}){FOOTNOTE_REF_CLOSE}|[{re.escape(''.join(ESCAPES))}]")
_TO_MAKE_SAFE = re.compile(f"[{re.escape(''.join(METADATA_SAFE))}]")


def _escaped(match: re.Match[str]) -> str:
    label = match.group(1)
    return f"[^{label}]" if label else ESCAPES[match.group()]


def escape_markdown(text: str) -> str:
    """Escape HTML and every character Markdown could read as syntax; footnote markers
    become Markdown footnote references."""
    return _TO_ESCAPE.sub(_escaped, text)


def metadata_text(text: str) -> str:
    """Text for front matter. The theme prints page titles, descriptions and tags into
    HTML without escaping them, so no character may open a tag, an entity or an attribute."""
    return _TO_MAKE_SAFE.sub(lambda match: METADATA_SAFE[match.group()], plain(text))


def finalize(value: object) -> str:
    """Jinja `finalize`: every value a template prints is escaped unless it is Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return escape_markdown(str(value))
