"""Where each page lives (relative to the docs folder) and official URLs."""

from __future__ import annotations

from ..model import Country, Kamerstuk

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


def year_path(year: int) -> str:
    return f"tijdlijn/{year}.md"


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
