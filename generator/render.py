"""Render planned pages to Markdown with Jinja; every printed value is escaped."""

from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from .labels import dutch_date
from .markdown_text import escape_markdown, finalize
from .model import Block
from .plan import Page


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        finalize=finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["dutch_date"] = dutch_date
    env.filters["body"] = body_markdown
    return env


def render(pages: list[Page], env: jinja2.Environment) -> dict[str, str]:
    """Markdown text by page path."""
    return {page.path: render_page(page, env) for page in pages}


def render_page(page: Page, env: jinja2.Environment) -> str:
    def url(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page.path) or ".")

    def link(label: str, target: str) -> Markup:
        return Markup(f"[{escape_markdown(label)}]({url(target)})")

    body = env.get_template(page.template).render(page=page.context, url=url, link=link)
    return _front_matter(page.front_matter) + body


def _front_matter(data: dict) -> str:
    if not data:
        return ""
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


def body_markdown(blocks: list[Block]) -> Markup:
    """The cleaned text as Markdown: headings, paragraphs, letterhead, signature, footnotes."""
    parts: list[str] = []
    header = [escape_markdown(block.text) for block in blocks if block.kind == "header"]
    if header:
        parts.append('<div class="letterhead" markdown>\n\n' + "  \n".join(header) + "\n\n</div>")
    for block in blocks:
        text = escape_markdown(block.text)
        if block.kind == "heading":
            parts.append(f"### {text}")
        elif block.kind == "paragraph":
            parts.append(text)
        elif block.kind == "signature":
            parts.append("  \n".join(escape_markdown(line) for line in block.text.split("\n")))
        elif block.kind == "footnote":
            parts.append(f"[^{block.label}]: {text}")
    return Markup("\n\n".join(parts))
