"""The broken items of issue 17 (item 5), each read from the built site: feeds hold the
newest documents, the 404 page works under a sub-path and offline, Dutch counts and
numbers, no English, the year navigation stands apart, and feeds and exports are linked."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import ROOT
from htmlcheck import references, resolve

from generator.model import Kamerstuk, Record
from generator.model.document import Document, Text
from generator.model.pages import Counted, Page, TermsContext
from generator.stages import feeds
from generator.stages.index import build_index
from generator.stages.render import environment, render_page
from generator.stages.render.words import counted_noun, documents, dutch_number

ATOM = "{http://www.w3.org/2005/Atom}"


def _document(number: int, date: dt.date | None, date_source: str | None = "stated") -> Document:
    record = Record(
        source=f"brief-{number}.txt", id=f"kst-36999-{number}", doc_type="kamerbrief", date=date,
        date_source=date_source if date else None, kamerstuk=Kamerstuk("36999", str(number)),
    )
    return Document(record, Path(record.source), Text(str(number), lambda: None), str(number))


# --- feeds -----------------------------------------------------------------------------


def test_a_dossier_feed_holds_its_newest_documents_not_its_first_numbers():
    # Numbers 1..60; the higher the number, the older the letter.
    documents_ = [_document(n, dt.date(2020, 1, 1) - dt.timedelta(days=n)) for n in range(1, 61)]
    feed = ET.fromstring(feeds.feeds(build_index(documents_))["feeds/dossiers/36999.xml"])
    ids = [entry.find(f"{ATOM}link").get("href").split("/")[-2] for entry in feed.iter(f"{ATOM}entry")]
    assert ids == [f"kst-36999-{n}" for n in range(1, feeds.FEED_ENTRIES + 1)]


def test_every_feed_of_the_seeds_is_newest_first(seeds_site):
    paths = sorted((seeds_site.site / "feeds").rglob("*.xml"))
    assert len(paths) > 20
    for path in paths:
        updated = [e.find(f"{ATOM}updated").text for e in ET.parse(path).getroot().iter(f"{ATOM}entry")]
        assert updated == sorted(updated, reverse=True), path


def test_an_inferred_date_is_shown_as_such():
    index = build_index([_document(1, dt.date(2019, 6, 26), "inferred"), _document(2, None)])
    assert index.listed["kst-36999-1"]["date"] == "26 juni 2019 (afgeleid)"
    assert index.listed["kst-36999-2"]["date"] == "zonder datum"
    assert [d.record.id for d in index.undated] == ["kst-36999-2"]


# --- the 404 page ----------------------------------------------------------------------


def test_404_page_uses_relative_assets_that_exist(seeds_site):
    page = seeds_site.site / "404.html"
    html = page.read_text(encoding="utf-8")
    found = [value for tag, attribute, value in references(html)]
    assert found and not [value for value in found if value.startswith("/")]
    for value in found:
        target = resolve(seeds_site.site, page, value)
        assert target is None or target.exists(), value
    assert "stylesheets/main." in html and "stylesheets/archief.css" in html
    assert '"base": "."' in html


def test_404_page_is_dutch(seeds_site):
    html = seeds_site.html("404.html")
    assert "404 - Not found" not in html
    assert "<h1>Pagina niet gevonden</h1>" in html and "<title>Pagina niet gevonden" in html


# --- Dutch words and numbers -----------------------------------------------------------


def test_dutch_counts_and_thousands():
    assert [documents(n) for n in (0, 1, 2, 1000)] == ["0 documenten", "1 document", "2 documenten", "1.000 documenten"]
    assert dutch_number(999) == "999" and dutch_number(12345) == "12.345" and dutch_number(1234567) == "1.234.567"
    assert counted_noun(1, "land", "landen") == "1 land"


def test_counts_in_lists_have_a_thousands_separator():
    env = environment(ROOT / "templates")
    context = TermsContext(title="Onderwerpen", introduction="", terms=[Counted(label="Munitie", path="onderwerpen/munitie.md", count=1234)])
    markdown = render_page(Page("onderwerpen/index.md", "terms.md.j2", dict), context, env)
    assert "(1\\.234)" in markdown  # escaped for Markdown: shown as 1.234


def test_no_page_says_1_documenten(seeds_site):
    for page in seeds_site.site.rglob("*.html"):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        assert not re.search(r"\b1 documenten\b", text), page
    assert "1 document uit 2012" in seeds_site.html("tijdlijn/2012/index.html")


def test_no_english_strings_on_the_pages(seeds_site):
    for page in seeds_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "Jump back to footnote" not in html and "404 - Not found" not in html, page
        assert "Made with" not in html, page
    assert 'title="Terug naar voetnoot 1 in de tekst"' in seeds_site.html("documenten/kst-33279-3/index.html")


def test_year_navigation_is_a_paragraph_of_its_own(seeds_site):
    html = seeds_site.html("tijdlijn/2019/index.html")
    navigation = re.search(r"<p>← <a href=\"../2012/\">2012</a> · <a href=\"../2024/\">2024</a> →</p>", html)
    assert navigation
    assert "</ul>" in html[: navigation.start()] and "→</li>" not in html


# --- feeds and exports are linked ------------------------------------------------------


def test_hub_pages_link_their_feed(seeds_site):
    pages = {
        "partners/japan/index.html": "feeds/partners/japan.xml",
        "initiatieven/tactical-edge-networking/index.html": "feeds/initiatieven/tactical-edge-networking.xml",
        "onderwerpen/munitie/index.html": "feeds/onderwerpen/munitie.xml",
        "dossiers/33279/index.html": "feeds/dossiers/33279.xml",
    }
    for page, feed in pages.items():
        html = seeds_site.html(page)
        body = html[html.index("<article") :]
        assert f'<a href="../../{feed}">Atom-feed' in body, page
        assert (seeds_site.site / feed).is_file()


def test_documents_overview_offers_the_exports(seeds_site):
    page = seeds_site.site / "documenten" / "index.html"
    html = page.read_text(encoding="utf-8")
    for name in ("records.csv", "records.json"):
        assert f'<a href="../{name}">{name}</a>' in html
        assert resolve(seeds_site.site, page, f"../{name}").is_file()
