"""Official metadata first: a page saved from the official publication site and a
metadata.xml placed beside a document give their facts to the record, with the element
as evidence; the page's body comes from the document's own text, not the site's menus."""

from __future__ import annotations

from conftest import ROOT

from generator.pipeline import Project, extract_files
from generator.run.extraction_cache import ExtractionCache

PAGE = """<!DOCTYPE html>
<html lang="nl"><head>
<meta charset="utf-8">
<title>Internationale militaire samenwerking | Kamerstuk 33279-13 | Overheid.nl</title>
<meta name="DC.identifier" content="kst-33279-13">
<meta name="DC.type" content="Kamerstuk">
<meta name="DCTERMS.issued" content="2014-12-05">
<meta name="OVERHEIDop.dossiernummer" content="33279">
<meta name="OVERHEIDop.ondernummer" content="13">
<meta name="OVERHEIDop.vergaderjaar" content="2014-2015">
<meta name="OVERHEIDop.documenttitel" content="Brief regering; Letter of Intent Joint Expeditionary Force">
<meta name="OVERHEIDop.dossiertitel" content="Internationale militaire samenwerking">
<meta name="OVERHEIDop.indiener" content="J.A. Hennis-Plasschaert">
</head><body>
<div id="header"><nav><a href="/">Home</a> <a href="/zoeken">Zoeken</a>
<p>Het Verenigd Koninkrijk en Noorwegen: lees ook ons nieuws over samenwerking met Frankrijk.</p></nav></div>
<div id="content" role="main">
<div id="broodtekst" class="stuk">
<p>Tweede Kamer der Staten-Generaal</p>
<p>Nr. 13 BRIEF VAN DE MINISTER VAN DEFENSIE</p>
<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>
<p>Den Haag, 2 december 2014</p>
<div><p>Hierbij informeer ik u over de deelneming van Nederland aan de Joint Expeditionary Force.
Nederland werkt daarin samen met het Verenigd Koninkrijk en Noorwegen.</p></div>
<p>De Minister van Defensie,</p>
<p>J.A. Hennis-Plasschaert</p>
</div></div>
<div id="footer"><p>Over deze site. Frankrijk en Duitsland komen hier niet in voor.</p></div>
</body></html>
"""

METADATA_XML = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE metadata_gegevens [<!ENTITY lol "lollollol">]>
<metadata_gegevens>
  <metadata name="DC.identifier" content="kst-21501-28-182"/>
  <metadata name="OVERHEIDop.dossiernummer" content="21501-28"/>
  <metadata name="OVERHEIDop.ondernummer" content="182"/>
  <metadata name="OVERHEIDop.vergaderjaar" content="2018-2019"/>
  <metadata name="DCTERMS.issued" content="2019-01-04"/>
  <metadata name="OVERHEIDop.documenttitel" content="Verslag van een algemeen overleg, gehouden op 28 november 2018, over Defensieraad"/>
  <metadata name="OVERHEIDop.dossiertitel" content="Defensieraad &amp; EU"/>
  <metadata name="OVERHEIDop.indiener" content="A.A.G.M. van Helvert"/>
</metadata_gegevens>
"""

REPORT = """De vaste commissie voor Defensie heeft op 28 november 2018 overleg gevoerd over de
Defensieraad. Nederland werkt samen met Duitsland aan militaire mobiliteit.
"""


def _record(path):
    (document,) = extract_files(Project.at(ROOT), [path]).documents
    return document.record


def test_a_page_of_the_official_site_gives_its_metadata_and_only_its_own_text(tmp_path):
    page = tmp_path / "kst-33279-13.html"
    page.write_text(PAGE, encoding="utf-8")
    record = _record(page)
    assert record.kamerstuk.key == "33279-13" and record.kamerstuk.vergaderjaar == "2014-2015"
    assert record.evidence["kamerstuk"].startswith('OVERHEIDop.dossiernummer="33279"')
    assert record.dossier_title == "Internationale militaire samenwerking"
    assert record.title == "Brief regering; Letter of Intent Joint Expeditionary Force"
    assert record.doc_type == "kamerbrief"
    assert record.date.isoformat() == "2014-12-02"  # the letter's own date, not the day it was published
    assert record.author.name == "J.A. Hennis-Plasschaert"
    countries = {m.term.code for m in record.countries}
    assert countries == {"GB", "NO"}  # the menu's and the footer's countries are the site's, not the letter's


def test_a_metadata_xml_beside_a_document_is_its_metadata(tmp_path):
    folder = tmp_path / "kst-21501-28-182"
    folder.mkdir()
    (folder / "verslag.txt").write_text(REPORT, encoding="utf-8")
    (folder / "metadata.xml").write_text(METADATA_XML, encoding="utf-8")
    record = _record(folder / "verslag.txt")
    assert record.kamerstuk.key == "21501-28-182" and record.kamerstuk.vergaderjaar == "2018-2019"
    assert record.reference == "Kamerstuk 21 501-28, nr. 182"
    assert record.doc_type == "verslag"
    assert record.date.isoformat() == "2019-01-04"  # no date in the text: the publisher's
    assert record.evidence["date"] == 'DCTERMS.issued="2019-01-04"'
    assert record.author.name == "A.A.G.M. van Helvert"
    assert record.dossier_title == "Defensieraad & EU"


def test_a_metadata_file_named_for_its_document_wins_and_a_shared_one_needs_a_single_document(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "metadata.xml").write_text(METADATA_XML, encoding="utf-8")
    assert _record(tmp_path / "a.txt").kamerstuk is None  # two documents: whose would it be?
    (tmp_path / "a.metadata.xml").write_text(METADATA_XML.replace("182", "183"), encoding="utf-8")
    assert _record(tmp_path / "a.txt").kamerstuk.key == "21501-28-183"


def test_a_changed_metadata_file_is_a_changed_document_for_the_cache(tmp_path):
    document = tmp_path / "a.txt"
    document.write_text(REPORT, encoding="utf-8")
    metadata = tmp_path / "a.metadata.xml"
    metadata.write_text(METADATA_XML, encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache", ROOT / "vocabulary", "salt")
    before = cache.key(document, "a.txt", None, metadata)
    metadata.write_text(METADATA_XML.replace("182", "183"), encoding="utf-8")
    assert cache.key(document, "a.txt", None, metadata) != before
