"""The same document gives the same record in every form it arrives in (tests/layouts.py):
each seed, and corpus documents whose whole text is kept, in every layout."""

from __future__ import annotations

import pytest
from conftest import ROOT, SHARED
from layouts import LAYOUTS, units_of

from generator.model import Record
from generator.pipeline import Project, extract_files

SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
WHOLE = sorted((ROOT / "tests" / "corpus").glob("c-0[123]-*.md"))
"""Corpus documents kept whole (treaty texts)."""


def facts(record: Record) -> dict:
    return {
        "doc_type": record.doc_type,
        "date": record.date,
        "reference": record.reference,
        "kamerstuk": record.kamerstuk.key if record.kamerstuk else None,
        "author": record.author.name if record.author else None,
        "countries": sorted(m.term.code for m in record.countries),
        "partners": sorted(m.term.code for m in record.partners),
        "organisations": sorted(m.term.id for m in record.organisations),
        "cites": sorted(c.target.key for c in record.cites),
        "initiatives": sorted(m.term.id for m in record.initiatives),
        "title": record.title,
    }


def _record(path) -> Record:
    outcome = extract_files(Project.at(ROOT), [path])
    (document,) = outcome.documents
    return document.record


ORIGINALS = {path: _record(path) for path in [*SEEDS, *WHOLE]}
CASES = [
    pytest.param(path, layout, id=f"{path.name[:12]}-{layout.name}")
    for path, original in ORIGINALS.items()
    for layout in LAYOUTS
    if original.kamerstuk is not None or not layout.kamerstuk_only  # tkconv and OpenKamer hold only Kamerstukken
]


def test_every_seed_is_tried_in_every_layout():
    assert len(SEEDS) == 5 and len(WHOLE) == 3
    for path in SEEDS:
        tried = {case.values[1].name for case in CASES if case.values[0] == path}
        expected = {layout.name for layout in LAYOUTS if ORIGINALS[path].kamerstuk or not layout.kamerstuk_only}
        assert tried == expected


@pytest.mark.parametrize(("path", "layout"), CASES)
def test_every_layout_gives_the_same_record(path, layout, tmp_path):
    original = ORIGINALS[path]
    rendered = tmp_path / f"{path.stem}{layout.suffix}"
    rendered.write_bytes(layout.render(units_of(path), original))
    expected, found = facts(original), facts(_record(rendered))
    assert {k: v for k, v in found.items() if v != expected[k]} == {}, {
        k: expected[k] for k in found if found[k] != expected[k]
    }
