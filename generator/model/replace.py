"""Character replacement for long texts."""

from __future__ import annotations


def replace_each(text: str, replacements: tuple[tuple[str, str], ...]) -> str:
    """What `str.translate` does, an order of magnitude faster on paragraphs (it looks up
    every character in a dict): each character present is replaced in turn, so no
    replacement may contain a character replaced after it."""
    for char, replacement in replacements:
        if char in text:
            text = text.replace(char, replacement)
    return text
