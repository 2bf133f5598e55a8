"""The publisher's metadata file beside a document: `<name>.metadata.xml`, or `metadata.xml`
in a folder that holds that one document, as the official publication site delivers
them (`<metadata name="DC.identifier" content="kst-33279-13"/>`, ...).

Read with a pattern rather than an XML parser: only the name and content of `metadata`
elements matter, the file is small, and nothing in it (entities, includes) is expanded.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.model import Problem, warning
from generator.model.files import is_existing_file

METADATA_SUFFIX = ".metadata.xml"
SHARED_NAME = "metadata.xml"
MAX_BYTES = 1_000_000
ELEMENT = re.compile(r"<metadata\b([^<>]{0,4000})/?>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""\b(name|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def metadata_file_for(document: Path, is_document) -> Path | None:
    """The metadata file that belongs to `document`, if there is one."""
    own = document.with_name(document.stem + METADATA_SUFFIX)
    if is_existing_file(own):
        return own
    shared = document.with_name(SHARED_NAME)
    try:
        if is_existing_file(shared) and [p for p in document.parent.iterdir() if is_document(p)] == [document]:
            return shared
    except OSError:
        return None
    return None


def read_metadata(path: Path, shown: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """(name, content) pairs of the file's `metadata` elements, first of each name kept."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return (), [warning(shown, f"is larger than {MAX_BYTES // 1_000_000} MB; its metadata is not read", "metadata")]
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        return (), [warning(shown, f"cannot be read ({exc.strerror or exc}); the document is read without it", "metadata")]
    found: dict[str, str] = {}
    for element in ELEMENT.finditer(text):
        attributes = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
                      for m in ATTRIBUTE.finditer(element.group(1))}
        if attributes.get("name") and attributes.get("content") is not None:
            found.setdefault(attributes["name"], " ".join(html.unescape(attributes["content"]).split()))
    if not found:
        return (), [warning(shown, "holds no <metadata name=... content=...> elements", "metadata")]
    return tuple(found.items()), []
