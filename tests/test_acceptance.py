"""Hand-checked metadata scored by the shared scorer (../shared/acceptance/score.py): the
five seeds, and the development corpus of real documents in other layouts (tests/corpus/,
sources in its SOURCES.md). The corpus thresholds are what the rules reach today; the
rules are general, and the corpus is where they are measured, never what they are fitted to."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED

CORPUS = ROOT / "tests" / "corpus"
CASES = {
    "seeds": (
        SHARED / "acceptance" / "seeds-gold.yml",
        SHARED / "seeds",
        {"fields": 1.0, "countriesF1": 0.95, "partnersF1": 0.85, "citesF1": 0.95, "initiativesR": 0.85,
         "initiativesInGold": 0.5},
    ),
    "corpus": (
        CORPUS / "gold.yml",
        CORPUS,
        {"fields": 0.92, "countriesF1": 0.97, "partnersF1": 0.92, "citesF1": 0.95, "initiativesR": 0.75,
         "initiativesInGold": 0.85},
    ),
}


def score(gold, docs) -> tuple[dict[str, float], str]:
    result = subprocess.run(
        [sys.executable, str(SHARED / "acceptance" / "score.py"), str(gold), str(docs),
         "--cmd", f"{sys.executable} -m generator extract --json", "-v"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    hit, total = map(int, re.search(r"fields=(\d+)/(\d+)", summary).groups())
    scores = {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)(?:\s|$)", summary)}
    scores["fields"] = hit / total
    return scores, result.stdout


@pytest.mark.parametrize("case", sorted(CASES))
def test_metadata_meets_the_targets(case):
    gold, docs, targets = CASES[case]
    scores, report = score(gold, docs)
    for key, target in targets.items():
        assert scores[key] >= target, f"{key} {scores[key]:.2f} < {target}\n{report}"
