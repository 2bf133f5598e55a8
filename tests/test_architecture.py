"""The package shows the pipeline: rooms that import only what they may.

- `model` (shared immutable values) imports nothing else of the generator;
- `vocabulary` imports the model;
- a stage (`stages/<name>`) imports the model and the vocabulary, never another stage;
- `run` (pools, caches, progress) imports the model;
- `pipeline` is the only module that uses more than one stage; `commands` call it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_LINES = 300


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every generator module or package `path` imports from, as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; the rooms use absolute imports"
            if node.module and node.module.split(".")[0] == "generator":
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "generator")
    return found


def room(module: str) -> str:
    """'generator.stages.extract.dates' -> 'stages.extract'; 'generator.model.text' -> 'model'."""
    parts = module.split(".")[1:]
    if not parts:
        return "generator"
    if parts[0] == "stages" and len(parts) > 1:
        return f"stages.{parts[1]}"
    return parts[0]


ALLOWED = {
    "model": {"model", "generator"},
    "vocabulary": {"model", "vocabulary"},
    "run": {"model", "run", "generator"},
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_each_room_imports_only_what_it_may(path: Path) -> None:
    own = room(_module_name(path))
    used = {room(module) for module in _imports(path)}
    if own.startswith("stages."):
        allowed = {"model", "vocabulary", own}
    elif own in ALLOWED:
        allowed = ALLOWED[own]
    else:
        return  # pipeline, commands, __main__: the callers
    assert used <= allowed, f"{path.relative_to(PACKAGE)} ({own}) imports {sorted(used - allowed)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_only_the_pipeline_uses_more_than_one_stage(path: Path) -> None:
    if _module_name(path) == "generator.pipeline":
        return
    own = room(_module_name(path))
    stages = {room(module) for module in _imports(path) if room(module).startswith("stages.")} - {own}
    assert len(stages) <= (0 if own.startswith("stages.") else 1), f"{path.relative_to(PACKAGE)} uses {sorted(stages)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


def test_listing_the_package_shows_the_pipeline() -> None:
    stages = {path.name.removesuffix(".py") for path in (PACKAGE / "stages").iterdir() if not path.name.startswith("_")}
    assert {"read", "clean", "extract", "merge", "index", "plan", "render", "write", "site", "archive"} <= stages
    rooms = {path.name for path in PACKAGE.iterdir() if not path.name.startswith("_")}
    assert {"model", "vocabulary", "stages", "run", "commands", "pipeline.py"} <= rooms


def test_the_room_rule_catches_a_stage_importing_another(tmp_path: Path) -> None:
    """The walk itself must be able to fail."""
    assert room("generator.stages.extract.terms") == "stages.extract"
    assert room("generator.stages.merge") == "stages.merge"
    module = tmp_path / "probe.py"
    module.write_text("from generator.stages.extract.references import x\nimport generator.model.text\n")
    assert _imports(module) == {"generator.stages.extract.references", "generator.model.text"}
