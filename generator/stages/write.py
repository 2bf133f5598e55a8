"""Write generated files into a folder: only what changed, stale files removed; records as YAML."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from generator.model import Problem, Record, error
from generator.model.records import to_yaml


class Unchanged(Protocol):
    """Knows which files are still as they were made (the run's output cache)."""

    def fingerprint(self, *inputs: Any) -> str: ...
    def unchanged(self, path: str, fingerprint: str) -> bool: ...
    def remember(self, path: str, fingerprint: str) -> None: ...
    def save(self) -> None: ...


def record_yaml_at(n: int, records: list[Record]) -> str:
    """Record `n` as YAML (the shape a process pool hands out work in)."""
    return to_yaml(records[n])


def write_records(
    records: list[tuple[Record, str]],
    folder: Path,
    cache: Unchanged,
    dump_all: Callable[[list[Record]], list[str]] = lambda records: [to_yaml(record) for record in records],
) -> list[Problem]:
    """Each record (with its digest) as YAML in `folder`, dumped (by `dump_all`, which may
    share the work out) only when it or the code that writes it changed. Other files in
    `folder` are removed."""
    changed, kept = [], set()
    for record, record_digest in records:
        name = f"{record.id}.yml"
        digest = cache.fingerprint(record_digest)  # salted with the code: a new YAML form rewrites them all
        cache.remember(name, digest)
        if cache.unchanged(name, digest):
            kept.add(name)
        else:
            changed.append(record)
    files = {f"{record.id}.yml": text for record, text in zip(changed, dump_all(changed))}
    problems = write_tree(files, folder, keep=kept)
    cache.save()
    return problems


def write_tree(files: dict[str, str | Path], folder: Path, keep: set[str] = frozenset()) -> list[Problem]:
    """Make `folder` hold exactly `files` (relative path -> text, or a file to copy) and the
    files named in `keep`, which are left as they are. Paths that would leave the folder are refused."""
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    problems: list[Problem] = []
    wanted: set[Path] = {(root / relative).resolve() for relative in keep}
    for relative, text in sorted(files.items()):
        target, problem = inside(root, relative)
        if problem is not None:
            problems.append(problem)
            continue
        wanted.add(target)
        if isinstance(text, Path):
            _copy(text, target)
        else:
            write_if_changed(target, text)
    _remove_stale(root, wanted)
    return problems


def inside(root: Path, relative: str) -> tuple[Path, Problem | None]:
    """The file `relative` under the resolved folder `root`, with its folder made; a path
    that would leave `root` is refused."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or target == root:
        return target, error(relative, f"refused: the path leaves the output folder {root}")
    if not target.parent.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
    return target, None


def write_file(root: Path, relative: str, text: str) -> Problem | None:
    """`text` as the file `relative` under the resolved folder `root`, unless that leaves `root`."""
    target, problem = inside(root, relative)
    if problem is None:
        write_if_changed(target, text)
    return problem


def write_if_changed(target: Path, text: str) -> None:
    data = text.encode("utf-8")
    if not target.is_file() or target.read_bytes() != data:
        target.write_bytes(data)


def _copy(source: Path, target: Path) -> None:
    """Copy with the source's modification time; a copy of the same size and time is left alone."""
    try:
        known = target.stat()
    except OSError:
        known = None
    info = source.stat()
    if known is None or (known.st_size, known.st_mtime_ns) != (info.st_size, info.st_mtime_ns):
        shutil.copy2(source, target)


def _remove_stale(root: Path, wanted: set[Path]) -> None:
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
