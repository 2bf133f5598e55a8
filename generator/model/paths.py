"""Where each page lives (relative to the docs folder) and official URLs."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Country, Kamerstuk

OFFICIAL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{number}.html"


def document_path(document_id: str) -> str:
    return f"documenten/{document_id}.md"


def country_path(country: Country) -> str:
    return f"partners/{country.slug}.md"


def initiative_path(initiative_id: str) -> str:
    return f"initiatieven/{initiative_id}.md"


def topic_path(topic_id: str) -> str:
    return f"onderwerpen/{topic_id}.md"


def dossier_path(dossier: str) -> str:
    return f"dossiers/{dossier.lower()}.md"


def year_path(year: int | None) -> str:
    """A year's page on the timeline; None: the documents without a date."""
    return f"tijdlijn/{year}.md" if year is not None else "tijdlijn/zonder-datum.md"


SERVED_AS_IS = frozenset({".pdf", ".docx", ".txt"})
"""Source formats a browser will not run as a page. An HTML source would run its scripts
on the site's own origin, and MkDocs would render a Markdown source as a page: those are
offered as text."""


def source_path(document_id: str, suffix: str) -> str:
    suffix = suffix.lower()
    return f"bronbestanden/{document_id}{suffix if suffix in SERVED_AS_IS else suffix + '.txt'}"


def official_url(kamerstuk: Kamerstuk) -> str:
    return OFFICIAL.format(dossier=kamerstuk.dossier, number=kamerstuk.number)


def feed_path(kind: str, key: str) -> str:
    """"feeds/alles.xml", "feeds/partners/japan.xml", ..."""
    return "feeds/alles.xml" if kind == "alles" else f"feeds/{kind}/{key}.xml"


EXPORTS = ("records.csv", "records.json")
"""The exports of all records, at the top of the docs folder."""

LIST_DATA = "lijsten.js"
"""The data of the document lists' filter script (every document's title, date, type and
terms), at the top of the docs folder: a script assigning a global, which a browser also
loads from file:// (where fetch() of a JSON file is refused)."""
LIST_SCRIPT = "assets/javascripts/lists/lists.js"
"""The filter script itself, from site_overrides/."""


def relative_url(target: str, from_file: str) -> str:
    """`target` as seen from the file `from_file`, both relative to the docs folder
    ("partners/japan.md" from "documenten/a.md" is "../partners/japan.md"). A trailing
    slash is kept. The same as posixpath.relpath for such paths, without its calls to
    the file system."""
    return relative_from(from_file)(target)


def relative_from(from_file: str) -> Callable[[str], str]:
    """`relative_url` for one page's links: the page's folder is read once."""
    origin = [part for part in from_file.rpartition("/")[0].split("/") if part and part != "."]

    def relative(target: str) -> str:
        target_parts = [part for part in target.split("/") if part and part != "."]
        if target.startswith("/") or ".." in target_parts or ".." in origin:
            raise ValueError(f"not a path inside the docs folder: {target!r} from {from_file!r}")
        common = 0
        while common < min(len(target_parts), len(origin)) and target_parts[common] == origin[common]:
            common += 1
        found = "/".join([".."] * (len(origin) - common) + target_parts[common:]) or "."
        return found + "/" if target.endswith("/") and found != "." else found

    return relative
