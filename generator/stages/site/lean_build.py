"""Keep MkDocs' memory bounded as the archive grows.

MkDocs keeps every page's Markdown and HTML until the build ends, and Material's search
plugin every section's full text: about 220 kB a page, 2.3 GB at 10,000 documents.
This plugin, which `site.build_site` adds to the configuration, lets go of a page's
HTML once the page is written (nothing after that reads it: links and anchors are
checked from what MkDocs recorded while rendering), and on a site large enough to
have its search index trimmed anyway (search_index.TRIM_ALWAYS_PAGES) it trims each
page's entries as soon as the search plugin has made them, keeping more than the
final trim will.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin, event_priority

from generator.stages.site.search_index import (
    BUDGET_BYTES,
    MIN_EXCERPT,
    TRIM_ALWAYS_PAGES,
    trimmed_entries,
)


class LeanBuild(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.budget = BUDGET_BYTES
        """The search index's size in bytes, as search_index.fit_search_index is to keep it."""
        self.pages = 0
        self.excerpt: int | None = None
        """Characters of text kept per page while building; None: the index is left whole."""
        self._entries: list[dict] | None = None

    def on_files(self, files, *, config):
        self.pages = len(files.documentation_pages())
        self.budget = BUDGET_BYTES
        search = next((plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index")), None)
        if search is not None and self.pages >= TRIM_ALWAYS_PAGES:
            self._entries = search.search_index.entries
            # Twice the most the final trim can keep, so that trimming again gives what
            # trimming the whole index would.
            self.excerpt = 2 * max(MIN_EXCERPT, self.budget // self.pages)
        return files

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context, *, page, config, nav):
        entries = self._entries
        if entries is not None and self.excerpt is not None:
            start = len(entries)
            while start > 0 and str(entries[start - 1].get("location", "")).split("#", 1)[0] == page.url:
                start -= 1
            entries[start:] = trimmed_entries(entries[start:], self.excerpt)
        return context

    @event_priority(-100)
    def on_post_page(self, output, *, page, config):
        # The Markdown stays: MkDocs gives a page without it no title.
        page.content = None
        return output
