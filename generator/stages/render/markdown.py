"""Document text is data: escape it so Markdown and HTML show it, never obey it."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

from generator.model import FOOTNOTE_REF_CLOSE, FOOTNOTE_REF_OPEN
from generator.model.replace import replace_each

MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!"
"""The backslash first: the escapes added for the others must not be escaped again."""
ESCAPES = (*((char, "\\" + char) for char in MARKDOWN_SPECIAL), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
FOOTNOTE_MARKER = re.compile(f"{FOOTNOTE_REF_OPEN}(\\d{{1,3}}){FOOTNOTE_REF_CLOSE}")


def escape_markdown(text: str) -> str:
    """Escape HTML and every character Markdown could read as syntax."""
    return _escape_label(text) if len(text) <= 200 else _escape(text)


@lru_cache(maxsize=65536)
def _escape_label(text: str) -> str:
    """Names and titles are printed on many pages."""
    return _escape(text)


def _escape(text: str) -> str:
    escaped = replace_each(text, ESCAPES)
    if FOOTNOTE_REF_OPEN not in escaped:
        return escaped
    return FOOTNOTE_MARKER.sub(lambda match: f"[^{match.group(1)}]", escaped)


METADATA_SAFE = (("&", "&amp;"), ("<", "‹"), (">", "›"), ('"', "&quot;"))


def metadata_text(text: str) -> str:
    """Text for front matter. The theme prints page titles, descriptions and tags into
    HTML without escaping them, so no character may open a tag, an entity or an attribute."""
    return replace_each(plain(text), METADATA_SAFE)


def plain(text: str) -> str:
    """Text without in-text markers, for titles, evidence and search."""
    return FOOTNOTE_MARKER.sub("", text)


def finalize(value: object) -> str:
    """Jinja `finalize`: every value a template prints is escaped unless it is Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return escape_markdown(str(value))
