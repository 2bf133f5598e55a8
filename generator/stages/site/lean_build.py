"""Keep MkDocs' memory bounded as the archive grows.

MkDocs keeps every page's Markdown and HTML until the build ends, and Material's search
plugin every section's full text: about 220 kB a page, 2.3 GB at 10,000 documents.
This plugin, which `site.build_site` adds to the configuration, lets go of a page's
HTML once the page is written (nothing after that reads it: links and anchors are
checked from what MkDocs recorded while rendering), and on a site large enough to
have its search index trimmed anyway (search_index.TRIM_ALWAYS_PAGES) it compacts each
page's entries as soon as the search plugin has made them (search_index.compacted_entries:
one entry, the key facts left out, at most INDEXED_CHARS characters of text), which is
what fit_search_index would do with the whole index; those entries are then handed to
fit_search_index instead of being written out by the search plugin and read back.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin, event_priority

from generator.stages.site.search_index import BUDGET_BYTES, TRIM_ALWAYS_PAGES, compacted_entries


class LeanBuild(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.budget = BUDGET_BYTES
        """The search index's size in bytes, as search_index.fit_search_index is to keep it."""
        self.pages = 0
        self._entries: list[dict] | None = None
        self.entries: list[dict] | None = None
        """The compacted search entries of every page, taken from the search plugin after the
        build (on a site of TRIM_ALWAYS_PAGES pages or more), for fit_search_index."""

    def on_files(self, files, *, config):
        self.pages = len(files.documentation_pages())
        self.budget = BUDGET_BYTES
        search = next((plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index")), None)
        if search is not None and self.pages >= TRIM_ALWAYS_PAGES:
            self._entries = search.search_index.entries
        return files

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context, *, page, config, nav):
        entries = self._entries
        if entries is not None:
            start = len(entries)
            while start > 0 and str(entries[start - 1].get("location", "")).split("#", 1)[0] == page.url:
                start -= 1
            if not (start == len(entries) - 1 and entries[start].get("compact")):  # reused: compacted already
                entries[start:] = compacted_entries(entries[start:])
        return context

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config):
        # The compacted entries are handed to fit_search_index in memory, which rewrites
        # Material's index from them anyway: Material writes an index without entries, not
        # some 200 MB of JSON (at 10,000 pages) to be read back at once.
        if self._entries is not None:
            self.entries = list(self._entries)
            self._entries.clear()
            self._entries = None

    @event_priority(-100)
    def on_post_page(self, output, *, page, config):
        # The Markdown stays: MkDocs gives a page without it no title.
        page.content = None
        return output
