"""Whether the site left by the last build is still the one these inputs give.

When the generated Markdown (every file's path, size, modification time and inode: the
generator replaces a file only when its content changed), the settings, the redirects
and the build date are as they were at the last successful build, and the site folder
holds the very files that build left, building again would give the same bytes: the
build is then skipped, and the messages of the last one are given again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def inputs_state(docs: Path, settings: dict[str, str], redirects: dict[str, str] | None) -> str:
    return hashlib.sha256(json.dumps(
        [_files_state(docs), settings, sorted((redirects or {}).items()), os.environ.get("SOURCE_DATE_EPOCH")],
        sort_keys=True,
    ).encode("utf-8")).hexdigest()


def site_state(out: Path) -> str:
    return hashlib.sha256(json.dumps(_files_state(out)).encode("utf-8")).hexdigest()


def _files_state(folder: Path) -> list:
    found = []
    for directory, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path, follow_symlinks=False)
            except OSError:
                continue
            found.append((os.path.relpath(path, folder), stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return found
