from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.pipeline import Outcome, Project, build

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Built:
    project: Project
    outcome: Outcome

    @property
    def site(self) -> Path:
        return self.project.out

    def html(self, relative: str) -> str:
        return (self.site / relative).read_text(encoding="utf-8")


def build_into(tmp: Path, source: Path, strict: bool = True) -> Built:
    project = Project.at(ROOT, source=source, out=tmp / "site", work=tmp / "build")
    return Built(project, build(project, strict=strict))


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Built:
    """The repository's source_docs/ (the five seeds), built once for the session."""
    return build_into(tmp_path_factory.mktemp("seeds"), ROOT / "source_docs")


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )
