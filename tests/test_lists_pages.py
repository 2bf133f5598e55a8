"""Document lists that stay usable at 10,000 documents (issue 17, item 2), read from the
built HTML without a script: every list is there without JavaScript, hub pages list at most
`LISTED` documents and lead to the rest, the filter's data file holds every document, and
"Trefwoorden" is an A-Z index of names instead of Material's listing of every document."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build_into
from htmlcheck import resolve

from generator.stages.render.lists import LISTED

ROOT = Path(__file__).resolve().parent.parent

LETTER = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, {day} {month} {year}

Nederland en Japan werken samen aan {subject}.

Tweede Kamer, vergaderjaar {year}–{next}, 36 999, nr. {number} 1
"""
MONTHS = ["januari", "maart", "mei", "juli", "september", "november"]
SUBJECTS = ["mijnenbestrijding", "maritieme veiligheid", "cyberverdediging", "logistiek"]
LETTERS = 32


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def list_data(site: Path) -> dict:
    text = (site / "lijsten.js").read_text(encoding="utf-8")
    assert text.startswith("window.archiefLijsten = ") and text.endswith(";\n")
    return json.loads(text[len("window.archiefLijsten = ") : -2])


@pytest.fixture(scope="module")
def many_site(tmp_path_factory):
    """32 letters of one dossier, 2 a year from 2009, each naming Japan as a partner."""
    tmp = tmp_path_factory.mktemp("lists")
    source = tmp / "docs"
    source.mkdir()
    for n in range(1, LETTERS + 1):
        year = 2009 + (n - 1) // 2
        text = LETTER.format(
            day=1 + n % 27, month=MONTHS[n % len(MONTHS)], year=year, next=year + 1,
            subject=SUBJECTS[n % len(SUBJECTS)], number=n,
        )
        (source / f"brief-{n}.txt").write_text(text, encoding="utf-8")
    return build_into(tmp, source)


# --- without JavaScript -------------------------------------------------------------


def test_all_documents_lists_every_seed_without_a_script(seeds_site):
    page = article(seeds_site.html("documenten/index.html"))
    static = page[page.index('<div class="lists-static">') :]
    assert len(re.findall(r'<li><a href="[a-z0-9-]+/">', static)) == 5
    assert '<a class="lists-root" href="../">' in page
    for year in ("2025", "2024", "2019", "2012", "zonder-datum"):
        assert f'href="../tijdlijn/{year}/"' in page


def test_all_documents_lists_the_newest_and_every_year(many_site):
    page = article(many_site.html("documenten/index.html"))
    static = page[page.index('<div class="lists-static">') : page.index('id="per-jaar"')]
    assert len(re.findall(r"<li>", static)) == LETTERS  # under the limit of the overview: all
    per_year = page[page.index('id="per-jaar"') :]
    assert re.findall(r'href="../tijdlijn/(\d{4})/">\d{4}</a> \(2 documenten\)', per_year)[:2] == ["2024", "2023"]


def test_a_year_page_lists_its_documents_and_carries_its_filter(seeds_site):
    page = article(seeds_site.html("tijdlijn/2019/index.html"))
    assert '<div class="lists" data-jaar="2019">' in page
    assert 'href="../../documenten/kst-33279-29/"' in page[page.index("lists-static") :]
    undated = article(seeds_site.html("tijdlijn/zonder-datum/index.html"))
    assert 'data-jaar="zonder-datum"' in undated


def test_hub_pages_carry_their_filter(seeds_site):
    pages = {
        "partners/japan/index.html": 'data-partner="japan"',
        "onderwerpen/munitie/index.html": 'data-onderwerp="munitie"',
    }
    for page, scope in pages.items():
        assert f'<div class="lists" {scope}>' in seeds_site.html(page), page
    assert "lists-root" not in seeds_site.html("index.html")  # the home page's newest list has no filter


def test_a_filter_only_once_per_page(seeds_site):
    html = seeds_site.html("partners/duitsland/index.html")
    assert html.count('<div class="lists"') == 1 and html.count("archiefLijstenLaden=1") == 1


def test_a_long_hub_list_shows_the_newest_and_leads_to_the_rest(many_site):
    page = article(many_site.html("partners/japan/index.html"))
    listed = page[page.index('<div class="lists-static">') :]
    listed = listed[: listed.index("</div>\n<h2") if "</div>\n<h2" in listed else len(listed)]
    assert len(re.findall(r'<li><a href="../../documenten/', listed)) == LISTED
    # 25 of 32: the years 2024 to 2013 whole, one of 2012, and 2011 to 2009 as links
    assert 'Nog 1 document uit 2012: <a href="../../tijdlijn/2012/?partner=japan">' in listed
    for year in ("2011", "2010", "2009"):
        assert f'<a href="../../tijdlijn/{year}/?partner=japan">{year}</a> (2 documenten)' in listed
    for href in re.findall(r'href="([^"]+)"', listed):
        assert resolve(many_site.site, many_site.site / "partners/japan/index.html", href.split("?")[0]).is_file()


# --- the data --------------------------------------------------------------------------


def test_the_list_data_holds_every_document_with_its_terms(seeds_site):
    data = list_data(seeds_site.site)
    rows = data["documenten"]
    assert len(rows) == 5
    ids = [row[0] for row in rows]
    assert ids[0] == "mindef20250041931" and ids[-1].startswith("verslag-")  # newest first, undated last
    for row in rows:
        assert (seeds_site.site / "documenten" / row[0] / "index.html").is_file()
    partners = [key for key, _ in data["partner"]]
    japan = partners.index("japan")
    assert [row[0] for row in rows if japan in row[6]] == ["mindef20250041931", "kst-28676-471"]
    assert rows[-1][3] == 0 and rows[-1][2] == "zonder datum"
    assert [label for _, label in data["soort"]] == sorted(label for _, label in data["soort"])
    assert (seeds_site.site / "assets" / "javascripts" / "lists" / "lists.js").is_file()


def test_the_filter_script_is_small_and_loads_nothing_from_the_network():
    script = (ROOT / "site_overrides/assets/javascripts/lists/lists.js").read_text(encoding="utf-8")
    assert len(script.encode()) < 15_000
    assert not re.search(r"\bfetch\(|XMLHttpRequest|https?://|innerHTML", script)
    for label in ("Filter op soort", "Filter op jaar", "Filter op partnerland", "Sorteer op datum",
                  "Geen documenten gevonden", '" document"', '" documenten"'):
        assert label in script, label


# --- Trefwoorden -----------------------------------------------------------------------


def test_trefwoorden_is_an_atoz_index_of_names(seeds_site):
    html = seeds_site.html("trefwoorden/index.html")
    page = article(html)
    assert "material/tags" not in (seeds_site.project.docs / "trefwoorden.md").read_text(encoding="utf-8")
    letters = re.findall(r'<a href="#([a-z0-9]+)">', page[: page.index("<h2")])
    assert letters[:3] == ["a", "b", "c"] and "j" in letters and letters[-1] == "09"
    for letter in letters:
        assert f'<h2 id="{letter}">' in page
    japan = page[page.index('<h2 id="j">') :]
    assert '<a href="../partners/japan/">Japan</a> (partnerland, 2 documenten)' in japan
    assert "TEN: zie <a" in page[page.index('<h2 id="t">') :]
    assert '<a href="../dossiers/33279/">33 279' in page[page.index('<h2 id="09">') :]
    assert "documenten/" not in page  # names, never a listing of documents
    assert len(html.encode()) < 200_000


def test_document_tags_link_to_no_missing_listing(seeds_site):
    """Without a listing, Material's tags plugin writes the (hidden) tag chips as text."""
    html = seeds_site.html("documenten/kst-33279-29/index.html")
    assert '<span class="md-tag">Japan</span>' in html or '<span class="md-tag">' in html
    assert not re.search(r'<a[^>]*class="md-tag', html) and "trefwoorden/#" not in html
