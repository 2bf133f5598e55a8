"""Readers: files of every supported format, well-formed and not, into text."""

from __future__ import annotations

import io
import logging
import os
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import Footnote, Level, Problem, SourceText, footnote_ref
from generator.stages.clean import clean
from generator.stages.read import MAX_BYTES, SUPPORTED_SUFFIXES, is_document, read
from generator.stages.read.htmltext import visible_text
from generator.stages.read.word import footnote_texts, paragraph_text

FOOTER = "Tweede Kamer, vergaderjaar 2018-2019, 33 279, nr. 29 {page}"
BODY = (
    "De regering hecht veel waarde aan de internationale militaire samenwerking met Duitsland, "
    "Belgie en Frankrijk, en zet die samenwerking de komende jaren voort."
)


def errors(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.level is Level.ERROR]


def read_bytes_as(tmp_path: Path, name: str, data: bytes, **kwargs) -> tuple[SourceText | None, list[Problem]]:
    path = tmp_path / name
    path.write_bytes(data)
    return read(path, **kwargs)


def assert_single_error(result: tuple[SourceText | None, list[Problem]], *words: str) -> Problem:
    source, problems = result
    assert source is None
    [problem] = errors(problems)
    for word in words:
        assert word in problem.message
    return problem


# --- PDF --------------------------------------------------------------------


def kamerstuk_pdf(**encryption: str) -> bytes:
    """Two pages as a Kamerstuk has them: running header, body paragraphs, footer."""
    pdf = FPDF()
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.set_font("Helvetica", size=11)
    pdf.set_auto_page_break(False)  # the footer sits in the bottom margin
    for page in (1, 2):
        pdf.add_page()
        pdf.cell(0, 8, "Defensie en internationale samenwerking", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.multi_cell(0, 6, f"{BODY} Dit is pagina {page}.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.multi_cell(0, 6, f"Tweede alinea op pagina {page}, met een caf\xe9.", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-25)
        pdf.cell(0, 8, FOOTER.format(page=page))
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def test_pdf_pages_and_body(tmp_path: Path) -> None:
    source, problems = read_bytes_as(tmp_path, "kamerstuk.pdf", kamerstuk_pdf())
    assert problems == []
    assert source is not None
    assert len(source.pages) == 2
    assert "Dit is pagina 1." in source.pages[0]
    assert "Dit is pagina 2." in source.pages[1]
    assert "met een café." in source.pages[1]
    assert source.path == tmp_path / "kamerstuk.pdf"
    assert len(source.sha256) == 64


def test_pdf_footer_becomes_furniture(tmp_path: Path) -> None:
    source, _ = read_bytes_as(tmp_path, "kamerstuk.pdf", kamerstuk_pdf())
    cleaned = clean(source)
    assert FOOTER.format(page=1) in cleaned.furniture.kamerstuk_lines
    assert FOOTER.format(page=2) in cleaned.furniture.kamerstuk_lines
    assert "Tweede Kamer" not in cleaned.text
    assert "internationale militaire samenwerking" in cleaned.text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    problem = assert_single_error(read_bytes_as(tmp_path, "scan.pdf", image_only_pdf()), "text layer", "OCR")
    assert problem.field == "text"


def test_pdf_with_a_user_password(tmp_path: Path) -> None:
    data = kamerstuk_pdf(owner_password="eigenaar", user_password="geheim")
    assert_single_error(read_bytes_as(tmp_path, "geheim.pdf", data), "password")


def test_pdf_encrypted_only_against_editing_is_read(tmp_path: Path) -> None:
    source, problems = read_bytes_as(tmp_path, "beveiligd.pdf", kamerstuk_pdf(owner_password="eigenaar"))
    assert errors(problems) == []
    assert source is not None and "Dit is pagina 2." in source.text


def test_truncated_pdf(tmp_path: Path) -> None:
    data = kamerstuk_pdf()
    result = read_bytes_as(tmp_path, "half.pdf", data[: len(data) // 2])
    assert_single_error(result, "expected a readable PDF", "truncated")


@pytest.mark.parametrize(
    "data",
    [os.urandom(4096), b"", b"%PDF-1.7\n" + os.urandom(2048), b"%PDF-1.4\n%%EOF\n"],
    ids=["random", "empty", "random-after-header", "header-and-eof-only"],
)
def test_pdf_that_is_not_one(tmp_path: Path, data: bytes) -> None:
    problem = assert_single_error(read_bytes_as(tmp_path, "kapot.pdf", data), "expected")
    assert "PDF" in problem.message or "text" in problem.message


def test_pdf_reader_is_silent(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, recwarn: pytest.WarningsRecorder
) -> None:
    data = kamerstuk_pdf()
    read_bytes_as(tmp_path, "half.pdf", data[: len(data) // 2])
    read_bytes_as(tmp_path, "rommel.pdf", b"junk" + data[: len(data) - 200])
    assert [record.getMessage() for record in caplog.records if record.name.startswith("pypdf")] == []
    assert list(recwarn) == []
    assert logging.getLogger("pypdf").level == logging.NOTSET


# --- DOCX -------------------------------------------------------------------


def word_document() -> WordDocument:
    document = docx.Document()
    document.add_heading("Samenwerking met Duitsland", level=1)
    document.add_paragraph("De eerste alinea gaat over de landmacht.")
    document.add_paragraph("De tweede alinea gaat over de marine.")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, [("Land", "Eenheid", "Jaar"), ("Duitsland", "43 Brigade", "2016")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("Slotalinea na de tabel.")
    return document


def docx_bytes(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_order_paragraphs_and_table(tmp_path: Path) -> None:
    source, problems = read_bytes_as(tmp_path, "brief.docx", docx_bytes(word_document()))
    assert problems == []
    assert source is not None
    assert source.pages == (
        "Samenwerking met Duitsland\n\n"
        "De eerste alinea gaat over de landmacht.\n\n"
        "De tweede alinea gaat over de marine.\n\n"
        "Land | Eenheid | Jaar\n"
        "Duitsland | 43 Brigade | 2016\n\n"
        "Slotalinea na de tabel.",
    )


def test_docx_heading_stays_a_heading_after_cleaning(tmp_path: Path) -> None:
    source, _ = read_bytes_as(tmp_path, "brief.docx", docx_bytes(word_document()))
    blocks = clean(source).blocks
    assert (blocks[0].kind, blocks[0].text) == ("heading", "Samenwerking met Duitsland")
    assert [block.text for block in blocks[1:3]] == [
        "De eerste alinea gaat over de landmacht.",
        "De tweede alinea gaat over de marine.",
    ]


FOOTNOTES_XML = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="7"><w:p>
    <w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Kamerstuk 33 279, nr. 29 [bijlage].</w:t></w:r>
  </w:p></w:footnote>
</w:footnotes>"""


def footnoted_docx() -> bytes:
    """python-docx cannot write footnotes: add the part and a reference by hand."""
    document = docx.Document()
    paragraph = document.add_paragraph("Zie de eerdere brief")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "7")
    paragraph.add_run()._r.append(reference)
    paragraph.add_run(" over de samenwerking.")
    document.add_paragraph("Volgende alinea.")
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, FOOTNOTES_XML, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    return docx_bytes(document)


def test_docx_footnotes_come_apart_from_the_text(tmp_path: Path) -> None:
    source, problems = read_bytes_as(tmp_path, "voetnoot.docx", footnoted_docx())
    assert problems == []
    assert source is not None
    assert source.pages == (f"Zie de eerdere brief{footnote_ref('1')} over de samenwerking.\n\nVolgende alinea.",)
    assert source.footnotes == (Footnote("1", "Kamerstuk 33 279, nr. 29 [bijlage]."),)


def test_docx_footnotes_survive_cleaning(tmp_path: Path) -> None:
    source, _ = read_bytes_as(tmp_path, "voetnoot.docx", footnoted_docx())
    blocks = clean(source).blocks
    footnotes = [block for block in blocks if block.kind == "footnote"]
    assert [(note.label, note.text) for note in footnotes] == [("1", "Kamerstuk 33 279, nr. 29 [bijlage].")]
    assert blocks[0].text == f"Zie de eerdere brief{footnote_ref('1')} over de samenwerking."


def test_footnote_texts_skip_separators() -> None:
    assert footnote_texts(FOOTNOTES_XML) == {"7": "Kamerstuk 33 279, nr. 29 [bijlage]."}
    assert footnote_texts(None) == {}


TEXT_BOX_PARAGRAPH = b"""<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
  <w:r><w:t>Datum</w:t><w:tab/><w:t>12 juni 2019</w:t></w:r>
  <w:r><mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><w:txbxContent>
      <w:p><w:r><w:t>Ministerie van Defensie</w:t></w:r></w:p>
    </w:txbxContent></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><w:txbxContent>
      <w:p><w:r><w:t>Ministerie van Defensie</w:t></w:r></w:p>
    </w:txbxContent></w:pict></mc:Fallback>
  </mc:AlternateContent></w:r>
  <w:del><w:r><w:delText>geschrapt</w:delText></w:r></w:del>
</w:p>"""


def test_paragraph_text_reads_a_text_box_once() -> None:
    paragraph = parse_xml(TEXT_BOX_PARAGRAPH)
    assert paragraph_text(paragraph, None) == "Datum\t12 juni 2019\nMinisterie van Defensie"


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"Dit is geen zip-bestand", "no ZIP package"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "legacy .doc"),
    ],
)
def test_docx_that_is_not_a_package(tmp_path: Path, data: bytes, found: str) -> None:
    assert_single_error(read_bytes_as(tmp_path, "kapot.docx", data), "expected a Word .docx package", found)


def test_docx_zip_without_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/styles.xml", "<w:styles/>")
    assert_single_error(read_bytes_as(tmp_path, "leeg.docx", buffer.getvalue()), "without word/document.xml")


def test_docx_with_damaged_document_xml(tmp_path: Path) -> None:
    original = zipfile.ZipFile(io.BytesIO(docx_bytes(word_document())))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for item in original.infolist():
            data = original.read(item)
            package.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    assert_single_error(read_bytes_as(tmp_path, "half.docx", buffer.getvalue()), "damaged package")


def test_truncated_docx(tmp_path: Path) -> None:
    data = docx_bytes(word_document())
    assert_single_error(read_bytes_as(tmp_path, "half.docx", data[: len(data) // 2]), "expected a Word")


# --- HTML -------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Titel in de tab</title>
  <style>p { color: red; }</style>
  <script>alert(1)</script>
</head>
<body>
  <noscript>Zet JavaScript aan</noscript>
  <h1>Defensie &amp; NAVO</h1>
  <p>Een eerste alinea met een caf&eacute; en
     een harde regelafbreking.</p>
  <div>Tweede blok<br>met een regel erbij</div>
  <script type="text/javascript">document.write("<p>niet zichtbaar</p>")</script>
  <ul><li>Eerste punt</li><li>Tweede punt</li></ul>
  <table><tr><th>Land</th><th>Jaar</th></tr><tr><td><p>Duitsland</p></td><td>2016<br>2017</td></tr></table>
  <template><p>Sjabloon</p></template>
</body>
</html>
"""


def test_html_visible_text_only(tmp_path: Path) -> None:
    source, problems = read_bytes_as(tmp_path, "pagina.html", HTML.encode("utf-8"))
    assert problems == []
    assert source is not None
    assert source.pages == (
        "Defensie & NAVO\n\n"
        "Een eerste alinea met een café en een harde regelafbreking.\n\n"
        "Tweede blok\nmet een regel erbij\n\n"
        "Eerste punt\n\n"
        "Tweede punt\n\n"
        "Land | Jaar\n"
        "Duitsland | 2016 2017",
    )
    for hidden in ("alert", "<", "color", "Titel", "JavaScript", "niet zichtbaar", "Sjabloon"):
        assert hidden not in source.text


def test_html_with_unclosed_head_and_empty_script() -> None:
    assert visible_text("<html><head><title>T</title><p>Tekst<script/> erna") == "Tekst erna"


def test_htm_with_declared_latin1(tmp_path: Path) -> None:
    data = '<meta charset="iso-8859-1"><p>Caf\xe9</p>'.encode("latin-1")
    source, problems = read_bytes_as(tmp_path, "oud.htm", data)
    assert problems == []
    assert source is not None and source.text == "Café"


# --- text encodings ---------------------------------------------------------


def test_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    source, problems = read_bytes_as(tmp_path, "oud.txt", b"Caf\xe9 \x93quote\x94")
    assert source is not None and source.text == "Café “quote”"
    [problem] = problems
    assert problem.level is Level.WARNING and problem.field == "encoding"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    bom = "\ufeff".encode(encoding)
    source, problems = read_bytes_as(tmp_path, "brief.txt", bom + "Café in Den Haag\r\n".encode(encoding))
    assert problems == []
    assert source is not None and source.text == "Café in Den Haag\n"


def test_nul_bytes_and_invalid_utf8(tmp_path: Path) -> None:
    source, problems = read_bytes_as(tmp_path, "rommel.txt", b"Te\x00kst \xff\xfe\x81 en\x00 meer")
    assert source is not None
    assert "\x00" not in source.text
    assert source.text.startswith("Tekst ")
    assert [problem.level for problem in problems] == [Level.WARNING]


def test_text_is_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Café, één, België")
    source, _ = read_bytes_as(tmp_path, "nfd.md", decomposed.encode("utf-8"))
    assert source is not None and source.text == "Café, één, België"


def test_form_feeds_separate_pages(tmp_path: Path) -> None:
    source, _ = read_bytes_as(tmp_path, "pagina.txt", b"een\ftwee")
    assert source is not None and source.pages == ("een", "twee")


# --- shared rules -----------------------------------------------------------


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    result = read_bytes_as(tmp_path, "groot.txt", b"x" * 2000, max_bytes=1000)
    assert_single_error(result, "1,000 bytes", "2,000 bytes")


def test_default_size_limit() -> None:
    assert MAX_BYTES == 50 * 1024 * 1024


def test_empty_document(tmp_path: Path) -> None:
    problem = assert_single_error(read_bytes_as(tmp_path, "leeg.txt", b"  \n\n"), "found an empty document")
    assert problem.field == "text"


def test_unsupported_suffix(tmp_path: Path) -> None:
    problem = assert_single_error(read_bytes_as(tmp_path, "brief.rtf", b"{\\rtf1}"), ".docx", ".pdf")
    assert problem.field == "format"


def test_missing_file(tmp_path: Path) -> None:
    assert_single_error(read(tmp_path / "weg.txt"), "cannot be read")


def test_display_name_is_reported(tmp_path: Path) -> None:
    _, problems = read_bytes_as(tmp_path, "kapot.pdf", b"geen pdf", display="bronnen/kapot.pdf")
    assert [problem.file for problem in problems] == ["bronnen/kapot.pdf"]


def test_is_document() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".docx", ".htm", ".html", ".md", ".pdf", ".txt"}
    assert is_document(Path("brief.PDF"))
    assert is_document(Path("pagina.htm"))
    assert not is_document(Path(".~lock.brief.docx"))
    assert not is_document(Path("brief.meta.yml"))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf", ".docx"]))
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    source, problems = read_bytes_as(tmp_path, f"willekeurig{suffix}", data)
    assert source is None or isinstance(source, SourceText)
    assert all(isinstance(problem, Problem) for problem in problems)
    assert (source is None) == bool(errors(problems))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.integers(min_value=0, max_value=4000), suffix=st.sampled_from([".pdf", ".docx"]))
def test_truncated_documents_never_raise(tmp_path: Path, prefix: int, suffix: str) -> None:
    data = kamerstuk_pdf() if suffix == ".pdf" else docx_bytes(word_document())
    source, problems = read_bytes_as(tmp_path, f"afgekapt{suffix}", data[: len(data) * prefix // 4000])
    assert (source is None) == bool(errors(problems))
