"""Hostile and broken input: nothing bad gets in, nothing good is lost.

One build of the seeds plus every bad case; then the messages and the HTML are read.
"""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from fpdf import FPDF

LETTER = "Den Haag, {date}\n\nNederland werkt samen met België bij de {subject}.\n"
ATTACK = """\
Den Haag, 4 april 2023

<script>alert(1)</script> en <img src=x onerror=alert(2)> en <iframe src="https://example.org"></iframe>.

Een [klik hier](javascript:alert(3)) of <a href="javascript:alert(4)">hier</a> en <div onclick="alert(5)">tekst</div>.

--8<-- "/etc/passwd"

{! /etc/passwd !}

Jinja: {{ 7*7 }} en {% for x in range(3) %}x{% endfor %} en {# commentaar #}.

Kop met <img src=y onerror=alert(8)> erin

Nederland werkt samen met Duitsland.
"""


def pdf_bytes(text: str | None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(20, 20, 50, 50)
    else:
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    source = tmp / "source_docs"
    shutil.copytree(ROOT / "source_docs", source)
    outside = tmp / "geheim.txt"
    outside.write_text(LETTER.format(date="1 mei 2020", subject="geheime zaak"), encoding="utf-8")
    files = {
        "binair.pdf": bytes(range(256)) * 64,
        "afgebroken.pdf": pdf_bytes("Den Haag, 1 mei 2020. Een brief.")[:300],
        "scan.pdf": pdf_bytes(None),
        "kapot.docx": b"PK\x03\x04 dit is geen zip",
        "leeg.txt": b"",
        "windows.txt": LETTER.format(date="2 mei 2020", subject="café-samenwerking \u201cgoed\u201d").encode("cp1252"),
        "utf16.txt": LETTER.format(date="3 mei 2020", subject="marinesamenwerking").encode("utf-16"),
        "ongeldig.txt": LETTER.format(date="4 mei 2020", subject="opleiding").encode() + b"\xff\xfe\x00\xc3(",
        "brief met spatie é 🚀.txt": LETTER.format(date="5 mei 2020", subject="luchtverdediging").encode(),
        "aanval.txt": ATTACK.encode(),
        "aanval.meta.yml": b"title: '<script>alert(6)</script> Titel'\n",
        "kopie.txt": (ROOT / "source_docs" / "beslisnota-acsa-japan.txt").read_bytes(),
        "groot.txt": (LETTER.format(date="6 mei 2020", subject="oefening") * 400_000).encode(),
        "utf16.meta.yml": b"date: !!python/object/apply:os.system ['touch /tmp/pwned-by-sidecar']\n",
        "windows.meta.yml": b"date: [kapot\n",
        "ongeldig.meta.yml": b'date: "gisteren"\npartners: "Frankrijk"\nonbekend: 1\nid: ../../x\n',
    }
    for name, data in files.items():
        (source / name).write_bytes(data)
    os.symlink(outside, source / "link-naar-buiten.txt")
    out, work = tmp / "site", tmp / "work"
    result = run_cli("build", "--source", str(source), "--out", str(out), "--work", str(work))
    return result, out, tmp


def messages_about(result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if name in line]


def test_the_build_fails_but_every_good_document_keeps_its_page(hostile):
    result, site, _ = hostile
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for page in ("kst-33279-29", "kst-33279-3", "kst-28676-471", "mindef20250041931"):
        assert (site / "documenten" / page / "index.html").is_file(), page


@pytest.mark.parametrize(
    "name, words",
    [
        ("binair.pdf", ["PDF"]),
        ("afgebroken.pdf", ["PDF"]),
        ("scan.pdf", ["text layer"]),
        ("kapot.docx", ["docx"]),
        ("leeg.txt", ["empty"]),
        ("windows.meta.yml", ["YAML"]),
        ("utf16.meta.yml", ["YAML"]),
        ("kopie.txt", ["same id", "beslisnota-acsa-japan.txt"]),
    ],
)
def test_each_bad_file_gets_a_message_naming_it(hostile, name, words):
    result, _, _ = hostile
    lines = messages_about(result, name)
    assert lines, f"no message about {name}:\n{result.stderr}"
    assert all(any(word.lower() in line.lower() for line in lines) for word in words), lines


def test_sidecar_field_errors_name_the_field_and_what_was_expected(hostile):
    result, _, _ = hostile
    lines = messages_about(result, "ongeldig.meta.yml")
    assert any("'date'" in line and "2019-06-19" in line for line in lines)
    assert any("'partners'" in line and "list" in line for line in lines)
    assert any("'onbekend'" in line and "unknown" in line for line in lines)
    assert any("'id'" in line for line in lines)


def test_yaml_tags_never_construct_objects(hostile):
    assert not Path("/tmp/pwned-by-sidecar").exists()


def test_odd_encodings_and_names_still_build(hostile):
    result, site, _ = hostile
    assert any("Windows-1252" in line for line in messages_about(result, "windows.txt"))
    dates = {"2 mei 2020", "3 mei 2020", "4 mei 2020", "5 mei 2020", "6 mei 2020"}
    timeline = (site / "tijdlijn" / "2020" / "index.html").read_text(encoding="utf-8")
    assert all(date in timeline for date in dates), timeline


def test_a_link_out_of_the_source_folder_is_not_followed(hostile):
    result, site, _ = hostile
    timeline = (site / "tijdlijn" / "2020" / "index.html").read_text(encoding="utf-8")
    assert "1 mei 2020" not in timeline
    assert not list(site.rglob("*geheim*"))


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.handlers: list[str] = []
        self.script_links: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value}>")
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript:"):
                self.script_links.append(f"<{tag} {name}={value}>")


def test_no_html_file_contains_injected_markup(hostile):
    _, site, _ = hostile
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        parser = _Markup()
        parser.feed(html)
        assert parser.handlers == [] and parser.script_links == [], page
        assert "iframe" not in parser.tags, page
        scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S)
        assert not any("alert(" in script for script in scripts), page


def test_injected_text_is_shown_as_text(hostile):
    _, site, _ = hostile
    page = next(p for p in (site / "documenten").glob("*/index.html") if "Jinja:" in p.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% for x in range(3) %}" in html
    assert "--8&lt;--" in html and "{! /etc/passwd !}" in html
    assert "root:x:0:0" not in html
    assert "&lt;script&gt;alert(6)&lt;/script&gt; Titel" in html


def test_nothing_is_written_outside_the_output_folders(hostile):
    _, site, tmp = hostile
    assert sorted(p.name for p in tmp.iterdir()) == ["geheim.txt", "site", "source_docs", "work"]
    assert not (ROOT / "x").exists()


def test_duplicate_vocabulary_ids_are_errors(tmp_path):
    for name in ("mkdocs.yml", "templates", "vocabulary", "site_overrides", "source_docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    with (tmp_path / "vocabulary" / "topics.yml").open("a", encoding="utf-8") as handle:
        handle.write("- id: dubbel\n  name: Een\n- id: dubbel\n  name: Twee\n")
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 1
    assert any("topics.yml" in line and "dubbel" in line for line in result.stderr.splitlines())


def test_html_and_markdown_sources_are_offered_as_text(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "pagina.html").write_text(
        "<html><body><script>alert(9)</script><p>Den Haag, 7 mei 2020</p>"
        "<p>Nederland werkt samen met Noorwegen.</p></body></html>",
        encoding="utf-8",
    )
    (source / "notitie.md").write_text("Den Haag, 8 mei 2020\n\n<b>Nederland</b> werkt samen met Denemarken.\n", encoding="utf-8")
    result = run_cli("build", "--source", str(source), "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"))
    assert result.returncode == 0, result.stderr
    offered = sorted(path.name for path in (tmp_path / "site" / "bronbestanden").iterdir())
    assert all(name.endswith(".txt") for name in offered) and len(offered) == 2, offered
    assert not (tmp_path / "site" / "bronbestanden" / "notitie").exists()
    for page in (tmp_path / "site").rglob("*.html"):
        assert "<script>alert(9)" not in page.read_text(encoding="utf-8")
        assert "<b>Nederland</b>" not in page.read_text(encoding="utf-8")
