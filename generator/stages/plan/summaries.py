"""Counts for the lists of hub pages."""

from __future__ import annotations

from collections import Counter

from generator.model.pages import Counted


def counted(counts: Counter, labels: dict, paths: dict) -> list[Counted]:
    """Most frequent first, then by label."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]].casefold()))
    return [Counted(label=labels[key], path=paths[key], count=count) for key, count in ordered]
