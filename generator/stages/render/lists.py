"""Lists of documents that hub pages repeat thousands of times, written in Python: the
same Markdown a Jinja loop would give at a third of its cost (at 1,000 documents the
hub pages' lists took 2.5 s through templates).

A list with a filter (a page whose plan gives it `lists`) starts with the filter's place:
a `<div class="lists">` whose data attributes say which documents the list shows, and a
small script that loads the list data and the filter script (both from the site's root,
found through a link MkDocs makes relative for either kind of URL). Without a script the
list reads as it is; hub pages show at most `LISTED` documents and link the rest to the
year pages of the timeline."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from markupsafe import Markup, escape

from generator.model.pages import Passage, YearGroup
from generator.model.paths import LIST_DATA, LIST_SCRIPT, year_path
from generator.stages.render.markdown import escape_markdown
from generator.stages.render.words import documents

LISTED = 25
"""Documents a hub page lists (newest first, by year); the others are a filter or a year page away."""

LOADER = (
    "<script>(function(){var a=document.querySelector('.lists a.lists-root');if(!a||window.archiefLijstenLaden)return;"
    "window.archiefLijstenLaden=1;var r=a.getAttribute('href').replace(/index\\.html$/,'');"
    "['%s','%s'].forEach(function(p){var s=document.createElement('script');s.src=r+p;s.async=false;"
    "document.head.appendChild(s);});})();</script>" % (LIST_DATA, LIST_SCRIPT)
)
"""Loads the data and the filter script in that order. The link to the home page tells the
site's root from this page: "../../" for directory URLs, "../index.html" for file:// (a
`<script src>` written here could not be right for both)."""


def filter_start(scope: dict[str, str], url: Callable[[str], str]) -> Markup:
    """The filter's place and its loader, then the opening of the list it replaces while it filters."""
    attributes = "".join(f' data-{escape(key)}="{escape(value)}"' for key, value in sorted(scope.items()))
    return Markup(
        f'<div class="lists"{attributes} markdown>\n\n[Start]({url("index.md")}){{ .lists-root }}\n\n</div>\n\n'
        f"{LOADER}\n\n"
        '<div class="lists-static" markdown>\n\n'
    )


def filter_end() -> Markup:
    return Markup("\n\n</div>\n\n")


def scope_query(scope: dict[str, str] | None) -> str:
    """"?partner=japan": a year page's filter, set from its link."""
    if not scope:
        return ""
    return "?" + "&".join(f"{quote(key)}={quote(value)}" for key, value in sorted(scope.items()))


def passage_list(passages: list[Passage], url: Callable[[str], str]) -> Markup:
    """Each document as a list item: its title as a link; its type, date and reference;
    and, where there is one, the sentence that put it in the list. The template's line end after it closes the list."""
    items = []
    for item in passages:
        document = item["document"]
        facts = f"{document['doc_type']}, {document['date']}"
        if document["reference"]:
            facts += f", {document['reference']}"
        entry = f"- [{escape_markdown(document['title'])}]({url(document['path'])})  \n  {escape_markdown(facts)}"
        if item["sentence"]:
            entry += f"  \n  «{escape_markdown(item['sentence'])}»"
        items.append(entry)
    return Markup("\n".join(items) + "\n" if items else "")


def year_groups(groups: list[YearGroup], level: int, url: Callable[[str], str], query: str = "",
                limit: int = LISTED) -> Markup:
    """A heading of `level` per year (newest first, "Zonder datum" last), each over its list;
    after `limit` documents, the rest of a year and the years after it as links to their
    year pages (with `query`, which sets the year page's filter)."""
    marks = "#" * level
    parts, later, left = [], [], limit
    for group in groups:
        items, label = group["items"], group["label"]
        if left <= 0:
            later.append(group)
            continue
        shown = items[:left]
        left -= len(shown)
        part = f"{marks} {escape_markdown(label)}\n\n{passage_list(shown, url)}"
        if len(shown) < len(items):
            rest = documents(len(items) - len(shown))
            where = "zonder datum" if group["year"] is None else f"uit {label}"
            target = url(year_path(group["year"])) + query
            part += f"\nNog {rest} {where}: [{escape_markdown(label)} op de tijdlijn]({target}).\n"
        parts.append(part)
    if later:
        links = " · ".join(
            f"[{escape_markdown(g['label'])}]({url(year_path(g['year'])) + query}) ({documents(len(g['items']))})"
            for g in later
        )
        parts.append(f"Meer documenten, per jaar op de tijdlijn: {links}.\n")
    return Markup("\n".join(parts))
