"""The build's date, taken from its newest document, so that builds are reproducible."""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from generator.model import Document


@contextmanager
def source_date_epoch(documents: Iterable[Document]) -> Iterator[None]:
    """Date the build by its newest document, unless SOURCE_DATE_EPOCH is set, so that
    two builds of the same inputs are byte-identical (sitemap included)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    dates = [document.record.date for document in documents if document.record.date]
    newest = max(dates, default=dt.date(1980, 1, 1))
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(newest.timetuple()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
