"""Render a planned page to Markdown with Jinja; every printed value is escaped."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.stages.render.markdown import escape_markdown, finalize
from generator.model import Block, Problem, error
from generator.stages.plan import Page
from generator.stages.plan.contexts import Anchor
from generator.stages.plan.paths import relative_url
from generator.model.yaml_text import dump_yaml


def environment(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        finalize=finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def template_problem(env: jinja2.Environment, page: Page, exc: jinja2.TemplateError) -> Problem:
    return error(_template_file(env, page.template, exc), _describe(exc, page.path))


def _template_file(env: jinja2.Environment, name: str, exc: jinja2.TemplateError) -> str:
    loader = env.loader
    folder = loader.searchpath[0] if isinstance(loader, jinja2.FileSystemLoader) else ""
    line = getattr(exc, "lineno", None)
    where = posixpath.join(str(folder), getattr(exc, "name", None) or name)
    return f"{where}:{line}" if line else where


def _describe(exc: jinja2.TemplateError, page: str) -> str:
    return f"the template failed while rendering {page}: {exc.message or exc}"


def render_page(page: Page, context: object, env: jinja2.Environment) -> str:
    def url(target: str) -> str:
        return relative_url(target, page.path)

    def link(label: object, target: str) -> Markup:
        return Markup(f"[{escape_markdown(str(label))}]({url(target)})")

    def external(label: object, address: str) -> Markup:
        return Markup(f"[{escape_markdown(str(label))}](<{address}>)")

    def links(items: list[dict]) -> Markup:
        return Markup(", ").join(link(item["label"], item["path"]) for item in items)

    def body(blocks: list[Block], anchors: list[Anchor]) -> Markup:
        return body_markdown(blocks, anchors, url)

    template = env.get_template(page.template)
    text = template.render(page=context, url=url, link=link, links=links, external=external, body=body)
    return _front_matter(page.front_matter) + text


def _front_matter(data: dict) -> str:
    if not data:
        return ""
    return "---\n" + dump_yaml(data, sort_keys=True, width=1000) + "---\n\n"


def body_markdown(blocks: list[Block], anchors: list[Anchor], url: Callable[[str], str]) -> Markup:
    """The cleaned text as Markdown: letterhead, headings, paragraphs, signature, footnotes."""
    by_block: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        by_block.setdefault(anchor["block"], []).append(anchor)
    parts: list[str] = []
    header = [escape_markdown(block.text) for block in blocks if block.kind == "header"]
    if header:
        parts.append('<div class="letterhead" markdown>\n\n' + "  \n".join(header) + "\n\n</div>")
    for number, block in enumerate(blocks):
        text = _linked(block.text, by_block.get(number, []), url)
        if block.kind == "heading":
            parts.append(f"### {text}")
        elif block.kind == "paragraph":
            parts.append(text)
        elif block.kind == "signature":
            parts.append('<div class="signature" markdown>\n\n' + text.replace("\n", "  \n") + "\n\n</div>")
        elif block.kind == "footnote":
            parts.append(f"[^{block.label}]: {text}")
    return Markup("\n\n".join(parts))


def _linked(text: str, anchors: list[Anchor], url: Callable[[str], str]) -> str:
    """Escape `text`, turning each anchored stretch into a link."""
    pieces: list[str] = []
    position = 0
    for anchor in sorted(anchors, key=lambda a: a["start"]):
        pieces.append(escape_markdown(text[position : anchor["start"]]))
        pieces.append(f"[{escape_markdown(text[anchor['start'] : anchor['end']])}]({url(anchor['path'])})")
        position = anchor["end"]
    pieces.append(escape_markdown(text[position:]))
    return "".join(pieces)
