"""One function over many items, in a process pool when there are enough of them."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

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
) -> list[Result]:
    """`function(item, shared)` for every item, in order. `function` must be a module-level
    function; `shared` (the compiled vocabulary, say) is handed to each process once."""
    if workers <= 1 or len(items) < workers * MIN_ITEMS_PER_WORKER:
        results = []
        for item in items:
            results.append(function(item, shared))
            tick(1)
        return results
    chunk = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(function, shared)) as pool:
        results = []
        for result in pool.map(_call, items, chunksize=chunk):
            results.append(result)
            tick(1)
        return results


_worker: tuple[Callable[[Any, Any], Any], Any] | None = None


def _start_worker(function: Callable[[Any, Any], Any], shared: Any) -> None:
    global _worker
    _worker = (function, shared)


def _call(item: Any) -> Any:
    assert _worker is not None
    function, shared = _worker
    return function(item, shared)
