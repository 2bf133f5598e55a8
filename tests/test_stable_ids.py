"""Ids that hold: a document without a Kamerstuk or reference keeps its id through a typo
fix, new line endings or re-wrapped lines; two different documents never share one; and an
address once published keeps leading to its document (a redirect) when its id changes."""

from __future__ import annotations

import json
import zipfile

from conftest import ROOT, build_into

from generator.model import Level
from generator.pipeline import Project, build_archive, extract_files

MEMO = """Ministerie van Defensie

Verslag

Betreft: Bezoek aan de marinebasis in Den Helder door de Duitse delegatie

De delegatie uit Duitsland bezocht op 3 maart de marinebasis. Er werd gesproken over
de samenwerking tussen de Duitse en de Nederlandse marine bij de opleiding van
bemanningen en over het gezamenlijke onderhoud van schepen.

Het bezoek werd afgesloten met een rondleiding over de werf.
"""

UNTITLED = """Aantekening

De delegatie uit Belgie bezocht op 3 maart de vliegbasis. Er werd gesproken over de
samenwerking bij de opleiding van vliegers en het onderhoud van toestellen.
"""


def _id(tmp_path, name: str, text: str, newline: str = "\n") -> str:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    project = Project.at(ROOT)
    (document,) = extract_files(project, [path]).documents
    return document.record.id


def test_a_derived_id_reads_type_and_title(tmp_path):
    kind, _, rest = _id(tmp_path, "a.txt", MEMO).partition("-")
    assert kind in ("verslag", "overig") and rest == "bezoek-aan-de-marinebasis-in-den-helder-door-de-duitse"


def test_a_typo_fix_line_endings_and_rewrapping_keep_the_id(tmp_path):
    first = _id(tmp_path, "a.txt", MEMO)
    assert _id(tmp_path, "b.txt", MEMO.replace("rondleiding", "rondleidnig")) == first
    assert _id(tmp_path, "c.txt", MEMO, newline="\r\n") == first
    rewrapped = MEMO.replace("over\nde samenwerking", "over de\nsamenwerking")
    assert _id(tmp_path, "d.txt", rewrapped) == first


def test_without_a_title_the_words_decide_not_the_bytes(tmp_path):
    first = _id(tmp_path, "a.txt", UNTITLED)
    assert _id(tmp_path, "b.txt", UNTITLED, newline="\r\n") == first
    assert _id(tmp_path, "c.txt", UNTITLED.replace("de\nsamenwerking", "de samenwerking\n")) == first
    assert _id(tmp_path, "d.txt", UNTITLED.replace("Belgie", "Frankrijk")) != first


def test_two_documents_with_one_type_date_and_title_are_both_published(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "a.txt").write_text(MEMO, encoding="utf-8")
    (source / "b.txt").write_text(MEMO.replace("rondleiding over de werf", "lunch aan boord"), encoding="utf-8")
    built = build_into(tmp_path, source, strict=False)
    ids = sorted(document.record.id for document in built.outcome.documents)
    assert len(ids) == 2 and ids[1].startswith(ids[0] + "-")
    (warning,) = [p for p in built.outcome.problems if p.field == "id"]
    assert warning.level is Level.WARNING and warning.file.endswith("b.txt") and "a.txt" in warning.message
    for record_id in ids:
        assert (built.site / "documenten" / record_id / "index.html").is_file()
    again = build_into(tmp_path / "again", source, strict=False)
    assert sorted(document.record.id for document in again.outcome.documents) == ids


def test_a_changed_id_leaves_a_redirect_at_the_old_address(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    document = source / "bezoek.txt"
    document.write_text(MEMO, encoding="utf-8")
    first = build_into(tmp_path, source)
    (old_id,) = [d.record.id for d in first.outcome.documents]
    (source / "bezoek.meta.yml").write_text("id: bezoek-den-helder\n", encoding="utf-8")
    second = build_into(tmp_path, source)
    assert [d.record.id for d in second.outcome.documents] == ["bezoek-den-helder"]
    redirect = (second.site / "documenten" / old_id / "index.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in redirect and 'href="../bezoek-den-helder/"' in redirect
    assert "nieuw adres" in redirect
    registry = json.loads((tmp_path / "build" / "ids.json").read_text(encoding="utf-8"))
    assert {old_id, "bezoek-den-helder"} <= set(registry[second.outcome.documents[0].record.source])
    # The sidecar removed again: the first id is the page, the chosen one now leads to it.
    (source / "bezoek.meta.yml").unlink()
    third = build_into(tmp_path, source)
    assert "<article" in (third.site / "documenten" / old_id / "index.html").read_text(encoding="utf-8")
    assert 'href="../' + old_id + '/"' in (third.site / "documenten" / "bezoek-den-helder" / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_ids_of_version_0_1_lead_to_the_new_pages(seeds_site, tmp_path):
    by_former = {f: d.record.id for d in seeds_site.outcome.documents for f in d.record.former_ids}
    assert "verslag-f96620fb" in by_former  # the seed verslag's published hash id
    page = seeds_site.html("documenten/verslag-f96620fb/index.html")
    assert f'href="../{by_former["verslag-f96620fb"]}/"' in page
    project = Project.at(ROOT, source=ROOT / "source_docs", out=tmp_path / "site", work=tmp_path / "build")
    outcome = build_archive(project, tmp_path / "archief.zip")
    assert not outcome.has_errors
    with zipfile.ZipFile(tmp_path / "archief.zip") as archive:
        (name,) = [n for n in archive.namelist() if n.endswith("documenten/verslag-f96620fb.html")]
        offline = archive.read(name).decode("utf-8")
    assert f'href="{by_former["verslag-f96620fb"]}.html"' in offline
