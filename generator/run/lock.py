"""One run at a time per work folder: a second build, archive or serve regeneration in
the same folder stops at once with a message naming the first."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Busy(Exception):
    """Another run holds the work folder."""


@contextmanager
def exclusive(work: Path) -> Iterator[None]:
    """Hold `work`/.lock for the duration; raises Busy when another process holds it."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / ".lock"
    handle = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise Busy(f"another run is using '{work}' ({holder}); wait for it to finish") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()
