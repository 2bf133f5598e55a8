"""Render a planned page to Markdown with Jinja; every printed value is escaped."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup

from generator.model import Block, CleanDocument, Problem, error
from generator.model.pages import Anchor, Page
from generator.model.paths import relative_from
from generator.model.yaml_text import dump_yaml
from generator.stages.render.chart import year_chart
from generator.stages.render.lists import filter_end, filter_start, passage_list, scope_query, year_groups
from generator.stages.render.markdown import escape_markdown, finalize, metadata_text
from generator.stages.render.words import counted_noun, documents, dutch_number

MAX_PAGE_TEXT = 400_000
"""Characters of text shown on a page; longer documents end with a link to the source file,
so that one huge input cannot make the site build or the search index explode."""


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
    env.filters["cell"] = table_cell
    env.filters["number"] = dutch_number
    env.filters["documents"] = documents
    env.filters["counted"] = counted_noun
    env.globals["chart"] = year_chart
    return env


def table_cell(value: object) -> Markup:
    """Jinja filter `cell`, for every value printed in a Markdown table row: escaped like any
    value (Markup, such as a link, as it is), and a `|` becomes `\\|`, which the tables
    extension shows as a pipe instead of starting a new cell. Only in cells: elsewhere the
    pipe needs no escape."""
    return Markup(finalize(value).replace("|", "\\|"))


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


class ShownText(NamedTuple):
    """The part of a document's text its page shows."""

    blocks: list[Block]
    truncated: bool
    """True when the text is too long to show in full; the source file has it all."""


def shown_text(text: CleanDocument | None) -> ShownText | None:
    if text is None:
        return None
    shown: list[Block] = []
    total = 0
    for block in text.blocks:
        total += len(block.text)
        if total > MAX_PAGE_TEXT and shown:
            break
        shown.append(block)
    return ShownText(shown, len(shown) < len(text.blocks))


def render_page(page: Page, context: object, env: jinja2.Environment, text: CleanDocument | None = None) -> str:
    """The page's Markdown: front matter, then the template's output. `text` is the
    document's cleaned text, for a document's page."""
    url = relative_from(page.path)

    def link(label: object, target: str) -> Markup:
        return Markup(f"[{escape_markdown(str(label))}]({url(target)})")

    def external(label: object, address: str) -> Markup:
        return Markup(f"[{escape_markdown(str(label))}](<{address}>)")

    def links(items: list[dict]) -> Markup:
        return Markup(", ").join(link(item["label"], item["path"]) for item in items)

    def body(blocks: list[Block], anchors: list[Anchor]) -> Markup:
        return body_markdown(blocks, anchors, url)

    def passages(items: list) -> Markup:
        return passage_list(items, url)

    state = {"filtered": False, "open": False}  # the page's filter comes once, before its first list

    def list_start() -> Markup:
        if page.lists is None or state["filtered"]:
            return Markup("")
        state["filtered"] = state["open"] = True
        return filter_start(page.lists, url)

    def list_end() -> Markup:
        if not state["open"]:
            return Markup("")
        state["open"] = False
        return filter_end()

    def by_year(groups: list, level: int = 3) -> Markup:
        if page.lists is None or state["filtered"]:
            return year_groups(groups, level, url)
        return list_start() + year_groups(groups, level, url, scope_query(page.lists)) + list_end()

    template = env.get_template(page.template)
    markdown = template.render(
        page=context, text=shown_text(text), url=url, link=link, links=links, external=external, body=body,
        passages=passages, by_year=by_year, list_start=list_start, list_end=list_end,
    )
    return _front_matter(page.front_matter) + markdown


def _front_matter(data: dict) -> str:
    if not data:
        return ""
    return "---\n" + dump_yaml(_metadata(data), sort_keys=True, width=1000) + "---\n\n"


def _metadata(value: Any) -> Any:
    """Every text in the front matter made safe for the theme, which prints it unescaped."""
    if isinstance(value, str):
        return metadata_text(value)
    if isinstance(value, dict):
        return {key: _metadata(item) for key, item in value.items()}
    if isinstance(value, list):
        return list(dict.fromkeys(_metadata(item) for item in value))
    return value


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
        if block.kind == "paragraph":
            pieces = _pieces(block.text, by_block.get(number, []))
            parts += [_linked(piece, piece_anchors, url, offset) for offset, piece, piece_anchors in pieces]
            continue
        text = _linked(block.text, by_block.get(number, []), url)
        if block.kind == "heading":
            parts.append(f"### {text}")
        elif block.kind == "signature":
            parts.append('<div class="signature" markdown>\n\n' + text.replace("\n", "  \n") + "\n\n</div>")
        elif block.kind == "footnote":
            parts.append(f"[^{block.label}]: {text}")
    return Markup("\n\n".join(parts))


MAX_PARAGRAPH = 10_000
"""A longer paragraph is cut, at a blank, into paragraphs of at most this many characters:
Python-Markdown's cost grows with the square of a paragraph's length (one of 720,000
escaped characters takes 34 s, cut like this 0.3 s), and no paragraph people write is
this long."""


def _pieces(text: str, anchors: list[Anchor]) -> list[tuple[int, str, list[Anchor]]]:
    """(offset, text, anchors in it) of each piece of a paragraph; no cut falls in an anchor."""
    if len(text) <= MAX_PARAGRAPH:
        return [(0, text, anchors)]
    cuts, start = [], 0
    while len(text) - start > MAX_PARAGRAPH:
        cut = text.rfind(" ", start + MAX_PARAGRAPH // 2, start + MAX_PARAGRAPH)
        cut = cut if cut > start else start + MAX_PARAGRAPH
        cut = next((a["end"] for a in anchors if a["start"] < cut < a["end"]), cut)
        cuts.append(cut)
        start = cut
    pieces = []
    for begin, end in zip([0, *cuts], [*cuts, len(text)]):
        piece = text[begin:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            pieces.append((begin + lead, piece.strip(), [a for a in anchors if begin <= a["start"] < end]))
    return pieces


def _linked(text: str, anchors: list[Anchor], url: Callable[[str], str], offset: int = 0) -> str:
    """Escape `text` (which starts at `offset` of its block), turning each anchored stretch into a link."""
    pieces: list[str] = []
    position = 0
    for anchor in sorted(anchors, key=lambda a: a["start"]):
        start, end = anchor["start"] - offset, anchor["end"] - offset
        pieces.append(escape_markdown(text[position:start]))
        pieces.append(f"[{escape_markdown(text[start:end])}]({url(anchor['path'])})")
        position = end
    pieces.append(escape_markdown(text[position:]))
    return "".join(pieces)
