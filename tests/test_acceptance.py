"""The hand-checked metadata of the five seeds (../shared/acceptance), scored by its own scorer."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT, SHARED

TARGETS = {"countriesF1": 0.95, "partnersF1": 0.85, "citesF1": 0.95, "initiativesR": 0.85, "initiativesInGold": 0.5}


def test_seed_metadata_meets_the_targets():
    result = subprocess.run(
        [
            sys.executable,
            str(SHARED / "acceptance" / "score.py"),
            str(SHARED / "acceptance" / "seeds-gold.yml"),
            str(SHARED / "seeds"),
            "--cmd",
            f"{sys.executable} -m generator extract --json",
            "-v",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    hit, total = map(int, re.search(r"fields=(\d+)/(\d+)", summary).groups())
    scores = {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)(?:\s|$)", summary)}
    assert hit >= total - 1, result.stdout
    for key, target in TARGETS.items():
        assert scores[key] >= target, f"{key} {scores[key]} < {target}\n{result.stdout}"
