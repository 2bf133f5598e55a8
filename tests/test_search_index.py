"""The search index stays usable as the archive grows: small indexes are kept whole,
large ones are trimmed to a budget, one entry per page."""

from __future__ import annotations

import json

from generator.search_index import MIN_EXCERPT, fit_search_index, trim_search_index


def write_index(site, pages: int, words: int) -> None:
    docs = []
    for number in range(pages):
        location = f"documenten/doc-{number}/"
        body = " ".join(f"woord{number}x{i}" for i in range(words))
        docs.append({"location": location, "title": f"Document {number}", "text": f"<p>{body}</p>", "tags": ["Japan"]})
        docs.append({"location": f"{location}#inhoud", "title": "Inhoud", "text": f"<p>{body} &amp; meer</p>", "tags": ["Japan"]})
    folder = site / "search"
    folder.mkdir(parents=True)
    data = {"config": {"lang": ["nl"]}, "docs": docs}
    (folder / "search_index.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "search_index.js").write_text("var __index = " + json.dumps(data), encoding="utf-8")


def entries(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_a_small_index_is_kept_whole(tmp_path):
    write_index(tmp_path, pages=5, words=50)
    before = (tmp_path / "search" / "search_index.json").read_bytes()
    assert fit_search_index(tmp_path, budget=1_000_000) is None
    assert (tmp_path / "search" / "search_index.json").read_bytes() == before


def test_a_large_index_is_trimmed_to_the_budget(tmp_path):
    write_index(tmp_path, pages=300, words=400)
    bound = fit_search_index(tmp_path, budget=400_000)
    assert bound is not None and bound >= MIN_EXCERPT
    index = tmp_path / "search" / "search_index.json"
    assert index.stat().st_size <= 400_000 * 1.05
    docs = entries(tmp_path)
    assert [d["location"] for d in docs] == [f"documenten/doc-{n}/" for n in range(300)]
    assert all(len(d["text"]) <= bound and d["tags"] == ["Japan"] for d in docs)
    assert docs[7]["title"] == "Document 7" and docs[7]["text"].startswith("woord7x0 woord7x1")
    script = (tmp_path / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("var __index = "))["docs"] == docs


def test_trimming_twice_changes_nothing(tmp_path):
    write_index(tmp_path, pages=20, words=100)
    trim_search_index(tmp_path, 120)
    once = (tmp_path / "search" / "search_index.json").read_bytes()
    trim_search_index(tmp_path, 120)
    assert (tmp_path / "search" / "search_index.json").read_bytes() == once
