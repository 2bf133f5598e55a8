"""Every id each document was published under, kept in the work folder across builds.

An id, once published, keeps leading to its document: when a better extractor, a sidecar
or an edit gives a document a new id, its former address becomes a redirect to the new
one. The registry only remembers (it never decides an id), so losing it loses nothing
but redirects for changes made before it was lost.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from generator.model import Document, Problem, warning

REGISTRY_NAME = "ids.json"


def redirects(documents: Iterable[Document], work: Path) -> tuple[dict[str, str], list[Problem]]:
    """{former id: current id} for the documents of this build; the registry is updated."""
    path = work / REGISTRY_NAME
    known, problems = _load(path)
    documents = list(documents)
    current = {document.record.id for document in documents}
    moved: dict[str, str] = {}
    for document in documents:
        record = document.record
        ids = set(known.get(record.source, ())) | set(record.former_ids)
        for former in sorted(ids - current):  # an id in use by a document is that document's
            moved.setdefault(former, record.id)
        known[record.source] = sorted(ids | {record.id})
    try:
        _save(path, known)
    except OSError as exc:
        problems.append(
            warning(path, f"could not be saved ({exc.strerror}); ids changed in this build are not remembered")
        )
    return dict(sorted(moved.items())), problems


def _load(path: Path) -> tuple[dict[str, list[str]], list[Problem]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, ValueError) as exc:
        return {}, [warning(path, f"could not be read ({exc}); it is started anew")]
    if not isinstance(data, dict) or not all(isinstance(ids, list) for ids in data.values()):
        return {}, [warning(path, "is not a mapping of documents to lists of ids; it is started anew")]
    return {str(source): [str(i) for i in ids] for source, ids in data.items()}, []


def _save(path: Path, known: dict[str, list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    scratch.write_text(json.dumps(dict(sorted(known.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(scratch, path)
