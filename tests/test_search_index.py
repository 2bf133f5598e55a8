"""The search index stays usable as the archive grows: small indexes are kept whole,
large ones are trimmed to a budget, one entry per page."""

from __future__ import annotations

import json

from conftest import ROOT

from generator.stages.site import build_site
from generator.stages.site.search_index import (
    MIN_EXCERPT,
    TRIM_ALWAYS_PAGES,
    fit_search_index,
    trim_search_index,
)


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


def _same_files(left, right) -> list[str]:
    names = {p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file()}
    return sorted(n for n in names if not ((left / n).is_file() and (right / n).is_file() and (left / n).read_bytes() == (right / n).read_bytes()))


def test_a_large_site_is_trimmed_while_mkdocs_builds_as_after(seeds_site, tmp_path, monkeypatch):
    """lean_build trims each page's entries during the build (memory) and lets go of the
    pages' text once written: the site is the one trimming the whole index afterwards gives."""
    docs = seeds_site.project.docs
    pages = len(list(docs.rglob("*.md")))
    monkeypatch.setattr("generator.stages.site.lean_build.TRIM_ALWAYS_PAGES", pages + 1)
    assert build_site(ROOT / "mkdocs.yml", docs, tmp_path / "whole").problems == []
    assert fit_search_index(tmp_path / "whole", budget=20_000, pages=TRIM_ALWAYS_PAGES) is not None
    monkeypatch.setattr("generator.stages.site.lean_build.TRIM_ALWAYS_PAGES", pages)
    monkeypatch.setattr("generator.stages.site.lean_build.BUDGET_BYTES", 20_000)
    monkeypatch.setattr("generator.stages.site.search_index.TRIM_ALWAYS_PAGES", pages)
    assert build_site(ROOT / "mkdocs.yml", docs, tmp_path / "lean").problems == []
    assert _same_files(tmp_path / "whole", tmp_path / "lean") == []
    assert len(entries(tmp_path / "lean")) == pages
    assert max(len(entry["text"]) for entry in entries(tmp_path / "lean")) < 1_000


def test_compacting_leaves_the_key_facts_out_and_twice_changes_nothing():
    from generator.stages.site.search_index import INDEXED_CHARS, compacted_entries

    entries = [
        {"location": "documenten/kst-1/", "title": "Brief", "text": "Kenmerk Waarde Soort Kamerbrief", "tags": ["Japan"]},
        {"location": "documenten/kst-1/#tekst", "title": "Tekst", "text": "<p>Samenwerking met Japan &amp; meer.</p>"},
        {"location": "partners/japan/", "title": "Japan", "text": "<p>Japan is partner.</p>"},
        {"location": "partners/japan/#per-jaar", "title": "Per jaar", "text": "<p>" + "woord " * 5_000 + "</p>"},
    ]
    once = compacted_entries(entries)
    assert [e["location"] for e in once] == ["documenten/kst-1/", "partners/japan/"]
    assert once[0]["text"] == "Samenwerking met Japan &amp; meer." and once[0]["tags"] == ["Japan"]
    assert once[1]["text"].startswith("Japan is partner. woord") and len(once[1]["text"]) <= INDEXED_CHARS
    assert compacted_entries(once) == once
