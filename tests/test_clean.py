"""Cleaning: hyphenation, page furniture, paragraphs, headings, footnotes, signatures."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.model import SourceText, footnote_ref
from generator.stages.clean import clean
from generator.stages.clean.hyphenation import is_line_break_hyphen, join_lines


def cleaned(text: str):
    return clean(SourceText(Path("test.txt"), tuple(text.split("\f")), hashlib.sha256(text.encode()).hexdigest()))


@pytest.mark.parametrize(
    "left, right, joined",
    [
        ("samen", "werking", True),
        ("interna", "tionale", True),
        ("krijgsmacht", "delen", True),
        ("Duits", "Nederlandse", False),
        ("NAVO", "landen", False),
        ("F", "35", False),
        ("defensie", "industrie", False),
    ],
)
def test_line_break_hyphens(left, right, joined):
    assert is_line_break_hyphen(left, right) is joined


def test_join_lines_keeps_real_hyphens():
    assert join_lines(["de samen-", "werking in NAVO-", "landen en de Duits-", "Nederlandse staf"]) == (
        "de samenwerking in NAVO-landen en de Duits-Nederlandse staf"
    )


def test_kamerstuk_footer_is_removed_but_kept_as_furniture():
    text = (
        "Inleiding\n\nDe eerste zin loopt door tot de\n\n"
        "Tweede Kamer, vergaderjaar 2011–2012, 33 279, nr. 3 7\n\n\n\n"
        "volgende pagina en eindigt hier.\n"
    )
    document = cleaned(text)
    assert [b.kind for b in document.blocks] == ["heading", "paragraph"]
    assert document.blocks[1].text == "De eerste zin loopt door tot de volgende pagina en eindigt hier."
    assert document.furniture.kamerstuk_lines == ("Tweede Kamer, vergaderjaar 2011–2012, 33 279, nr. 3 7",)


def test_page_numbers_and_form_feeds_are_dropped():
    document = cleaned("Een zin die doorloopt op de\n\n3\n\fvolgende pagina.\n\n- 4 -\n")
    assert [b.text for b in document.blocks] == ["Een zin die doorloopt op de volgende pagina."]


def test_letterhead_and_signature_are_recognised():
    text = (
        " Nr. 29  BRIEF VAN DE MINISTER VAN DEFENSIE \n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
        "Den Haag, 19 juni 2019 \n\n"
        "Hierbij informeer ik u over de samenwerking.\n\n"
        "De Minister van Defensie, \nA.Th.B. Bijleveld-Schouten\n"
    )
    kinds = [b.kind for b in cleaned(text).blocks]
    assert kinds == ["header", "header", "header", "paragraph", "signature"]


def test_glued_footnote_marker_becomes_a_footnote():
    text = (
        "De nota bevat twee bijlagen1. De eerste betreft een overzicht van de\n"
        "samenwerking met andere landen in Europa en daarbuiten.\n\n"
        "1  Ter inzage gelegd bij het Centraal Informa-\ntiepunt Tweede Kamer.\n"
        " Inleiding\n\nTekst van de inleiding.\n"
    )
    blocks = cleaned(text).blocks
    assert blocks[0].text.startswith(f"De nota bevat twee bijlagen{footnote_ref('1')}.")
    footnote = next(b for b in blocks if b.kind == "footnote")
    assert (footnote.label, footnote.text) == ("1", "Ter inzage gelegd bij het Centraal Informatiepunt Tweede Kamer.")
    assert ("heading", "Inleiding") in [(b.kind, b.text) for b in blocks]


def test_word_footnotes_become_footnotes():
    text = "Een lange zin over de motie Paternotte c.s[footnoteRef:1]. Nog een zin.  [1:  Kamerstuk 21 501-20, nr. 2100.] \n"
    blocks = cleaned(text).blocks
    assert blocks[0].text == f"Een lange zin over de motie Paternotte c.s{footnote_ref('1')}. Nog een zin."
    assert (blocks[1].kind, blocks[1].label, blocks[1].text) == ("footnote", "1", "Kamerstuk 21 501-20, nr. 2100.")


def test_unwrapped_text_has_one_paragraph_per_line_and_headings():
    text = "Oekraïne \nDe president lichtte het plan toe aan de bondgenoten in de raad, en dat was een lange zin.\n" * 1
    blocks = cleaned(text + "\n" + "Een tweede alinea die ook lang genoeg is om als gewone alinea te tellen in de tekst.\n").blocks
    assert [(b.kind, b.text.strip()) for b in blocks][0] == ("heading", "Oekraïne")


def test_numbered_sections_are_headings():
    text = "2.1 Samenwerking met Duitsland\n\nDe samenwerking met Duitsland is hecht en groeit nog steeds verder.\n"
    assert [b.kind for b in cleaned(text).blocks] == ["heading", "paragraph"]
