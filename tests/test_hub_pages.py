"""Hub pages that answer in one look (issue 17, item 3), read from the built HTML: an
initiative's latest state with passages, why a country is a partner, a dossier's numbers
with who cites the missing ones, and documents without a date on the timeline."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import build_into

LETTER = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, {date}

{sentence}, zoals gemeld in Kamerstuk 36 999, nr. 5.

Tweede Kamer, vergaderjaar {year}, 36 999, nr. {number} 1
"""
LETTERS = {
    "1": ("2 maart 2020", "2019–2020", "Nederland en Japan werken samen aan mijnenbestrijding"),
    "2": ("14 mei 2018", "2017–2018", "Nederland en Japan werken samen aan maritieme veiligheid"),
    "10": ("9 september 2022", "2021–2022", "Nederland en Japan werken samen aan cyberverdediging"),
}
UNDATED_NOTE = """\
Notitie over Tactical Edge Networking

Nederland en Duitsland werken samen aan Tactical Edge Networking (TEN), het gezamenlijke programma voor digitalisering van de landstrijdkrachten.
"""


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """Three letters of one dossier (numbers 1, 2 and 10, not in date order) that cite its
    number 5, and a note without a date."""
    tmp = tmp_path_factory.mktemp("hubs")
    source = tmp / "docs"
    source.mkdir()
    for number, (date, year, sentence) in LETTERS.items():
        text = LETTER.format(date=date, year=year, sentence=sentence, number=number)
        (source / f"brief-36999-{number}.txt").write_text(text, encoding="utf-8")
    (source / "notitie-zonder-datum.txt").write_text(UNDATED_NOTE, encoding="utf-8")
    return build_into(tmp, source)


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def section(html: str, heading_id: str) -> str:
    """From the heading with this id to the next heading of the same level."""
    start = html.index(f'id="{heading_id}"')
    level = html[html.rindex("<h", 0, start) + 2]
    end = html.find(f"<h{level} ", start)
    return html[start : end if end > 0 else len(html)]


# --- initiative ------------------------------------------------------------------------


def test_initiative_starts_with_its_latest_state_and_the_passage(seeds_site):
    html = article(seeds_site.html("initiatieven/tactical-edge-networking/index.html"))
    latest = section(html, "laatste-stand")
    assert 'href="../../documenten/kst-33279-29/"' in latest
    assert "gezamenlijk programma onder de naam Tactical Edge Networking (TEN)" in latest
    assert html.index('id="laatste-stand"') < html.index('id="partnerlanden"')


def test_last_mention_does_not_hide_the_undated_report(seeds_site):
    html = article(seeds_site.html("initiatieven/tactical-edge-networking/index.html"))
    assert "Laatst genoemd op 19 juni 2019" in html
    assert "Daarnaast in 1 document zonder datum; of dat nieuwer is, is niet bekend." in html
    latest = section(html, "laatste-stand")
    assert "documenten/verslag-van-de-bijeenkomst-van-de-navo-ministers" in latest
    assert "Verslag, zonder datum" in latest


def test_initiative_shows_mentions_per_year_with_the_undated(seeds_site):
    html = section(article(seeds_site.html("initiatieven/tactical-edge-networking/index.html")), "vermeldingen-per-jaar")
    assert 'role="img"' in html
    label = re.search(r'aria-label="([^"]*)"', html).group(1)
    assert label == "Documenten per jaar over Tactical Edge Networking: 2019: 1 document; zonder datum: 1 document."
    assert f"<title>{label}</title>" in html
    assert re.search(r'<a href="../../tijdlijn/2019/">2019</a> \(1 document, \d+ vermeldingen?\)', html)
    assert '<a href="../../tijdlijn/zonder-datum/">Zonder datum</a>' in html


def test_initiative_known_only_from_an_undated_document(small_site):
    html = article(small_site.html("initiatieven/tactical-edge-networking/index.html"))
    assert "Genoemd in 1 document zonder datum." in html and "Laatst genoemd" not in html
    assert "«Notitie over Tactical Edge Networking»" in section(html, "laatste-stand")  # its first mention


# --- partner ---------------------------------------------------------------------------


def test_partner_page_says_why_per_document_grouped_by_year(seeds_site):
    html = section(article(seeds_site.html("partners/japan/index.html")), "samenwerking-met-japan")
    assert html.index('id="2025"') < html.index('id="2024"')
    year_2025 = html[html.index('id="2025"') : html.index('id="2024"')]
    assert 'href="../../documenten/mindef20250041931/"' in year_2025
    assert "«Hierin is Japan aangemerkt als één van de landen in de Indo-Pacific" in year_2025


def test_partner_page_has_an_accessible_svg_chart_of_documents_per_year(small_site):
    html = article(small_site.html("partners/japan/index.html"))
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.DOTALL).group(0)
    assert 'role="img"' in svg and "<script" not in svg
    # Years without documents are drawn (the gap shows) but not read out.
    expected = "Documenten per jaar over Japan: 2018: 1 document, 2020: 1 document, 2022: 1 document."
    assert f'aria-label="{expected}"' in svg and f"<title>{expected}</title>" in svg
    assert svg.count("<rect") == 3 and ">2019<" in svg and ">2021<" in svg


def test_partner_sentences_per_year_in_small_archive(small_site):
    html = section(article(small_site.html("partners/japan/index.html")), "samenwerking-met-japan")
    order = [html.index(f'id="{year}"') for year in (2022, 2020, 2018)]
    assert order == sorted(order)
    assert html.index("cyberverdediging") < html.index("mijnenbestrijding") < html.index("maritieme veiligheid")


# --- dossier ---------------------------------------------------------------------------


def test_dossier_number_not_in_the_archive_shows_who_cites_it(seeds_site):
    html = article(seeds_site.html("dossiers/33279/index.html"))
    item = html[html.index("nr. 28:") : html.index("nr. 29:")]
    assert "niet in dit archief" in item
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-33279-28.html"' in item
    assert 'href="../../documenten/kst-33279-29/"' in item
    assert "tussentijdse update op de jaarlijkse rapportage" in item


def test_dossier_page_carries_the_dossier_title(seeds_site):
    html = article(seeds_site.html("dossiers/28676/index.html"))
    assert re.search(r"<h1[^>]*>Dossier 28 676: NAVO</h1>", html)
    assert "<h1" in article(seeds_site.html("dossiers/33279/index.html"))  # no title known: none shown
    assert "Dossier 33 279</h1>" in seeds_site.html("dossiers/33279/index.html")


def test_dossier_numbers_in_numeric_order_with_the_cited_one(small_site):
    html = article(small_site.html("dossiers/36999/index.html"))
    positions = [html.index(f"nr. {number}:") for number in (1, 2, 5, 10)]
    assert positions == sorted(positions)
    cited = html[html.index("nr. 5:") : html.index("nr. 10:")]
    assert cited.count('href="../../documenten/kst-36999-') == 3 and "aangehaald in 3 documenten" in cited


def test_dossier_feed_holds_the_newest_documents_first(small_site):
    feed = ET.parse(small_site.site / "feeds" / "dossiers" / "36999.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    links = [entry.find(f"{atom}link").get("href") for entry in feed.iter(f"{atom}entry")]
    assert [link.split("/")[-2] for link in links] == ["kst-36999-10", "kst-36999-1", "kst-36999-2"]


# --- documents without a date ----------------------------------------------------------


def test_timeline_lists_documents_without_a_date(seeds_site):
    overview = article(seeds_site.html("tijdlijn/index.html"))
    assert '<a href="zonder-datum/">Zonder datum</a> (1)' in overview
    assert overview.index('href="2012/"') < overview.index('href="zonder-datum/"')
    page = article(seeds_site.html("tijdlijn/zonder-datum/index.html"))
    assert "1 document zonder datum" in page
    assert 'href="../../documenten/verslag-van-de-bijeenkomst-van-de-navo-ministers' in page
    assert 'href="../2012/"' in page and 'href="../zonder-datum/"' in seeds_site.html("tijdlijn/2012/index.html")


def test_lists_show_undated_documents_under_zonder_datum(seeds_site, small_site):
    topic = article(seeds_site.html("onderwerpen/munitie/index.html"))
    assert topic.index('id="2024"') < topic.index('id="zonder-datum"')
    assert "documenten/verslag-van-de-bijeenkomst" in topic[topic.index('id="zonder-datum"') :]
    partner = article(small_site.html("partners/duitsland/index.html"))
    undated = partner[partner.index('id="zonder-datum"') :]
    assert "Overig document, zonder datum" in undated and "Nederland en Duitsland werken samen" in undated
    assert "datum onbekend" not in seeds_site.html("documenten/index.html")
