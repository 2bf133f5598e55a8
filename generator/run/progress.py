"""Progress bars on a terminal (tqdm); silent in CI, in pipes and with -q."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm

Tick = Callable[[int], object]


class Progress:
    """Reports nothing; the base for a progress display."""

    @contextmanager
    def stage(self, label: str, total: int) -> Iterator[Tick]:
        yield lambda count: None


class TerminalProgress(Progress):
    @contextmanager
    def stage(self, label: str, total: int) -> Iterator[Tick]:
        with tqdm(total=total, desc=label, unit="doc", file=sys.stderr, leave=False) as bar:
            yield bar.update


def progress_for(quiet: bool) -> Progress:
    """A bar when a person watches a terminal; nothing in CI, in a pipe or with -q."""
    watching = sys.stderr.isatty() and not os.environ.get("CI")
    return TerminalProgress() if watching and not quiet else Progress()
