"""Progress bars on a terminal (tqdm); silent in CI, in pipes and with -q."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm

Tick = Callable[[int], object]


class Progress:
    """Told of every stage the pipeline runs; reports nothing. The hook for progress
    displays and for the benchmark's timings."""

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Tick]:
        """Around one stage; `total`: how many items it will tick off, when it counts them."""
        yield lambda count: None


BARS = {"extracting": "Extractie", "pages": "Pagina's"}
"""The stages long enough to show a bar for, with their Dutch labels."""


class TerminalProgress(Progress):
    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Tick]:
        if name not in BARS or total is None:
            yield lambda count: None
            return
        with tqdm(total=total, desc=BARS[name], unit="doc", file=sys.stderr, leave=False) as bar:
            yield bar.update


def progress_for(quiet: bool) -> Progress:
    """A bar when a person watches a terminal; nothing in CI, in a pipe or with -q."""
    watching = sys.stderr.isatty() and not os.environ.get("CI")
    return TerminalProgress() if watching and not quiet else Progress()
