"""Questions about files that must not stop a build."""

from __future__ import annotations

from pathlib import Path


def is_existing_file(path: Path) -> bool:
    """True when `path` is a file; False as well when the name is too long for the file
    system or a folder on the way cannot be read, since no such file can then be used."""
    try:
        return path.is_file()
    except OSError:
        return False
