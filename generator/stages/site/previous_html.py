"""A reused page's HTML, taken from the previous site when it is the file recorded for it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mkdocs.exceptions import PluginError


def recorded_html(path: Path, sha: str) -> os.stat_result | None:
    """The file's state when `path` holds the HTML whose SHA-256 is `sha`."""
    try:
        with path.open("rb") as handle:
            found = os.fstat(handle.fileno())
            data = handle.read()
    except OSError:
        return None
    return found if hashlib.sha256(data).hexdigest() == sha else None


def previous_html(path: Path, found: os.stat_result) -> str:
    """The HTML `recorded_html` checked, as long as the file was not touched since."""
    try:
        data = path.read_bytes()
        now = path.stat()
    except OSError as exc:
        raise PluginError(f"{path} disappeared while the site was built; build again") from exc
    if (now.st_ino, now.st_size, now.st_mtime_ns) != (found.st_ino, found.st_size, found.st_mtime_ns):
        raise PluginError(f"{path} changed while the site was built; build again")
    return data.decode("utf-8")
