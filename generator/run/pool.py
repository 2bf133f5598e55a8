"""One function over many items, in a process pool when there are enough of them."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from generator.run.limits import die_with_parent
from generator.run.progress import Tick

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_PER_WORKER = 8
"""Below this, starting processes costs more than it saves."""


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def map_items(
    function: Callable[[Item, Any], Result],
    items: Sequence[Item],
    shared: Any,
    workers: int = 1,
    tick: Tick = lambda count: None,
    min_per_worker: int = MIN_ITEMS_PER_WORKER,
) -> list[Result]:
    """`function(item, shared)` for every item, in order. `function` must be a module-level
    function; `shared` (the compiled vocabulary, the planned pages) is handed to each
    process once: forked processes inherit it, so it is never pickled, and the items can
    be small (positions in a shared list)."""
    if workers <= 1 or len(items) < workers * min_per_worker or not _can_fork():
        results = []
        for item in items:
            results.append(function(item, shared))
            tick(1)
        return results
    chunk = max(1, len(items) // (workers * 8))
    context = multiprocessing.get_context("fork")
    # What the children inherit is moved out of the collector's sight: otherwise each of
    # its passes in a child walks (and so copies) every inherited object. At 10,000
    # documents this is what keeps a build with nothing changed as fast as before.
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(function, shared)) as pool:
            results = []
            for result in pool.map(_call, items, chunksize=chunk):
                results.append(result)
                tick(1)
            return results
    finally:
        gc.unfreeze()


def map_positions(
    function: Callable[[int, Any], Result],
    count: int,
    shared: Any,
    workers: int = 1,
    tick: Tick = lambda count: None,
    min_per_worker: int = MIN_ITEMS_PER_WORKER,
) -> list[Result]:
    """`function(n, shared)` for n in range(count), in order. Each process takes every
    `workers`-th position in one task (neighbouring items cost alike, so the shares are
    even), so nothing but the results passes between the processes."""
    shares = workers if workers > 1 and count >= workers * min_per_worker else 1
    jobs = [(function, share, shares, count) for share in range(shares)]
    parts = map_items(_share, jobs, shared, shares, lambda done: None, min_per_worker=1)
    for part in parts:
        tick(len(part))
    return [parts[n % shares][n // shares] for n in range(count)]


def _share(job: tuple[Callable[[int, Any], Any], int, int, int], shared: Any) -> list:
    function, share, shares, count = job
    return [function(n, shared) for n in range(share, count, shares)]


def _can_fork() -> bool:
    """A process with other threads (the `serve` loop) must not fork."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


_worker: tuple[Callable[[Any, Any], Any], Any] | None = None


def _start_worker(function: Callable[[Any, Any], Any], shared: Any) -> None:
    die_with_parent()
    global _worker
    _worker = (function, shared)


def _call(item: Any) -> Any:
    assert _worker is not None
    function, shared = _worker
    return function(item, shared)
