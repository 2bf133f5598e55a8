"""A record together with the cleaned text it came from."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.model.record import Record
from generator.model.text import CleanDocument


@dataclass(frozen=True)
class Text:
    """A document's cleaned text, loaded when asked for: with thousands of documents only
    their records stay in memory, and a page whose text is unchanged never loads it."""

    digest: str
    """Changes whenever the cleaned text does."""
    load: Callable[[], CleanDocument]


@dataclass(frozen=True)
class Document:
    """A record together with the cleaned text it was extracted from."""

    record: Record
    source: Path
    """The file as read."""
    text: Text
    record_digest: str
    """Changes whenever the record does: made once where the record is made, so that a
    build in which nothing changed need not look at each record again."""

    @property
    def clean(self) -> CleanDocument:
        """Raises TextUnavailable when the stored text cannot be read."""
        return self.text.load()


def held_text(clean: CleanDocument) -> Text:
    """A text kept in memory, with a digest of all of it."""
    digest = hashlib.blake2b(pickle.dumps(clean, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20)
    return Text(digest.hexdigest(), partial(_itself, clean))


def _itself(clean: CleanDocument) -> CleanDocument:
    return clean


class TextUnavailable(Exception):
    """A document's cleaned text could not be loaded (its stored copy is damaged or gone)."""
