"""read -> clean -> extract -> sidecar for many files, in a process pool when it pays."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from generator.run.extraction_cache import Entries, Result
from generator.stages.clean import clean
from generator.stages.extract import Lexicon, compile_lexicon, extract
from generator.model import CleanDocument, Document, Text
from generator.stages.merge import apply_sidecar, sidecar_for
from generator.stages.read import MAX_BYTES, read
from generator.model.records import to_yaml
from generator.vocabulary.load import load_vocabulary

Job = tuple[Path, str, int, str | None]
"""A file, its name as shown, the size limit, and its cache key (None: not cached)."""
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
    return Document(record, source.path, held_text(kept), to_yaml(record)), problems


def held_text(clean: CleanDocument) -> Text:
    """A text kept in memory."""
    digest = hashlib.blake2b(pickle.dumps(clean, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20)
    return Text(digest.hexdigest(), partial(_itself, clean))


def _itself(clean: CleanDocument) -> CleanDocument:
    return clean


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def process_many(
    jobs: list[Job],
    lexicon: Lexicon,
    vocabulary: Path,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    store: Entries | None = None,
) -> list[Result]:
    """Results in the order of `jobs`; `workers` > 1 uses that many processes. Jobs with
    a key are put in `store` where they are made, and come back with their text there."""
    if workers <= 1 or len(jobs) < workers * MIN_FILES_PER_WORKER:
        results = []
        for job in jobs:
            results.append(_process_and_store(job, lexicon, store))
            if progress:
                progress(1)
        return results
    chunk = max(1, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(vocabulary, store)) as pool:
        results = []
        for result in pool.map(_process_in_worker, jobs, chunksize=chunk):
            results.append(result)
            if progress:
                progress(1)
        return results


def _process_and_store(job: Job, lexicon: Lexicon, store: Entries | None) -> Result:
    path, display, max_bytes, key = job
    result = process(path, lexicon, display, max_bytes)
    return store.put(key, result) if store is not None and key is not None else result


_worker: tuple[Lexicon, Entries | None] | None = None


def _start_worker(vocabulary: Path, store: Entries | None) -> None:
    global _worker
    _worker = (compile_lexicon(load_vocabulary(vocabulary)[0]), store)


def _process_in_worker(job: Job) -> Result:
    assert _worker is not None
    return _process_and_store(job, *_worker)
