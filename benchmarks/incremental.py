"""The whole build (generator and site) after a change, against a cold build, with the
site compared byte for byte with a cold build of the same inputs.

    .venv/bin/python benchmarks/incremental.py --docs 1000 [--keep DIR] [--identity each|last|none]

Synthesises `--docs` documents (benchmarks/synth.py, seeded), builds them cold with
`python -m generator build`, then, one after the other: a build with nothing changed,
one document added, one changed, one removed, a template changed, mkdocs.yml changed.
Each build is a process of its own, timed from start to end, with its peak memory
(the largest resident set of the process and its children). With `--identity each`
every incremental site is compared with a cold build of the same inputs (another
project folder given the same build/ids.json, which is history rather than a cache);
`last` compares only the final state. The last lines are one RESULT per step:

    RESULT docs=N step=… seconds=… of_cold=… rendered=… reused=… peak_mb=… identical=yes|no|-
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
from generator.model.project import MARKER  # noqa: E402

PROJECT_FILES = ("mkdocs.yml", "templates", "vocabulary", "site_overrides")
EPOCH = "1767225600"


BENCH_MARK = ".archief-benchmark"
"""Marks a folder this script made; only such a folder is ever emptied again."""


def fresh_folder(folder: Path) -> Path:
    """`folder`, empty; refused when it exists and this script did not make it."""
    if folder.exists():
        if not (folder / BENCH_MARK).is_file():
            raise SystemExit(f"refused: {folder} exists and was not made by this benchmark; choose another --keep folder")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / BENCH_MARK).write_text("made by benchmarks/incremental.py\n", encoding="utf-8")
    return folder


def make_project(folder: Path, documents: Path) -> Path:
    fresh_folder(folder)
    for name in PROJECT_FILES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, folder / name)
    shutil.copytree(documents, folder / "source_docs")
    return folder


def build(project: Path, *extra: str) -> dict:
    """One `generator build` in its own process: seconds, peak MiB, what it printed."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}
    wrapper = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]);"
        "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", wrapper, sys.executable, "-m", "generator", "build", *extra],
        cwd=project, env=env, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    peak = int(re.search(r"PEAK_KB (\d+)", result.stderr).group(1)) / 1024
    counts = re.search(r"site pages: \d+ \((\d+) rendered, (\d+) reused", result.stdout + result.stderr)
    rendered, reused = (int(counts.group(1)), int(counts.group(2))) if counts else (None, None)
    return {"seconds": seconds, "peak_mb": peak, "rendered": rendered, "reused": reused}


def differing(left: Path, right: Path) -> list[str]:
    names = {p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file()}
    return sorted(n for n in names if not ((left / n).is_file() and (right / n).is_file() and filecmp.cmp(left / n, right / n, shallow=False)))


def identical_to_cold(project: Path, scratch: Path) -> tuple[bool, float]:
    cold = fresh_folder(scratch / "cold")
    for name in (*PROJECT_FILES, "source_docs"):
        (shutil.copytree if (project / name).is_dir() else shutil.copy)(project / name, cold / name)
    (cold / "build").mkdir()
    for name in ("ids.json", MARKER):
        shutil.copy(project / "build" / name, cold / "build" / name)
    seconds = build(cold)["seconds"]
    different = differing(project / "site", cold / "site")
    if different:
        print(f"  differs from a cold build: {len(different)} files, e.g. {different[:5]}", flush=True)
    shutil.rmtree(cold)
    return not different, seconds


def steps(project: Path, held_out: Path):
    """(name, change) in order; each change edits the project's inputs."""
    source = project / "source_docs"

    def add():
        shutil.copy(held_out, source / held_out.name)

    def change():
        path = sorted(source.glob("*.txt"))[len(list(source.glob("*.txt"))) // 2]
        path.write_text(path.read_text(encoding="utf-8") + "\nDe samenwerking met Noorwegen wordt voortgezet.\n", encoding="utf-8")

    def remove():
        sorted(source.glob("*.txt"))[len(list(source.glob("*.txt"))) // 3].unlink()

    def template():
        with (project / "templates" / "document.md.j2").open("a", encoding="utf-8") as handle:
            handle.write("\n")

    def config():
        path = project / "mkdocs.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("copyright: Ministerie van Defensie", "copyright: Ministerie van Defensie (NL)"), encoding="utf-8")

    return [("nothing changed", lambda: None), ("one added", add), ("one changed", change),
            ("one removed", remove), ("template changed", template), ("mkdocs.yml changed", config)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it (default: a temporary one)")
    parser.add_argument("--identity", choices=("each", "last", "none"), default="each")
    args = parser.parse_args(argv)
    workspace = args.keep or Path(tempfile.mkdtemp(prefix="archief-incremental-"))
    sys.path.insert(0, str(HERE))
    from bench import corpus

    documents, held_out, _ = corpus(workspace, args.docs, args.seed)
    project = make_project(workspace / "project", documents)
    cold = build(project)
    print(f"cold: {cold['seconds']:.1f} s, peak {cold['peak_mb']:.0f} MiB", flush=True)
    results = [("cold", cold, "-")]
    plan = steps(project, held_out)
    for position, (name, change) in enumerate(plan):
        change()
        result = build(project)
        identical = "-"
        if args.identity == "each" or (args.identity == "last" and position == len(plan) - 1):
            same, cold_seconds = identical_to_cold(project, workspace)
            identical = "yes" if same else "no"
            result["cold_seconds"] = cold_seconds
        print(f"{name}: {result['seconds']:.1f} s ({result['seconds'] / cold['seconds']:.3f} of cold), "
              f"{result['rendered']} rendered, {result['reused']} reused, identical: {identical}", flush=True)
        results.append((name, result, identical))
    for name, result, identical in results:
        print(f"RESULT docs={args.docs} step={name.replace(' ', '_')} seconds={result['seconds']:.2f} "
              f"of_cold={result['seconds'] / cold['seconds']:.3f} rendered={result['rendered']} reused={result['reused']} "
              f"peak_mb={result['peak_mb']:.0f} identical={identical}"
              + (f" cold_of_same_inputs_s={result['cold_seconds']:.2f}" if "cold_seconds" in result else ""))
    if not args.keep:
        shutil.rmtree(workspace, ignore_errors=True)
    return 0 if all(identical != "no" for _, _, identical in results) else 1


if __name__ == "__main__":
    sys.exit(main())
