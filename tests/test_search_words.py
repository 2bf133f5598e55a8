"""The index words of the search data are kept between builds by each text's digest and
give exactly what tokenising the text again gives."""

from __future__ import annotations

from collections import Counter

from generator.stages.site.search_build import build_search_data
from generator.stages.site.search_text import index_words
from generator.stages.site.search_words import WordCounts

TEXT = "De ministers bespraken de Joint Expeditionary Force en Kamerstuk 21501-28, nr. 135 in Brussel."
ENTRIES = [
    {"location": "onderwerpen/jef/", "title": "Joint Expeditionary Force", "text": f"<p>{TEXT}</p>"},
    {"location": "tijdlijn/2021/", "title": "2021", "text": "<p>Brieven uit 2021 over de NAVO-top.</p>"},
]


def test_counts_are_those_of_the_text_and_are_taken_from_the_last_build():
    first = WordCounts(lambda key: None)
    assert first(TEXT) == Counter(index_words(TEXT))
    asked = []

    def stored(key):
        asked.append(key)
        return first.used.get(key)

    again = WordCounts(stored)
    assert again(TEXT) == Counter(index_words(TEXT))
    assert asked and again.used == first.used


def test_a_damaged_stored_entry_is_counted_again():
    counts = WordCounts(lambda key: b"not zlib")
    assert counts(TEXT) == Counter(index_words(TEXT))


def test_search_data_with_kept_words_is_the_same_as_without():
    plain = build_search_data(ENTRIES, [], 300, 20_000)
    first = WordCounts(lambda key: None)
    assert build_search_data(ENTRIES, [], 300, 20_000, first) == plain
    assert build_search_data(ENTRIES, [], 300, 20_000, WordCounts(first.used.get)) == plain
