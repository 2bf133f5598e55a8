"""Readable, stable URL slugs."""

from __future__ import annotations

import re
import unicodedata

NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """"Verenigd Koninkrijk" -> "verenigd-koninkrijk", "Oekraïne" -> "oekraine"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return NON_SLUG.sub("-", ascii_text.lower()).strip("-")
