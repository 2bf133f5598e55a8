"""The archive's search: its words (search_text.py, and engine.js in the browser, which must
agree), its index (search_build.py) and its ranking, on the seeds."""

from __future__ import annotations

import re

from conftest import ROOT

from generator.stages.site.search_build import as_script, decode, encode, from_script
from generator.stages.site.search_index import ENGINE_INDEX, ENGINE_TEXTS
from generator.stages.site.search_text import fold, index_words, normal, stem, tokens

pytest_plugins = ["conftest_browser"]

ENGINE = ROOT / "site_overrides" / "assets" / "javascripts" / "search" / "engine.js"


def load_index(site) -> dict:
    data = from_script((site / "search" / ENGINE_INDEX).read_text(encoding="utf-8"))
    return {**data, "text": from_script((site / "search" / ENGINE_TEXTS).read_text(encoding="utf-8"))}


def test_inflections_and_accents_share_a_stem():
    assert stem("samenwerkingen") == stem("samenwerking") == "samenwerk"
    assert stem(fold("Oekraïne")) == stem(fold("Oekraine"))
    assert stem("kamerbrieven") == stem("kamerbrief") or stem("verdragen") == stem("verdrag")
    assert stem("mogelijkheden") == "mogelijk" and stem("lichamelijk") == "licham"
    assert index_words("de samenwerking met Japan") == ["samenwerk", "japan"]


def test_every_written_form_of_a_kamerstuk_is_one_word():
    forms = ["33279-28", "33 279, nr. 28", "kst-33279-28", "Kamerstuk 33 279, nr. 28", "33279, nr 28", "Kamerstuk 33279-28"]
    assert {normal(form) for form in forms} == {"kst33279n28"}
    assert tokens("21 501-20, nr. 1234") == ["kst21501x20n1234"]
    assert tokens("dossier 33 279") == ["dossier", "33279"]
    assert tokens("MINDEF20250041931, vergaderjaar 2018-2019") == ["mindef20250041931", "vergaderjaar", "2018", "2019"]
    assert tokens("19 juni 2019, nr. 5") == ["19", "juni", "2019", "nr", "5"]
    assert tokens("a33 279 en 1234 567") == ["a33", "279", "en", "1234", "567"]


def test_the_index_script_reads_back():
    data = {"text": ["a\u2028b", "</script>", "\"quoted\" \\"], "pages": [[1, [2]]]}
    assert from_script(as_script(data)) == data
    assert "\u2028" not in as_script(data)
    assert from_script(as_script(["x"], "__zoekteksten")) == ["x"]


def test_postings_survive_their_encoding():
    numbers = [0, 1, 31, 32, 33, 1023, 1024, 99_999, 16 * 12_345 + 7]
    assert decode(encode(numbers)) == numbers
    assert re.fullmatch(r"[0-9A-Za-z_-]*", encode(numbers))


def test_the_index_leaves_the_key_facts_out_and_names_the_hub_pages(seeds_site):
    data = load_index(seeds_site.site)
    paths = [page[0] for page in data["pages"]]
    keys = {key: paths[page] for key, page in data["keys"]}
    assert keys["japan"] == "partners/japan/"
    assert keys["ten"] == keys["tactical edge networking"] == "initiatieven/tactical-edge-networking/"
    assert keys["acsa"] == "initiatieven/acsa/"
    assert keys["kst33279n29"] == "documenten/kst-33279-29/"
    assert keys["33279"] == "dossiers/33279/"
    documents = [n for n, page in enumerate(data["pages"]) if page[2] == 0]
    assert len(documents) == 5
    assert not any(data["text"][n].startswith("Kenmerk Waarde") for n in documents)
    letter = data["pages"][paths.index("documenten/kst-33279-29/")]
    assert letter[3:7] == ["Kamerbrief", "19 juni 2019", "Kamerstuk 33 279, nr. 29", 2019]
    assert data["facets"]["dossier"][letter[11][0]] == "33 279"
    assert "Japan" in [data["facets"]["partner"][n] for n in data["pages"][paths.index("documenten/mindef20250041931/")][8]]
    assert data["terms"].split(" ") == sorted(data["terms"].split(" ")) and len(data["postings"]) == len(data["terms"].split(" "))


def test_the_browser_makes_the_same_words_as_the_build(seeds_site, chromium):
    """engine.js (in Chromium) against search_text.py, over every word of the seeds' index."""
    data = load_index(seeds_site.site)
    texts = [page[1] for page in data["pages"]] + data["text"] + [key for key, _ in data["keys"]]
    words = sorted({word for text in texts for word in tokens(text)})
    samples = texts[:200] + ["Kamerstuk 33 279, nr. 28 en kst-21501-20-1234", "Oekraïne, België, Curaçao"]
    page = chromium.new_page()
    try:
        page.add_script_tag(path=str(ENGINE))
        stems = page.evaluate("words => words.map(w => ArchiefZoeken.stem(w))", words)
        made = page.evaluate("texts => texts.map(t => ArchiefZoeken.tokens(t))", samples)
        query = page.evaluate("q => ArchiefZoeken.parse(q)", '"strategische partners" van 33 279, nr. 29')
    finally:
        page.close()
    assert [w for w, s in zip(words, stems) if stem(w) != s] == []
    assert made == [tokens(text) for text in samples]
    assert query == {"words": ["strategische", "partners", "kst33279n29"], "phrases": ["strategische partners"],
                     "name": "strategische partners van kst33279n29"}


def ranked(chromium, site, queries: list[str]) -> dict[str, list[str]]:
    """The engine's answer for each query, as page addresses, best first."""
    page = chromium.new_page()
    try:
        page.add_script_tag(path=str(ENGINE))
        page.add_script_tag(path=str(site / "search" / ENGINE_INDEX))
        page.add_script_tag(path=str(site / "search" / ENGINE_TEXTS))
        return page.evaluate(
            """queries => { const engine = new ArchiefZoeken.Engine(window.__zoekindex, window.__zoekteksten);
                 return Object.fromEntries(queries.map(q => [q, engine.search(q).results.map(r => engine.data.pages[r.page][0])])); }""",
            queries,
        )
    finally:
        page.close()


def test_the_engine_ranks_the_named_page_first(seeds_site, chromium):
    answers = ranked(chromium, seeds_site.site, ["Japan", "Tactical Edge", "TEN", "ACSA", "33279-29", "33 279, nr. 29", "kst-33279-28",
                                                 "samenwerkingen", "Oekraine", "munities", "Dossier 33 279"])
    assert answers["Japan"][0] == "partners/japan/"
    assert answers["Tactical Edge"][0] == answers["TEN"][0] == "initiatieven/tactical-edge-networking/"
    assert answers["ACSA"][0] == "initiatieven/acsa/"
    assert answers["33279-29"][0] == answers["33 279, nr. 29"][0] == "documenten/kst-33279-29/"
    assert "documenten/kst-33279-29/" in answers["kst-33279-28"]  # it cites nr. 28
    assert answers["Dossier 33 279"][0] == "dossiers/33279/"
    assert "documenten/kst-33279-3/" in answers["samenwerkingen"]
    assert "partners/oekraine/" == answers["Oekraine"][0]
    assert "onderwerpen/munitie/" in answers["munities"]
