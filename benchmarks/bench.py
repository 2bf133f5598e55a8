"""How the build's cost grows with the archive: the generator's stages beside MkDocs.

    .venv/bin/python benchmarks/bench.py --docs 1000 [--workers W] [--keep DIR] [--add-one] [--search]

In one run on one machine it

1. synthesises a corpus with benchmarks/synth.py (or reuses it from --keep DIR);
2. runs the generator (read+clean+extract, records, index, plan, render, write) with an
   empty extraction cache (cold) and again with the cache full (warm);
3. runs `build_site` (MkDocs through its Python API) on the generated tree;
4. with --trim CHARS, bounds the search index further (the build already fits it to
   generator/search_index.py's budget);
5. with --add-one, adds one new document to the warm corpus and times the rebuild;
6. with --search, opens the site in headless Chromium before and after trimming and
   times the first search result (benchmarks/search_bench.py).

Each part runs in its own Python process, so that its peak memory is its own: the peak
is the larger of the process's ru_maxrss, its children's (the extraction pool) and the
sum of the PSS of the whole process tree sampled every 50 ms (PSS counts the pages that
forked children share with their parent once). Times are wall-clock
seconds of the stage functions inside that process (interpreter start and imports
excluded; they are reported as `process_s`).

The last line is

    RESULT docs=N generator_cold_s=… generator_warm_s=… mkdocs_s=… overhead_cold=… overhead_warm=… peak_mb=…

with overhead = generator_s / mkdocs_s and peak_mb (MiB) the maximum over the parts.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
EPOCH = "1767225600"
"""SOURCE_DATE_EPOCH for the site builds (2026-01-01), so that builds are comparable."""
DEFAULT_TRIM = 0


# --------------------------------------------------------------------------- parts (child side)


def _part_generate(args: argparse.Namespace) -> dict:
    """generate(), timed stage by stage through the pipeline's progress hook."""
    import generator.pipeline as pipeline
    from generator.model import Level
    from generator.run.progress import Progress

    timings: dict[str, float] = defaultdict(float)
    rss_after: dict[str, float] = {}
    project = pipeline.Project.at(ROOT, source=args.source, out=args.out, work=args.work)
    if args.gc == "off":
        gc.disable()

    class Timing(Progress):
        @contextmanager
        def stage(self, name, total=None):
            start = time.perf_counter()
            try:
                yield lambda count: None
            finally:
                timings[name] += time.perf_counter() - start
                rss_after[name] = _current_rss_mb()
                if name == "extract" and args.gc == "freeze":
                    gc.freeze()

    start = time.perf_counter()
    outcome = _maybe_profiled(args.profile_to, lambda: pipeline.generate(project, workers=args.workers, progress=Timing()))
    total = time.perf_counter() - start
    timings["other"] = total - sum(seconds for name, seconds in timings.items() if name not in NESTED_STAGES)
    return {
        "seconds": total,
        "stages": dict(timings),
        "rss_after_mb": rss_after,
        "gc": args.gc,
        "documents": len(outcome.documents),
        "extracted": outcome.extracted,
        "from_cache": outcome.from_cache,
        "errors": sum(p.level is Level.ERROR for p in outcome.problems),
        "warnings": sum(p.level is Level.WARNING for p in outcome.problems),
        "first_problems": [str(p) for p in outcome.problems[:5]],
        "site_ready": outcome.site_ready,
        "markdown_files": sum(1 for _ in project.docs.rglob("*.md")),
    }


def _current_rss_mb() -> float:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _part_site(args: argparse.Namespace) -> dict:
    from generator.model import Level
    from generator.stages.site import build_site

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    start = time.perf_counter()
    problems = _maybe_profiled(args.profile_to, lambda: build_site(ROOT / "mkdocs.yml", args.work / "docs", args.out)).problems
    seconds = time.perf_counter() - start
    index = args.out / "search" / "search_index.json"
    return {
        "seconds": seconds,
        "errors": sum(p.level is Level.ERROR for p in problems),
        "warnings": sum(p.level is Level.WARNING for p in problems),
        "first_problems": [str(p) for p in problems[:5]],
        "html_files": sum(1 for _ in args.out.rglob("*.html")),
        "search_index_bytes": index.stat().st_size if index.is_file() else None,
    }


def _part_trim(args: argparse.Namespace) -> dict:
    from generator.stages.site.search_index import trim_search_index

    index = args.out / "search" / "search_index.json"
    before = index.stat().st_size
    entries_before = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
    start = time.perf_counter()
    trim_search_index(args.out, args.trim)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "bytes_before": before,
        "bytes_after": index.stat().st_size,
        "entries_before": entries_before,
        "entries_after": len(json.loads(index.read_text(encoding="utf-8"))["docs"]),
    }


def _maybe_profiled(target: Path | None, call):
    if target is None:
        return call()
    import cProfile

    profiler = cProfile.Profile()
    try:
        return profiler.runcall(call)
    finally:
        profiler.dump_stats(str(target))


PARTS = {"generate": _part_generate, "site": _part_site, "trim": _part_trim}


def run_part_here(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    result = PARTS[args.part](args)
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.update(
        maxrss_self_mb=own.ru_maxrss / 1024,
        maxrss_children_mb=children.ru_maxrss / 1024,
        cpu_s=own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        part_s=time.perf_counter() - start,
    )
    print("PART " + json.dumps(result))
    return 0


# --------------------------------------------------------------------------- parts (parent side)


class TreeSampler(threading.Thread):
    """The largest summed RSS of a process and all its descendants, sampled."""

    def __init__(self, pid: int, interval: float = 0.05, only: str | None = None, pss: bool = False):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.only = only
        """Count only processes whose name (/proc/PID/comm) contains this."""
        self.pss = pss
        """Proportional set size instead of RSS: memory shared between the processes counted once."""
        self.peak = 0
        self.page = os.sysconf("SC_PAGE_SIZE")
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, self._tree_rss())
            self._done.wait(self.interval)

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak / 2**20

    def _tree_rss(self) -> int:
        parents: dict[int, list[int]] = defaultdict(list)
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                parents[int(fields[1])].append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
        total, todo = 0, [self.pid]
        while todo:
            pid = todo.pop()
            todo.extend(parents.get(pid, ()))
            try:
                if self.only is not None:
                    with open(f"/proc/{pid}/comm") as handle:
                        if self.only not in handle.read():
                            continue
                if self.pss:
                    with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
                        line = next(line for line in handle if line.startswith(b"Pss:"))
                    total += int(line.split()[1]) * 1024
                    continue
                with open(f"/proc/{pid}/statm", "rb") as handle:
                    total += int(handle.read().split()[1]) * self.page
            except (OSError, IndexError, ValueError, StopIteration):
                continue
        return total


def busy_seconds() -> float:
    """CPU seconds spent by the whole machine (all cores) since boot, idle and iowait excluded."""
    with open("/proc/stat") as handle:
        fields = [int(value) for value in handle.readline().split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def wait_for_quiet(max_wait: float, threshold: float = 0.25) -> float:
    """Wait (at most `max_wait` s) until other processes use less than `threshold` of a core
    over two seconds; returns the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < max_wait:
        before = busy_seconds()
        time.sleep(2)
        if (busy_seconds() - before) / 2 < threshold:
            break
    return time.monotonic() - start


QUIET_WAIT = 0.0
"""Set by --wait-quiet: seconds to wait for a quiet machine before each part."""


def run_part(name: str, options: list[str], log: list[dict]) -> dict:
    command = [PYTHON, str(Path(__file__).resolve()), "--part", name, *options]
    waited = wait_for_quiet(QUIET_WAIT) if QUIET_WAIT else 0.0
    machine_before = busy_seconds()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    sampler = TreeSampler(process.pid, pss=True)
    sampler.start()
    stdout, _ = process.communicate()
    tree_mb = sampler.stop()
    wall = time.perf_counter() - start
    machine_cpu = busy_seconds() - machine_before
    if process.returncode != 0:
        raise SystemExit(f"part {name} failed with exit status {process.returncode}")
    line = next(line for line in reversed(stdout.splitlines()) if line.startswith("PART "))
    result = json.loads(line[5:])
    result.update(
        name=name,
        process_s=wall,
        tree_peak_mb=tree_mb,
        peak_mb=max(tree_mb, result["maxrss_self_mb"], result["maxrss_children_mb"]),
        load=os.getloadavg()[0],
        waited_s=waited,
    )
    result["others_cpu_s"] = max(0.0, machine_cpu - result["cpu_s"])
    """CPU time other processes on the machine used while this part ran: a measure of noise."""
    log.append(result)
    return result


# --------------------------------------------------------------------------- corpus


def corpus(workspace: Path, docs: int, seed: int) -> tuple[Path, Path, float | None]:
    """A corpus of `docs` documents plus the next (newest) one held out, synthesised
    once and reused; returns (folder, held-out file, seconds spent synthesising)."""
    folder = workspace / f"corpus-{docs}-s{seed}"
    extra = workspace / f"corpus-{docs}-s{seed}.extra"
    marker = folder / ".complete"
    if marker.is_file():
        return folder, next(extra.glob("*.txt")), None
    sys.path.insert(0, str(HERE))
    import synth

    for made in (folder, extra):  # a half-made corpus of an interrupted run is made again; nothing else is removed
        if made.exists() and not (made / ".synthesising").is_file():
            raise SystemExit(f"refused: {made} exists and was not made by this benchmark; choose another --keep folder")
        shutil.rmtree(made, ignore_errors=True)
        made.mkdir(parents=True)
        (made / ".synthesising").write_text("being synthesised by benchmarks/bench.py\n")
    start = time.perf_counter()
    documents = list(synth.synthesise(docs + 1, seed))
    for position, (name, text) in enumerate(documents):
        target = extra if position == len(documents) - 1 else folder
        (target / name).write_bytes(text.encode("utf-8"))
    seconds = time.perf_counter() - start
    marker.write_text(f"docs={docs} seed={seed}\n")
    for made in (folder, extra):
        (made / ".synthesising").unlink()
    return folder, next(extra.glob("*.txt")), seconds


def link_tree(corpus_folder: Path, source: Path) -> None:
    """The generator's source folder: hard links to the corpus (links are plain files)."""
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    for path in sorted(corpus_folder.glob("*.txt")):
        _link(path, source / path.name)


def _link(path: Path, target: Path) -> None:
    try:
        os.link(path, target)
    except OSError:
        shutil.copyfile(path, target)


# --------------------------------------------------------------------------- report


NESTED_STAGES = {"extracting"}
"""Stages that run inside another one (the pool inside "extract")."""
STAGE_GROUPS = [
    ("read+clean+extract", ("vocabulary", "discover", "extract")),
    ("records", ("records",)),
    ("index", ("index",)),
    ("plan", ("plan",)),
    ("pages", ("pages",)),
    ("feeds+exports", ("feeds+exports",)),
    ("write", ("write",)),
    ("other", ("other",)),
]


def stage_line(result: dict) -> str:
    stages = result["stages"]
    parts = [f"{label}={sum(stages.get(k, 0.0) for k in keys):.2f}" for label, keys in STAGE_GROUPS]
    return " ".join(parts)


def describe(result: dict) -> str:
    keys = [
        "seconds", "process_s", "cpu_s", "others_cpu_s", "peak_mb", "tree_peak_mb", "maxrss_self_mb",
        "maxrss_children_mb", "load",
    ]
    text = " ".join(f"{k}={result[k]:.2f}" for k in keys if isinstance(result.get(k), (int, float)))
    extra = {
        k: result[k]
        for k in ("documents", "extracted", "from_cache", "errors", "warnings", "markdown_files", "html_files",
                  "search_index_bytes")
        if k in result
    }
    return f"{text} {' '.join(f'{k}={v}' for k, v in extra.items())}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark the generator beside MkDocs on a synthetic corpus.",
        epilog=(
            "examples:\n"
            "  .venv/bin/python benchmarks/bench.py --docs 500\n"
            "  .venv/bin/python benchmarks/bench.py --docs 1000 --add-one --search --keep /tmp/bench\n"
            "  .venv/bin/python benchmarks/bench.py --docs 1000 --workers 1 --keep /tmp/bench"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--docs", type=int, help="number of documents in the corpus")
    parser.add_argument("--workers", type=int, help="extraction processes (default: all cores)")
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it (corpus reused on the next run)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--add-one", action="store_true", help="also time adding one document to the warm corpus")
    parser.add_argument("--search", action="store_true", help="time the first search result in headless Chromium")
    parser.add_argument(
        "--trim", type=int, default=DEFAULT_TRIM, metavar="CHARS",
        help=f"bound the search index to CHARS of text per page (default {DEFAULT_TRIM}; 0: do not trim)",
    )
    parser.add_argument(
        "--profile", action="store_true",
        help="profile (cProfile) the cold generator (run with workers 1), the warm generator and MkDocs",
    )
    parser.add_argument("--query", action="append", help="search query for --search (repeatable)")
    parser.add_argument(
        "--generator-only", action="store_true",
        help="experiments: run only the generator (cold, warm); last line GENERATOR ... instead of RESULT",
    )
    parser.add_argument(
        "--wait-quiet", type=float, default=0.0, metavar="SECONDS",
        help="before each part, wait up to SECONDS until other processes use < 25%% of a core (shared machines)",
    )
    # Internal: run one part in this process.
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--gc", choices=("on", "freeze", "off"), default="on",
        help="experiment: Python's cyclic GC in the generator as is (on), frozen after extraction, or off",
    )
    args = parser.parse_args(argv)
    if args.part:
        return run_part_here(args)
    if not args.docs or args.docs < 1:
        parser.error("--docs N is required (N >= 1)")
    from generator.run.pool import default_workers

    global QUIET_WAIT
    QUIET_WAIT = args.wait_quiet

    workers = args.workers or default_workers()
    workspace = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="bench-"))
    workspace.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args, workspace, workers)
    finally:
        if not args.keep:
            shutil.rmtree(workspace, ignore_errors=True)


def _run(args: argparse.Namespace, workspace: Path, workers: int) -> int:
    log: list[dict] = []
    corpus_folder, held_out, synth_s = corpus(workspace, args.docs, args.seed)
    size = sum(p.stat().st_size for p in corpus_folder.glob("*.txt"))
    print(
        f"corpus: {args.docs} documents, {size / 1e6:.1f} MB, seed {args.seed}, in {corpus_folder}"
        + (f" (synthesised in {synth_s:.1f} s)" if synth_s is not None else " (reused)"),
        flush=True,
    )
    print(
        f"machine: {os.cpu_count()} cores, {_mem_total_gib():.1f} GiB, Python {sys.version.split()[0]}, "
        f"{_versions()}, workers={workers}, load={os.getloadavg()[0]:.2f}",
        flush=True,
    )
    source, work, site = workspace / "source", workspace / "work", workspace / "site"
    link_tree(corpus_folder, source)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    common = ["--source", str(source), "--work", str(work), "--out", str(site)]
    profile = ["--profile-to", str(workspace / "profile-generate-cold.prof")] if args.profile else []
    cold_workers = 1 if args.profile else workers

    common_generate = [*common, "--gc", args.gc]
    cold = run_part("generate", [*common_generate, "--workers", str(cold_workers), *profile], log)
    print(f"generator cold: {describe(cold)}\n  stages: {stage_line(cold)}", flush=True)
    _check(cold)
    profile = ["--profile-to", str(workspace / "profile-generate-warm.prof")] if args.profile else []
    warm = run_part("generate", [*common_generate, "--workers", str(workers), *profile], log)
    print(f"generator warm: {describe(warm)}\n  stages: {stage_line(warm)}", flush=True)
    _check(warm)
    if args.generator_only:
        _save(workspace, args, workers, log, "generator")
        print(
            f"GENERATOR docs={args.docs} generator_cold_s={cold['seconds']:.2f} generator_warm_s={warm['seconds']:.2f}"
            f" peak_mb={max(cold['peak_mb'], warm['peak_mb']):.0f} gc={args.gc}",
            flush=True,
        )
        return 0
    profile = ["--profile-to", str(workspace / "profile-mkdocs.prof")] if args.profile else []
    mkdocs = run_part("site", [*common, *profile], log)
    print(f"mkdocs build:   {describe(mkdocs)}", flush=True)
    if mkdocs["errors"]:
        print(f"  problems: {mkdocs['first_problems']}", flush=True)

    if args.search:
        _search(site, "full", args.query, log)
    if args.trim:
        trim = run_part("trim", [*common, "--trim", str(args.trim)], log)
        print(
            f"TRIM chars={args.trim} seconds={trim['seconds']:.2f} bytes {trim['bytes_before']} -> {trim['bytes_after']}"
            f" entries {trim['entries_before']} -> {trim['entries_after']} peak_mb={trim['peak_mb']:.0f}",
            flush=True,
        )
        if args.search:
            _search(site, f"trimmed-{args.trim}", args.query, log)

    if args.add_one:
        _link(held_out, source / held_out.name)
        added_generate = run_part("generate", [*common_generate, "--workers", str(workers)], log)
        added_site = run_part("site", common, log)
        added_trim = run_part("trim", [*common, "--trim", str(args.trim)], log) if args.trim else None
        print(f"add one, generator: {describe(added_generate)}\n  stages: {stage_line(added_generate)}", flush=True)
        print(f"add one, mkdocs:    {describe(added_site)}", flush=True)
        print(
            f"INCREMENTAL docs={args.docs}+1 generator_s={added_generate['seconds']:.2f}"
            f" extracted={added_generate['extracted']} from_cache={added_generate['from_cache']}"
            f" mkdocs_s={added_site['seconds']:.2f}"
            + (f" trim_s={added_trim['seconds']:.2f}" if added_trim else "")
            + f" total_s={added_generate['seconds'] + added_site['seconds'] + (added_trim['seconds'] if added_trim else 0):.2f}",
            flush=True,
        )
        (source / held_out.name).unlink()

    if args.profile:
        _print_profile(workspace / "profile-generate-cold.prof", "generator, cold, workers 1")
        _print_profile(workspace / "profile-generate-warm.prof", "generator, warm")
        _print_profile(workspace / "profile-mkdocs.prof", "MkDocs build_site")

    _save(workspace, args, workers, log, "profile" if args.profile else None)
    generator_parts = [r for r in log if r["name"] in ("generate", "site", "trim")]
    peak = max(r["peak_mb"] for r in generator_parts)
    print(
        f"WHOLE BUILD cold_s={cold['seconds'] + mkdocs['seconds']:.2f} warm_s={warm['seconds'] + mkdocs['seconds']:.2f}"
        f" cold_cpu_s={cold['cpu_s'] + mkdocs['cpu_s']:.2f}",
        flush=True,
    )
    print(
        f"RESULT docs={args.docs} generator_cold_s={cold['seconds']:.2f} generator_warm_s={warm['seconds']:.2f}"
        f" mkdocs_s={mkdocs['seconds']:.2f} overhead_cold={cold['seconds'] / mkdocs['seconds']:.3f}"
        f" overhead_warm={warm['seconds'] / mkdocs['seconds']:.3f} peak_mb={peak:.0f}",
        flush=True,
    )
    return 0


def _save(workspace: Path, args: argparse.Namespace, workers: int, log: list[dict], kind: str | None) -> None:
    """The parts' figures as JSON: bench-<docs>-w<workers>[-<kind>]-<UTC time>.json."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    name = "-".join(part for part in (f"bench-{args.docs}", f"w{workers}", kind, stamp) if part)
    (workspace / f"{name}.json").write_text(json.dumps({"argv": sys.argv[1:], "parts": log}, indent=1))


def _check(result: dict) -> None:
    if result["errors"] or not result["site_ready"]:
        print(f"  problems: {result['first_problems']}", flush=True)


def _search(site: Path, label: str, queries: list[str] | None, log: list[dict]) -> None:
    command = [PYTHON, str(HERE / "search_bench.py"), "--site", str(site), "--label", label]
    for query in queries or ["Japan"]:
        command += ["--query", query]
    process = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    lines = [line for line in process.stdout.splitlines() if line.startswith("SEARCH ")]
    for line in lines:
        print(line, flush=True)
    if process.returncode != 0:
        print(f"SEARCH variant={label} failed with exit status {process.returncode}", flush=True)


def _print_profile(path: Path, title: str) -> None:
    import pstats

    if not path.is_file():
        return
    print(f"--- profile: {title} (top 25 by cumulative time)", flush=True)
    stats = pstats.Stats(str(path), stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(25)
    print(f"--- profile: {title} (top 25 by own time)", flush=True)
    stats.sort_stats("tottime").print_stats(25)


def _mem_total_gib() -> float:
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    return 0.0


def _versions() -> str:
    from importlib.metadata import version

    return " ".join(f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material"))


if __name__ == "__main__":
    sys.exit(main())
