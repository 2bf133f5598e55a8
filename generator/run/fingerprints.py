"""Digests that change whenever the generator's code or a folder of inputs changes."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from generator import __version__

PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_fingerprint() -> str:
    """Changes whenever any module of the generator changes (read once per process)."""
    digest = hashlib.sha256(__version__.encode())
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(module.relative_to(PACKAGE)).encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()


def folder_fingerprint(folder: Path) -> str:
    """Changes whenever a file under `folder` is added, removed, renamed or edited."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
