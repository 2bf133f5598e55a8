"""Property-based: for any text, cleaning and extraction give a valid record, never an exception."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import DOC_TYPES, SourceText
from generator.model.records import record_to_dict, to_json_line, to_yaml
from generator.pipeline import Project, load_lexicon
from generator.stages.clean import clean
from generator.stages.extract import extract
from generator.stages.render.markdown import MARKDOWN_SPECIAL, escape_markdown

FRAGMENTS = [
    "Den Haag, 19 juni 2019", "Datum", "18-11-2025", "31 februari 2020", "Kamerstuk 33 279, nr. 28",
    "Kamerstukken 27 830, nrs. 280 en 285", "Tweede Kamer, vergaderjaar 2018–2019, 33 279, nr. 29 3",
    "De Minister van Defensie,", "A.Th.B. Bijleveld-Schouten", "[redacted]", "samen-", "werking", "Duits-",
    "Nederlandse", "NAVO-", "landen", "Rusland", "dreiging", "Japan", "Tactical Edge Networking (TEN)",
    "[footnoteRef:1]", "[1:  voetnoot]", "1", "Nr. 3", "28676\t\tNAVO", "Hierbij ontvangt u het verslag van",
    "<script>", "{{ x }}", "«", "»", "\f", "\n", "\n\n", " ", ".", ",", "(", ")", "-", "\u00a0", "\ue000", "\ue001",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=60).map("".join)
FOOTNOTE_REFERENCE = re.compile(r"\[\^\d{1,3}\]")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Project.at(ROOT))[0]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_gives_a_valid_record(lexicon, text):
    source = SourceText(Path("x.txt"), tuple(text.split("\f")), hashlib.sha256(text.encode()).hexdigest())
    document = clean(source)
    record, _ = extract(document, lexicon)
    assert SLUG.match(record.id)
    assert record.doc_type in DOC_TYPES
    assert record.date is None or record.date_source == "stated"
    assert all(block.text for block in document.blocks)
    record_to_dict(record), to_json_line(record), to_yaml(record)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_escaped_text_leaves_markdown_and_html_nothing_to_obey(text):
    bare = re.sub(r"\\.", "", escape_markdown(text))  # each escape stands for one literal character
    bare = FOOTNOTE_REFERENCE.sub("", bare)
    assert not set(bare) & set(MARKDOWN_SPECIAL + "<>")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_a_record_reads_back_from_its_yaml_as_it_was(lexicon, text):
    source = SourceText(Path("x.txt"), (text,), hashlib.sha256(text.encode()).hexdigest())
    record, _ = extract(clean(source), lexicon)
    assert yaml.safe_load(to_yaml(record)) == json.loads(to_json_line(record)) == record_to_dict(record)
