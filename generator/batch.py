"""read -> clean -> extract -> sidecar for many files, in a process pool when it pays."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .clean import clean
from .extract import Lexicon, compile_lexicon, extract
from .model import Document, Problem
from .overrides import apply_sidecar, sidecar_for
from .readers import MAX_BYTES, read
from .records import to_yaml
from .vocabulary import load_vocabulary

Result = tuple[Document | None, list[Problem]]
MIN_FILES_PER_WORKER = 8
"""Below this, starting processes costs more than it saves."""


def process(path: Path, lexicon: Lexicon, display: str | None = None, max_bytes: int = MAX_BYTES) -> Result:
    """One file: read, clean, extract, then apply the sidecar a person wrote."""
    source, problems = read(path, display, max_bytes)
    if source is None:
        return None, problems
    cleaned = clean(source)
    record, extract_problems = extract(cleaned, lexicon)
    problems += extract_problems
    sidecar = sidecar_for(path)
    if sidecar is not None:
        shown = str(Path(display or path).with_name(sidecar.name))
        record, sidecar_problems = apply_sidecar(record, sidecar, lexicon, shown)
        problems += sidecar_problems
    # The raw pages are not needed after cleaning; at thousands of documents they cost
    # hundreds of megabytes in memory and in the cache.
    kept = dataclasses.replace(cleaned, source=dataclasses.replace(cleaned.source, pages=()))
    return Document(record=record, clean=kept, record_yaml=to_yaml(record)), problems


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def process_many(
    jobs: list[tuple[Path, str, int]],
    lexicon: Lexicon,
    vocabulary: Path,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[Result]:
    """Results in the order of `jobs` (path, name to show, size limit); `workers` > 1 uses
    that many processes."""
    if workers <= 1 or len(jobs) < workers * MIN_FILES_PER_WORKER:
        results = []
        for path, display, max_bytes in jobs:
            results.append(process(path, lexicon, display, max_bytes))
            if progress:
                progress(1)
        return results
    chunk = max(1, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(vocabulary,)) as pool:
        results = []
        for result in pool.map(_process_in_worker, jobs, chunksize=chunk):
            results.append(result)
            if progress:
                progress(1)
        return results


_worker_lexicon: Lexicon | None = None


def _start_worker(vocabulary: Path) -> None:
    global _worker_lexicon
    _worker_lexicon = compile_lexicon(load_vocabulary(vocabulary)[0])


def _process_in_worker(job: tuple[Path, str, int]) -> Result:
    assert _worker_lexicon is not None
    return process(job[0], _worker_lexicon, job[1], job[2])
