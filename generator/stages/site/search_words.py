"""The index words of each page's text, kept from one build to the next.

Tokenising and stemming every page's text is most of what the archive's search data costs
to make (search_build.build_search_data); a page whose text did not change gives the same
words. `WordCounts` gives the counts of a text's index words, taken from the last build
when that build indexed the very same text (found by its SHA-256), and keeps what this
build used (zlib-compressed JSON) for the page store to write.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Callable

from generator.stages.site.search_text import index_words


class WordCounts:
    def __init__(self, stored: Callable[[bytes], bytes | None]) -> None:
        self._stored = stored
        self.used: dict[bytes, bytes] = {}
        """What this build indexed: text SHA-256 -> packed counts."""

    def __call__(self, text: str) -> dict[str, int]:
        key = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).digest()
        packed = self.used.get(key) or self._stored(key)
        counts = _unpacked(packed) if packed is not None else None
        if counts is None:
            counts = Counter(index_words(text))
            packed = zlib.compress(json.dumps(counts, ensure_ascii=False).encode("utf-8"), 1)
        self.used[key] = packed
        return counts


def _unpacked(packed: bytes) -> dict[str, int] | None:
    try:
        counts = json.loads(zlib.decompress(packed))
    except (zlib.error, ValueError):
        return None
    return counts if isinstance(counts, dict) else None
