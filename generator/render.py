"""Render planned pages to Markdown with Jinja; every printed value is escaped."""

from __future__ import annotations

import multiprocessing
import posixpath
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jinja2
from markupsafe import Markup

from .markdown_text import escape_markdown, finalize
from .model import Block, Problem, error
from .plan import Page
from .plan.contexts import Anchor
from .plan.paths import relative_url
from .yaml_text import dump_yaml


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


MIN_PAGES_PER_WORKER = 200
"""Below this, forking costs more than it saves."""


def render(
    pages: list[Page],
    env: jinja2.Environment,
    tick: Callable[[int], object] = lambda count: None,
    workers: int = 1,
) -> tuple[dict[str, str], list[Problem]]:
    """Markdown text by page path; a template that fails is reported once, with its line.
    With `workers` > 1, the pages are shared out over forked processes."""
    if workers > 1 and len(pages) >= workers * MIN_PAGES_PER_WORKER and _can_fork():
        results = _render_forked(pages, env, tick, workers)
    else:
        results = [_render_some(pages, env, tick)]
    rendered: dict[str, str] = {}
    failed: dict[str, Problem] = {}
    for texts, problems in results:
        rendered.update(texts)
        for template, problem in problems.items():
            failed.setdefault(template, problem)
    return rendered, list(failed.values())


def _render_some(
    pages: list[Page], env: jinja2.Environment, tick: Callable[[int], object]
) -> tuple[dict[str, str], dict[str, Problem]]:
    rendered: dict[str, str] = {}
    failed: dict[str, Problem] = {}
    for page in pages:
        tick(1)
        if page.template in failed:
            continue
        try:
            rendered[page.path] = render_page(page, env)
        except jinja2.TemplateError as exc:
            failed[page.template] = error(_template_file(env, page.template, exc), _describe(exc, page.path))
    return rendered, failed


def _can_fork() -> bool:
    """Forked children inherit the pages and the compiled templates without pickling them.
    A process with other threads (the `serve` loop) must not fork."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


_shared: tuple[list[Page], jinja2.Environment] | None = None


def _render_forked(
    pages: list[Page], env: jinja2.Environment, tick: Callable[[int], object], workers: int
) -> list[tuple[dict[str, str], dict[str, Problem]]]:
    global _shared
    chunks = workers * 4
    bounds = [(len(pages) * i // chunks, len(pages) * (i + 1) // chunks) for i in range(chunks)]
    _shared = (pages, env)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = []
            for (start, end), result in zip(bounds, pool.map(_render_range, bounds)):
                results.append(result)
                tick(end - start)
            return results
    finally:
        _shared = None


def _render_range(bounds: tuple[int, int]) -> tuple[dict[str, str], dict[str, Problem]]:
    assert _shared is not None
    pages, env = _shared
    return _render_some(pages[bounds[0] : bounds[1]], env, lambda count: None)


def _template_file(env: jinja2.Environment, name: str, exc: jinja2.TemplateError) -> str:
    loader = env.loader
    folder = loader.searchpath[0] if isinstance(loader, jinja2.FileSystemLoader) else ""
    line = getattr(exc, "lineno", None)
    where = posixpath.join(str(folder), getattr(exc, "name", None) or name)
    return f"{where}:{line}" if line else where


def _describe(exc: jinja2.TemplateError, page: str) -> str:
    return f"the template failed while rendering {page}: {exc.message or exc}"


def render_page(page: Page, env: jinja2.Environment) -> str:
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
    text = template.render(page=page.context, url=url, link=link, links=links, external=external, body=body)
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
