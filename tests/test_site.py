"""The built site, read as HTML."""

from __future__ import annotations

import re

from conftest import ROOT, run_cli


def test_build_reports_no_problems(seeds_site):
    assert [str(p) for p in seeds_site.outcome.problems] == []
    assert len(seeds_site.outcome.documents) == 5


def test_five_document_pages(seeds_site):
    folders = sorted((seeds_site.site / "documenten").glob("*/index.html"))
    pages = [p.parent.name for p in folders if "nieuw adres" not in p.read_text(encoding="utf-8")]
    assert pages[:4] == ["kst-28676-471", "kst-33279-29", "kst-33279-3", "mindef20250041931"]
    assert len(pages) == 5 and pages[4].startswith("verslag-van-de-bijeenkomst-van-de-navo-ministers")
    redirects = [p.parent.name for p in folders if p.parent.name not in pages]
    assert redirects == ["verslag-f96620fb"]  # its address in version 0.1


def test_pages_are_dutch(seeds_site):
    for page in ["index.html", "documenten/kst-33279-29/index.html", "partners/index.html"]:
        assert '<html lang="nl"' in seeds_site.html(page)


def test_document_page_shows_dutch_date_and_key_facts(seeds_site):
    html = seeds_site.html("documenten/kst-33279-29/index.html")
    assert "19 juni 2019" in html
    assert "Kamerstuk 33 279, nr. 29" in html
    assert "A.Th.B. Bijleveld-Schouten" in html
    assert "defensiesamenwerking" in html and "defensie-\nsamenwerking" not in html


def test_japan_partner_page_lists_the_acsa_memo(seeds_site):
    html = seeds_site.html("partners/japan/index.html")
    assert "<h1" in html and "Japan" in html
    assert 'href="../../documenten/mindef20250041931/"' in html
    assert "MR: Instemming agendering van de ACSA" in html


def test_at_least_ten_partner_pages_and_an_overview(seeds_site):
    pages = list((seeds_site.site / "partners").glob("*/index.html"))
    assert len(pages) >= 10
    overview = seeds_site.html("partners/index.html")
    for page in pages:
        assert f'href="{page.parent.name}/"' in overview


def test_partner_pages_list_documents_newest_first(seeds_site):
    html = seeds_site.html("partners/duitsland/index.html")
    positions = [html.index(f"documenten/{doc}/") for doc in ("kst-33279-29", "kst-33279-3")]
    assert positions == sorted(positions)


def test_home_page_links_to_newest_documents_and_overviews(seeds_site):
    html = seeds_site.html("index.html")
    assert 'href="documenten/"' in html and 'href="partners/"' in html
    assert 'href="documenten/mindef20250041931/"' in html


def test_navigation_does_not_list_every_document(seeds_site):
    html = seeds_site.html("index.html")
    nav = re.search(r'<nav class="md-nav md-nav--primary[^"]*".*?</nav>', html, re.S).group(0)
    assert "kst-33279-29" not in nav


def test_search_is_dutch_and_indexed(seeds_site):
    index = (seeds_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["nl"]' in index.replace(" ", "")
    assert "Tactical Edge Networking" in index


def test_no_remote_resources(seeds_site):
    for page in seeds_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_cli_build_strict_passes(tmp_path):
    result = run_cli("build", "--strict", "--out", str(tmp_path / "site"), "--work", str(tmp_path / "build"))
    assert result.returncode == 0, result.stderr
    assert "documents: 5 (5 extracted, 0 from cache)" in result.stdout.strip().splitlines()
    assert (tmp_path / "site" / "index.html").is_file()
    assert not (ROOT / "source_docs").joinpath("site").exists()


def test_dates_are_written_as_cldr_writes_them_in_dutch():
    import datetime as dt

    from babel.dates import format_date

    from generator.model.labels import dutch_date

    for month in range(1, 13):
        date = dt.date(2019, month, month + 10)
        assert dutch_date(date) == format_date(date, format="long", locale="nl")
    assert dutch_date(dt.date(2019, 6, 19)) == "19 juni 2019" and dutch_date(None) == "datum onbekend"
