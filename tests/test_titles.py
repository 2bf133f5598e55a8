"""Titles: the one a document states, and never one title for two documents in a list."""

from __future__ import annotations

import re

from conftest import build_into

LETTER = "Den Haag, {date}\n\nOnderwerp: Defensieraad\n\nGeachte voorzitter,\n\nHierbij informeer ik u over de {subject}.\n\nDe Minister van Defensie,\n\nR.P. Brekelmans\n"


def test_documents_sharing_a_title_are_told_apart_by_their_date(tmp_path):
    source = tmp_path / "source_docs"
    source.mkdir()
    (source / "a.txt").write_text(LETTER.format(date="8 juli 2024", subject="EU-Defensieraad van juli"), encoding="utf-8")
    (source / "b.txt").write_text(LETTER.format(date="14 november 2024", subject="EU-Defensieraad van november"), encoding="utf-8")
    built = build_into(tmp_path, source, strict=False)
    assert not built.outcome.has_errors, built.outcome.problems
    listing = built.html("documenten/index.html")
    assert "Defensieraad (8 juli 2024)" in listing and "Defensieraad (14 november 2024)" in listing
    feed = (built.site / "feeds" / "alles.xml").read_text(encoding="utf-8")
    assert len(set(re.findall(r"<title>(Defensieraad[^<]*)</title>", feed))) == 2
