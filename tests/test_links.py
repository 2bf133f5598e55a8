"""Every internal link of the built site resolves; cross-links answer staff's questions."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, build_into
from htmlcheck import broken_links

EXTRA_LETTER = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 2 september 2019

Hierbij informeer ik u over de voortgang van de samenwerking met Duitsland. Zoals gemeld in mijn brief
over de strategische partners (Kamerstuk 33 279, nr. 29) is de Declaration of Intent getekend.

Tweede Kamer, vergaderjaar 2018–2019, 33 279, nr. 30 1
"""


@pytest.fixture(scope="module")
def with_citing_letter(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("citing")
    source = tmp / "docs"
    shutil.copytree(ROOT / "source_docs", source)
    (source / "brief-vervolg.txt").write_text(EXTRA_LETTER, encoding="utf-8")
    return build_into(tmp, source)


def test_no_broken_internal_links(seeds_site):
    assert broken_links(seeds_site.site) == []


def test_no_broken_links_with_an_extra_letter(with_citing_letter):
    assert broken_links(with_citing_letter.site) == []


def test_cited_document_shows_who_cites_it_with_the_sentence(with_citing_letter):
    html = with_citing_letter.html("documenten/kst-33279-29/index.html")
    cited_by = html[html.index('id="geciteerd-door"') :]
    assert 'href="../kst-33279-30/"' in cited_by
    assert "Zoals gemeld in mijn brief over de strategische partners" in cited_by


def test_citation_outside_the_archive_goes_to_the_official_page(seeds_site):
    html = seeds_site.html("documenten/kst-33279-29/index.html")
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-33279-28.html"' in html


def test_citation_inside_the_archive_goes_to_its_page(with_citing_letter):
    html = with_citing_letter.html("documenten/kst-33279-30/index.html")
    refers = html[html.index('id="verwijst-naar"') :]
    assert 'href="../kst-33279-29/"' in refers


def test_dossier_lists_its_numbers_in_order(seeds_site):
    html = seeds_site.html("dossiers/33279/index.html")
    positions = [html.index(f"nr. {number}") for number in (3, 6, 28, 29)]
    assert positions == sorted(positions)
    assert 'href="../../documenten/kst-33279-3/"' in html and 'href="../../documenten/kst-33279-29/"' in html
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-33279-28.html"' in html


def test_tactical_edge_networking_lists_both_documents(seeds_site):
    html = seeds_site.html("initiatieven/tactical-edge-networking/index.html")
    assert 'href="../../documenten/kst-33279-29/"' in html
    assert "documenten/verslag-" in html


def test_timeline_has_a_page_per_year(seeds_site):
    for year in (2012, 2019, 2024, 2025):
        assert f"{year}" in seeds_site.html(f"tijdlijn/{year}/index.html")


def test_first_mention_of_a_partner_links_to_its_page(seeds_site):
    html = seeds_site.html("documenten/mindef20250041931/index.html")
    text = html[html.index('id="tekst"') :]
    assert text.count('href="../../partners/japan/"') == 1


def test_document_page_offers_its_source_file(seeds_site):
    html = seeds_site.html("documenten/kst-33279-29/index.html")
    assert 'href="../../bronbestanden/kst-33279-29.txt"' in html
    assert (seeds_site.site / "bronbestanden" / "kst-33279-29.txt").is_file()


def test_tags_index_lists_partners(seeds_site):
    html = seeds_site.html("trefwoorden/index.html")
    assert "Japan" in html
