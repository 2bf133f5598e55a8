"""Golden cases for the extractors: text in, fields and problems out (tests/cases/extract/*.yml).

Each case names only the fields it is about. To add one, copy a case, change the
text and write down what a careful reader would fill in.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator.model import SourceText
from generator.model.records import record_to_dict
from generator.pipeline import Project, load_lexicon
from generator.stages.clean import clean
from generator.stages.extract import extract

CASES = sorted((Path(__file__).parent / "cases" / "extract").glob("*.yml"))


@pytest.fixture(scope="module")
def lexicon():
    lexicon, problems = load_lexicon(Project.at(ROOT))
    assert problems == []
    return lexicon


def project(field: str, value):
    """The comparable part of a record field."""
    if field in ("countries", "partners"):
        return sorted(item["code"] for item in value)
    if field in ("organisations", "initiatives", "topics"):
        return sorted(item["id"] for item in value)
    if field == "cites":
        return [f"{item['dossier']}-{item['number']}" for item in value]
    return value


@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_extract_case(case_file, lexicon):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    text = case["text"]
    source = SourceText(Path(case_file.name), (text,), hashlib.sha256(text.encode()).hexdigest())
    record, problems = extract(clean(source), lexicon)
    data = record_to_dict(record)
    actual = {field: project(field, data[field]) for field in case["expect"]}
    expected = {field: _stringify(value) for field, value in case["expect"].items()}
    assert actual == expected, case["name"]


def _stringify(value):
    """YAML reads 2019-06-19 as a date and 33279 as a number; records hold strings."""
    if isinstance(value, dict):
        return {key: _stringify(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_stringify(item) for item in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if value is None or isinstance(value, (str, bool)) else str(value)


def test_there_are_at_least_a_dozen_cases():
    assert len(CASES) >= 12
