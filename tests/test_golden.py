"""The whole generated Markdown tree of the seeds, compared with a stored copy.

After an intended change to extraction, templates or vocabulary, regenerate it with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

and review the difference with `git diff tests/golden` before committing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden" / "docs"


def markdown_tree(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.md"))}


def test_generated_markdown_matches_the_golden_copy(seeds_site):
    generated = markdown_tree(seeds_site.project.docs)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for relative, text in generated.items():
            (GOLDEN / relative).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / relative).write_text(text, encoding="utf-8")
    golden = markdown_tree(GOLDEN)
    assert sorted(generated) == sorted(golden), "pages added or removed"
    for relative in golden:
        assert generated[relative] == golden[relative], f"{relative} differs from tests/golden/docs/{relative}"
