"""Property-based: for any text, cleaning and extraction give a valid record, never an exception."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.stages.clean import clean
from generator.stages.extract import extract
from generator.stages.render.markdown import ESCAPES, METADATA_SAFE
from generator.vocabulary.matcher import SEPARATORS
from generator.model import DOC_TYPES, SourceText
from generator.pipeline import Project, load_lexicon
from generator.model.records import record_to_dict, to_json_line, to_yaml
from generator.model.replace import replace_each
from generator.model.yaml_text import _DUMPER, dump_yaml

FRAGMENTS = [
    "Den Haag, 19 juni 2019", "Datum", "18-11-2025", "31 februari 2020", "Kamerstuk 33 279, nr. 28",
    "Kamerstukken 27 830, nrs. 280 en 285", "Tweede Kamer, vergaderjaar 2018–2019, 33 279, nr. 29 3",
    "De Minister van Defensie,", "A.Th.B. Bijleveld-Schouten", "[redacted]", "samen-", "werking", "Duits-",
    "Nederlandse", "NAVO-", "landen", "Rusland", "dreiging", "Japan", "Tactical Edge Networking (TEN)",
    "[footnoteRef:1]", "[1:  voetnoot]", "1", "Nr. 3", "28676\t\tNAVO", "Hierbij ontvangt u het verslag van",
    "<script>", "{{ x }}", "«", "»", "\f", "\n", "\n\n", " ", ".", ",", "(", ")", "-", "\u00a0", "\ue000", "\ue001",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=60).map("".join)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(Project.at(ROOT))[0]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_gives_a_valid_record(lexicon, text):
    source = SourceText(Path("x.txt"), tuple(text.split("\f")), hashlib.sha256(text.encode()).hexdigest())
    document = clean(source)
    record, problems = extract(document, lexicon)
    assert SLUG.match(record.id)
    assert record.doc_type in DOC_TYPES
    assert record.date is None or record.date_source == "stated"
    assert all(block.text for block in document.blocks)
    record_to_dict(record), to_json_line(record), to_yaml(record)
    assert isinstance(problems, list)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_escaping_replaces_every_special_character_once(text):
    """replace_each must agree with the slower, simultaneous str.translate."""
    for table in (ESCAPES, METADATA_SAFE, SEPARATORS):
        assert replace_each(text, table) == text.translate(str.maketrans(dict(table)))


@settings(max_examples=300, deadline=None)
@given(data=st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), texts),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(texts, children, max_size=4)),
    max_leaves=12,
))
def test_yaml_of_plain_data_is_what_pyyaml_writes(data):
    for sort_keys in (True, False):
        expected = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=sort_keys, width=100)
        assert dump_yaml(data, sort_keys=sort_keys, width=100) == expected
