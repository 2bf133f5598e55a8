"""Document text is data: escape it so Markdown and HTML show it, never obey it."""

from __future__ import annotations

from markupsafe import Markup

from generator.model import plain
from generator.model.text import FOOTNOTE_MARKER

MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!"
ESCAPES = str.maketrans({**{char: "\\" + char for char in MARKDOWN_SPECIAL}, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
METADATA_SAFE = str.maketrans({"&": "&amp;", "<": "‹", ">": "›", '"': "&quot;"})


def escape_markdown(text: str) -> str:
    """Escape HTML and every character Markdown could read as syntax; footnote markers
    become Markdown footnote references."""
    return FOOTNOTE_MARKER.sub(lambda match: f"[^{match.group(1)}]", text.translate(ESCAPES))


def metadata_text(text: str) -> str:
    """Text for front matter. The theme prints page titles, descriptions and tags into
    HTML without escaping them, so no character may open a tag, an entity or an attribute."""
    return plain(text).translate(METADATA_SAFE)


def finalize(value: object) -> str:
    """Jinja `finalize`: every value a template prints is escaped unless it is Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return escape_markdown(str(value))
