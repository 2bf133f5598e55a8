"""HTML (.html, .htm): the visible text, one block per paragraph, heading or list item.

A page that marks its document's own text (the official publication site's
`<div id="broodtekst">`, else a `<main>` or an `<article>`) gives only that text, not the
site's navigation; its `<meta name=... content=...>` elements are kept as metadata."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from generator.model import Problem, error
from generator.stages.read.failure import summary
from generator.stages.read.reading import Reading
from generator.stages.read.text import decode

HIDDEN = {"script", "style", "noscript", "template", "title"}
HEAD_ONLY = HIDDEN | {"head", "meta", "link", "base"}
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
    "thead", "ul",
}  # fmt: skip
CELLS = {"td", "th"}
CONTAINERS = (("id", "broodtekst"), ("tag", "main"), ("tag", "article"))
"""Where a page keeps its document's own text, strongest first."""
CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
CHARSET_WINDOW = 4096
PARAGRAPH_BREAK, LINE_BREAK = 2, 1


def read_html(path: Path, data: bytes) -> tuple[Reading, list[Problem]]:
    """The visible text of an HTML file as one page; markup, scripts and styles are dropped."""
    declared = CHARSET.search(data[:CHARSET_WINDOW])
    text, problems = decode(path, data, declared.group(1).decode("ascii") if declared else None)
    try:
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        return Reading((parser.text(),), (), tuple(parser.metadata.items())), problems
    except Exception as exc:  # html.parser is lenient, but a parse error must not stop a build
        message = f"expected HTML, found markup that cannot be parsed: {summary(exc)}"
        return Reading(()), [*problems, error(path, message, "format")]


def visible_text(markup: str) -> str:
    """What a browser would show of `markup`, with a blank line between blocks."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | int] = []
        """Text, and break strengths between blocks."""
        self.hidden = 0
        self.in_head = False
        self.cells = 0
        self.in_cell = 0
        self.pre = 0
        self.metadata: dict[str, str] = {}
        self.containers: dict[tuple[str, str], list[int]] = {}
        """Per kind of container, [start, end] in `parts` of the first one."""
        self.open: list[tuple[tuple[str, str], str, int]] = []
        """Containers being read: (kind, tag, depth of that tag inside it)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._track_containers(tag, dict(attrs))
        # Browsers end the head at the first element that cannot be in it, closed or not.
        self.in_head = tag == "head" or (self.in_head and tag in HEAD_ONLY)
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "tr":
            self.parts.append(LINE_BREAK)
            self.cells = self.in_cell = 0
        elif tag in CELLS:
            self.parts.append(" | " if self.cells else "")
            self.cells += 1
            self.in_cell += 1
        elif tag == "br" or tag in BLOCKS:
            self._break(tag)
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HIDDEN:  # an empty "<script/>" hides nothing
            self.handle_starttag(tag, attrs)

    def _track_containers(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "meta" and attrs.get("name") and attrs.get("content") is not None:
            self.metadata.setdefault(str(attrs["name"]), " ".join(str(attrs["content"]).split()))
        self.open = [(kind, name, depth + (name == tag)) for kind, name, depth in self.open]
        for kind in CONTAINERS:
            if kind not in self.containers and (attrs.get("id") == kind[1] if kind[0] == "id" else tag == kind[1]):
                self.containers[kind] = [len(self.parts), -1]
                self.open.append((kind, tag, 1))

    def _close_containers(self, tag: str) -> None:
        still = []
        for kind, name, depth in self.open:
            depth -= name == tag
            if depth:
                still.append((kind, name, depth))
            else:
                self.containers[kind][1] = len(self.parts)
        self.open = still

    def handle_endtag(self, tag: str) -> None:
        self._close_containers(tag)
        if tag == "head":
            self.in_head = False
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "tr":
            self.parts.append(LINE_BREAK)
        elif tag in CELLS:
            self.in_cell = max(0, self.in_cell - 1)
        elif tag in BLOCKS:
            self._break(tag)

    def _break(self, tag: str) -> None:
        if self.in_cell:  # a table row stays one line, whatever its cells contain
            self.parts.append(" ")
        elif tag == "br":
            self.parts.append("\n")
        else:
            self.parts.append(PARAGRAPH_BREAK)

    def handle_data(self, data: str) -> None:
        if not (self.hidden or self.in_head):
            # Outside <pre>, a line break in the source is just a space.
            self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        """The collected text: breaks become newlines, whitespace is collapsed."""
        out: list[str] = []
        pending = 0
        parts = self.parts
        for kind in CONTAINERS:
            if kind in self.containers:
                start, end = self.containers[kind]
                parts = parts[start : end if end >= 0 else None]
                break
        for part in parts:
            if isinstance(part, int):
                pending = max(pending, part)
                continue
            if pending and part.strip():
                out.append("\n" * pending)
                pending = 0
            out.append(part)
        lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
