"""Render only the pages whose inputs changed; reuse the others from the last build.

MkDocs converts and renders every page on every build (~30 ms a page). This plugin,
which `site.build_site` adds, gives a page whose inputs are unchanged since the last
successful build its stored rendered state instead of converting its Markdown (so the
search index, the tags listing and the anchor checks see exactly what a conversion
would give; its HTML content is not kept, nothing but the page's own template reads it),
and the HTML file of the previous site instead of rendering the theme's template. A page
is reused only when that file is the one recorded (its SHA-256) and its stored state
and search entries can be read; otherwise it is rendered.

A page's inputs: its Markdown after the other plugins' `on_page_markdown` (by its
SHA-256; the pages and files it links to are looked for again only when it changed),
whether each page or file it links to exists, and the settings digests (`settings`: mkdocs.yml, the
overrides, the theme folder, the versions of the engine, this code), the navigation and
the pages holding a tags listing. A listing page is always rendered: it shows all pages.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import re
import zlib
from pathlib import Path
from urllib.parse import unquote

from jinja2 import ChoiceLoader, DictLoader
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.toc import get_toc

from generator.stages.site.page_source import read_source
from generator.stages.site.page_store import PageRow, PageStore, StoredPage
from generator.stages.site.previous_html import previous_html, recorded_html
from generator.stages.site.search_index import TRIM_ALWAYS_PAGES
from generator.stages.site.search_words import WordCounts
from generator.stages.site.settings import LABELS

STAND_IN = "archief-reused-page.html"
"""An empty template given to a reused page, so that the theme's template is not rendered."""
LISTING = "<!-- material/tags"
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|\b(?:href|src)\s*=\s*[\"']([^\"']*)|^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.MULTILINE)
SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")
TRANSPARENT_POST_PAGE = ("LeanBuild",)
"""Plugins whose `on_post_page` returns the page as it is; any other one turns reuse off."""


def digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


class ReusePages(BasePlugin):
    def __init__(self, store: PageStore, previous_site: Path, settings: dict[str, str], whole_because: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.previous_site = previous_site
        self.settings = dict(settings)
        self.rows: dict[str, PageRow] = {}
        """What the store is to keep after this build."""
        self._states: dict[str, dict] = {}
        """Rendered states between their page's conversion and its HTML, then let go of."""
        self._search_blobs: dict[str, bytes] = {}
        """The stored search entries of the pages reused, compressed, until the search plugin asks."""
        self._previous: dict[str, os.stat_result] = {}
        """The reused pages' HTML files in the previous site (checked), until written again."""
        self._searched: dict[str, int] = {}
        """Where the search entries of each page rendered begin, until its HTML is written
        (they are kept as the other plugins leave them: lean_build compacts them)."""
        self._index = None
        self.usable: dict[str, str] = {}
        self.whole_because = whole_because
        """Why no page could be reused, if none could."""
        self.reused = 0
        self.rendered = 0
        self._page_inputs: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        """{src: (digest, markdown SHA-256, link targets)} between a page's Markdown and its HTML."""
        self._reusing: dict[str, str] = {}
        self._sources: frozenset[str] = frozenset()
        self._resolved: dict[tuple[str, str], str | None] = {}
        self._fronts: dict[str, tuple[str, bytes | None]] = {}
        """{src: (its source's SHA-256, what was read from it, pickled; None: as stored)}."""
        same_code = store.settings.get("generator") == settings.get("generator")
        self.words = WordCounts(store.word_counts if same_code else lambda key: None)
        """The index words of the archive's search data, kept when this code made them."""

    def on_config(self, config):
        others = [type(handler.__self__).__name__ for handler in config.plugins.events["post_page"]
                  if getattr(handler, "__self__", None) is not self]
        changing = [name for name in others if name not in TRANSPARENT_POST_PAGE]
        if changing:
            self.settings["post_page"] = ",".join(changing)
            self.whole_because = f"the plugin {changing[0]} changes every page after it is rendered"
        return config

    def on_files(self, files, *, config):
        listings = []
        for file in files.documentation_pages():
            text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace") if file.abs_src_path else file.content_string
            if LISTING in text:
                listings.append((file.src_uri, text))
        self.settings["listings"] = digest(listings)
        self._listings = {src for src, _ in listings}
        # From this many pages on lean_build compacts each page's entries, and those are kept.
        self.settings["search"] = "compacted" if len(files.documentation_pages()) >= TRIM_ALWAYS_PAGES else "whole"
        search = next((plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index")), None)
        if search is not None:
            self._index_through(search.search_index)
        return files

    def _index_through(self, index) -> None:
        """The search plugin's entries for a reused page are the stored ones; a rendered
        page's entries are stored."""
        add = index.add_entry_from_context

        def add_entry_from_context(page):
            src = page.file.src_uri
            if src in self._search_blobs:  # kept compressed until now: 10,000 pages' entries held cost 0.4 GB
                index.entries.extend(json.loads(zlib.decompress(self._search_blobs.pop(src))))
                return
            self._searched[src] = len(index.entries)
            add(page)

        index.add_entry_from_context = add_entry_from_context
        self._index = index

    def on_nav(self, nav, *, config, files):
        self._sources = frozenset(files.src_uris)
        self.settings["nav"] = digest(_nav_shape(nav.items))
        if self.whole_because is None:
            self.whole_because = self._settings_difference()
        if self.whole_because is None:
            self.usable = {src: stored.digest for src, stored in self.store.pages.items()}
        return nav

    def _settings_difference(self) -> str | None:
        if self.store.unreadable:
            return f"the store of rendered pages could not be read ({self.store.unreadable})"
        if not self.store.settings:
            return "there is no earlier build to reuse"
        changed = sorted(key for key in self.settings.keys() | self.store.settings.keys()
                         if self.settings.get(key) != self.store.settings.get(key))
        return f"{', '.join(LABELS.get(key, key) for key in changed)} changed since the last build" if changed else None

    def on_pre_page(self, page, *, config, files):
        if not config.plugins.events["page_read_source"]:  # no plugin gives pages another source
            page.read_source = lambda config: read_source(page, config, self.store, self._fronts)
        return page

    @event_priority(-1000)  # the Markdown as the other plugins leave it, as it is converted
    def on_page_markdown(self, markdown, *, page, config, files):
        src = page.file.src_uri
        markdown_sha = hashlib.sha256(markdown.encode("utf-8", errors="surrogatepass")).hexdigest()
        stored = self.store.pages.get(src)
        links = stored.links if stored is not None and stored.markdown_sha == markdown_sha else self._link_targets(markdown, src)
        present = [(path, path in self._sources, f"{path}/index.md" in self._sources) for path in links]
        page_digest = digest(self.settings, src, markdown_sha, present)
        self._page_inputs[src] = (page_digest, markdown_sha, links)
        convert = page.render
        if src not in self._listings and self.usable.get(src) == page_digest:
            state = self.store.state(src)
            search = self.store.search_blob(src)
            previous = recorded_html(self.previous_site / page.file.dest_uri, stored.output_sha) if state is not None and search is not None else None
            if previous is not None:
                self._states[src] = state
                page.render = lambda config, files: _restore(page, self._states.pop(src), files)
                self._search_blobs[src] = search
                self._previous[src] = previous
                self._reusing[src] = page.meta.get("template", "main.html")
                page.meta["template"] = STAND_IN
                source_sha, front = self._fronts.pop(src, ("", None))
                self.rows[src] = PageRow(StoredPage(page_digest, stored.output_sha, markdown_sha, links, source_sha), None, None, front)
                return markdown
        page.render = lambda config, files: self._convert(convert, page, config, files)
        return markdown

    def _convert(self, convert, page, config, files) -> None:
        logged = _Recorder()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(logged)
        try:
            convert(config, files)
        finally:
            logger.removeHandler(logged)
        state = {
            "toc": [_token(item) for item in page.toc],
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()},
            "logged": logged.records,
        }
        self._states[page.file.src_uri] = state

    def on_env(self, env, *, config, files):
        env.loader = ChoiceLoader([DictLoader({STAND_IN: ""}), env.loader])
        return env

    @event_priority(1000)  # the other plugins' on_post_page leave the page as it is (on_config)
    def on_post_page(self, output, *, page, config):
        src = page.file.src_uri
        if src in self._reusing:
            template = self._reusing.pop(src)
            page.meta["template"] = template
            self.reused += 1  # its row stays as stored: the file is the one recorded
            return previous_html(self.previous_site / page.file.dest_uri, self._previous.pop(src))
        self.rendered += 1
        sha = hashlib.sha256(output.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()
        state = self._states.pop(src, None)
        if state is not None:
            page_digest, markdown_sha, links = self._page_inputs[src]
            start = self._searched.pop(src, None)
            search = [] if start is None else [dict(entry) for entry in self._index.entries[start:]]
            source_sha, front = self._fronts.pop(src, ("", None))
            self.rows[src] = PageRow(StoredPage(page_digest, sha, markdown_sha, links, source_sha), _packed(state), _packed(search), front)
        return output

    @event_priority(-1000)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        # What this plugin still holds of the build (the search entries) is let go of.
        self._index = None
        self._states.clear()
        self._page_inputs.clear()

    def save(self, last: dict) -> None:
        """Keep what this build rendered, once its site is in place, and `last`: what the
        build was made from and what it left (site.unchanged)."""
        self.store.replace(self.settings, self.rows, last, self.words.used)


    def _link_targets(self, markdown: str, src: str) -> tuple[str, ...]:
        """Every relative link target of the page: whether each exists (as a file, or as a
        folder's index page) is an input of its HTML. Targets are resolved once per folder:
        a hub page links to thousands of pages that others link to as well."""
        folder = posixpath.dirname(src)
        found = set()
        for match in LINK.finditer(markdown):
            target = match.group(1) or match.group(2) or match.group(3) or ""
            key = (folder, target)
            if key not in self._resolved:
                self._resolved[key] = None if SCHEME.match(target) else posixpath.normpath(
                    posixpath.join(folder, unquote(target.partition("#")[0].partition("?")[0])))
            if (path := self._resolved[key]) is not None:
                found.add(path)
        return tuple(sorted(found))


def _packed(value) -> bytes:
    return zlib.compress(json.dumps(value).encode("utf-8"), 6)


def _nav_shape(items) -> list:
    return [(type(item).__name__, item.title, getattr(item, "url", None), _nav_shape(getattr(item, "children", None) or []))
            for item in items]


def _token(item) -> dict:
    return {"name": item.title, "id": item.id, "level": item.level, "children": [_token(child) for child in item.children]}


def _restore(page, state: dict, files) -> None:
    page.content = ""  # its HTML is taken whole from the previous site (checked before reuse)
    page.toc = get_toc(state["toc"])
    page._title_from_render = state["title"]
    page.present_anchor_ids = set(state["anchors"])
    page.links_to_anchors = {file: links for src, links in state["links"].items()
                             if (file := files.get_file_from_path(src)) is not None}
    for name, level, message in state["logged"]:
        logging.getLogger(name).log(level, message)


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append((record.name, record.levelno, record.getMessage()))
