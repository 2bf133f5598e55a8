"""The partner signals live in vocabulary/partner_signals.yml: a malformed file is an
error that names the file and the field, and the words match as the file says."""

from __future__ import annotations

import shutil

from conftest import ROOT

from generator.vocabulary.load import load_vocabulary


def _folder(tmp_path, signals: str):
    folder = tmp_path / "vocabulary"
    shutil.copytree(ROOT / "vocabulary", folder)
    (folder / "partner_signals.yml").write_text(signals, encoding="utf-8")
    return folder


def test_the_project_signals_load_without_problems():
    vocabulary, problems = load_vocabulary(ROOT / "vocabulary")
    assert problems == []
    assert vocabulary.signals.cooperation.search("Nederland werkt met Duitsland samen")
    assert not vocabulary.signals.threat.search("de naleving van de afspraken")


def test_a_field_that_is_not_a_list_names_the_file_and_field(tmp_path):
    _, problems = load_vocabulary(_folder(tmp_path, "threat: dreiging\n"))
    assert [(p.file.endswith("partner_signals.yml"), p.field) for p in problems] == [(True, "threat")]
    assert "expected a list of words" in problems[0].message


def test_an_unknown_field_and_an_empty_entry_are_errors(tmp_path):
    _, problems = load_vocabulary(_folder(tmp_path, "treat: [dreiging]\ncooperation: ['*', samen]\n"))
    assert sorted(p.field for p in problems) == ["cooperation", "treat"]


def test_a_file_that_is_no_mapping_is_an_error(tmp_path):
    _, problems = load_vocabulary(_folder(tmp_path, "- dreiging\n"))
    assert len(problems) == 1 and "expected a mapping" in problems[0].message


def test_stars_and_capitals_follow_the_documented_rules(tmp_path):
    folder = _folder(tmp_path, "self: [Defensie]\ncooperation: ['*samenwerk*', samen]\nthreat: [dreig*]\n")
    signals = load_vocabulary(folder)[0].signals
    assert signals.cooperation.search("de defensiesamenwerking")
    assert signals.cooperation.search("Samen oefenen")
    assert not signals.cooperation.search("samenvatting")
    assert signals.threat.search("een dreiging") and not signals.threat.search("een bedreiging")
    assert signals.self.search("het ministerie van Defensie") and not signals.self.search("defensie-uitgaven")


def test_phrases_find_what_one_alternation_of_them_finds():
    """The Aho-Corasick search gives the very matches of the plain alternation, on real text."""
    from pathlib import Path

    from generator.pipeline import Project, load_lexicon
    from generator.vocabulary.signals import Phrases

    root = Path(__file__).resolve().parent.parent
    signals = load_lexicon(Project.at(root))[0].vocabulary.signals
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(p for p in (root / "tests" / "corpus").iterdir() if p.name not in ("gold.yml", "SOURCES.md"))]
    texts.append("İstanbul en DEFENSIE samenwerking, Samenwerkingsverband; host  nation")
    phrases = [value for value in vars(signals).values() if isinstance(value, Phrases)]
    assert phrases
    for finder in phrases:
        for text in texts:
            assert [m.span() for m in finder.finditer(text)] == [m.span() for m in finder._alternation.finditer(text)]
