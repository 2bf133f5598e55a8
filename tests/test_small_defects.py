"""Small defects, each pinned down: the CI workflow's triggers and rights, formula injection
in records.csv, a `|` in a value inside a Markdown table, and the declared dependencies."""

from __future__ import annotations

import ast
import csv
import io
import re
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import PurePath

import pytest
import yaml
from conftest import ROOT, build_into

# --- 1. The CI workflow ---------------------------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
WATCHED = (
    "source_docs/**", "vocabulary/**", "templates/**", "site_overrides/**", "generator/**",
    "mkdocs.yml", "pyproject.toml", "tests/**", ".ci/**",
)
PAGES_RIGHTS = {"pages": "write", "id-token": "write"}


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    triggers = workflow.get(True, workflow.get("on"))
    assert isinstance(triggers, dict), triggers
    return triggers


def test_the_workflow_runs_on_pushes_to_main_pull_requests_and_by_hand(workflow):
    triggers = _triggers(workflow)
    assert set(triggers) >= {"push", "pull_request", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]


@pytest.mark.parametrize("event", ["push", "pull_request"])
def test_the_workflow_watches_everything_the_build_and_its_tests_depend_on(workflow, event):
    paths = _triggers(workflow)[event].get("paths")
    assert paths is not None, f"{event} has no paths filter"
    missing = [path for path in WATCHED if path not in paths]
    assert not missing, f"{event} does not watch {missing}"


def test_only_the_deploy_job_may_write_to_pages(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    deploy = jobs["deploy"]
    assert PAGES_RIGHTS.items() <= deploy["permissions"].items()
    for name, job in jobs.items():
        if name != "deploy":
            rights = job.get("permissions", {})
            assert not any(rights.get(scope) == "write" for scope in PAGES_RIGHTS), name


def test_a_pull_request_never_deploys(workflow):
    deploy = workflow["jobs"]["deploy"]
    condition = deploy.get("if", "")
    assert "github.event_name != 'pull_request'" in condition, condition
    assert "refs/heads/main" in condition, condition
    assert deploy["needs"] == "build"


# --- 2 and 3. A small site: formula-like values and pipes ------------------------------

LETTER = "Den Haag, {date}\n\nNederland werkt samen met België bij de {subject}.\n"
DOCUMENTS = {
    "formule.txt": (
        LETTER.format(date="2 mei 2020", subject="luchtverdediging"),
        "title: '=HYPERLINK(\"https://example.org\",\"klik\")'\n"
        "reference: '@SUM(1+1)'\n"
        "author: {name: '+31 Minister', role: '-Minister'}\n"
        "recipient: '=1+1'\n",
    ),
    "streep.txt": (
        LETTER.format(date="3 mei 2020", subject="marinesamenwerking"),
        "title: '-2+3 oefening'\nreference: '-BS2020'\n",
    ),
    "pijp.txt": (
        LETTER.format(date="4 mei 2020", subject="opleiding"),
        "title: 'Samenwerking A | B'\nreference: 'BS | 2020 | 7'\n",
    ),
    "gewoon.txt": (
        LETTER.format(date="5 mei 2020", subject="oefening"),
        "title: Gewone titel\nreference: BS2020012345\nauthor: {name: A. Auteur, role: Minister van Defensie}\n",
    ),
}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("small")
    source = tmp / "source_docs"
    source.mkdir()
    for name, (text, sidecar) in DOCUMENTS.items():
        (source / name).write_text(text, encoding="utf-8")
        (source / name.replace(".txt", ".meta.yml")).write_text(sidecar, encoding="utf-8")
    built = build_into(tmp, source)
    assert len(built.outcome.documents) == len(DOCUMENTS)
    return built


@pytest.fixture(scope="module")
def csv_rows(small_site) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO((small_site.site / "records.csv").read_text(encoding="utf-8")))
    return {PurePath(row["source"]).name: row for row in rows}


def test_csv_cells_that_could_start_a_formula_are_quoted(csv_rows):
    formula = csv_rows["formule.txt"]
    assert formula["title"] == "'=HYPERLINK(\"https://example.org\",\"klik\")"
    assert formula["reference"] == "'@SUM(1+1)"
    assert formula["author"] == "'+31 Minister"
    assert formula["author_role"] == "'-Minister"
    assert formula["recipient"] == "'=1+1"
    minus = csv_rows["streep.txt"]
    assert minus["title"] == "'-2+3 oefening"
    assert minus["reference"] == "'-BS2020"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_quoted(start):
    # Sidecars and extraction strip leading whitespace, so a tab or a carriage return
    # cannot reach a cell through a build; the guard itself is checked for all six.
    from generator.stages.exports import spreadsheet_safe

    assert spreadsheet_safe(start + "1+1") == "'" + start + "1+1"
    assert spreadsheet_safe("1" + start + "1") == "1" + start + "1"
    assert spreadsheet_safe("") == ""


def test_csv_cells_that_cannot_start_a_formula_are_as_they_were(csv_rows):
    plain = csv_rows["gewoon.txt"]
    assert plain["title"] == "Gewone titel"
    assert plain["reference"] == "BS2020012345"
    assert plain["author"] == "A. Auteur" and plain["author_role"] == "Minister van Defensie"
    assert plain["date"] == "2020-05-05" and plain["redacted"] in {"ja", "nee", "true", "false"}
    assert csv_rows["pijp.txt"]["title"] == "Samenwerking A | B"
    assert not any(value.startswith("'") for row in csv_rows.values() for key, value in row.items()
                   if key in {"id", "doc_type", "date", "source", "page"})


class Tables(HTMLParser):
    """Every table of a page: rows of cells, each cell its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(re.sub(r"\s+", " ", "".join(self._cell)).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables_of(html: str) -> list[list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def test_a_pipe_in_a_title_stays_whole_on_the_documents_list(small_site):
    """The list is a Markdown list now, not a table; a pipe in a title is shown as it is,
    without the backslash that escapes it in the document page's table."""
    html = small_site.html("documenten/index.html")
    (item,) = [item for item in re.findall(r"<li>(.*?)</li>", html, re.S) if "Samenwerking A" in item]
    assert "Samenwerking A | B" in item and "\\" not in item, item


def test_a_pipe_in_a_value_stays_in_its_cell_on_the_document_page(small_site):
    document = next(d for d in small_site.outcome.documents if PurePath(d.record.source).name == "pijp.txt")
    page = next(small_site.site.glob(f"documenten/**/{document.record.id}/index.html"))
    html = page.read_text(encoding="utf-8")
    assert "Samenwerking A | B" in html and "A \\| B" not in html
    facts = next(table for table in tables_of(html) if table[0] == ["Kenmerk", "Waarde"])
    assert all(len(row) == 2 for row in facts), facts
    assert ["Kenmerk", "BS | 2020 | 7"] in facts


# --- 4. Declared dependencies ------------------------------------------------------------

DISTRIBUTION = {
    "yaml": "pyyaml",
    "docx": "python-docx",
    "ahocorasick": "pyahocorasick",
    "markupsafe": "markupsafe",
    "jinja2": "jinja2",
}
USED_WITHOUT_IMPORT = {"mkdocs-material"}
"""The theme: named in mkdocs.yml, never imported."""


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_runtime() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalised(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def imported_by_the_generator() -> set[str]:
    modules: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {module for module in modules if module not in sys.stdlib_module_names and module != "generator"}


def test_every_third_party_import_is_a_declared_dependency():
    declared = declared_runtime()
    needed = {_normalised(DISTRIBUTION.get(module, module)) for module in imported_by_the_generator()}
    assert "markupsafe" in needed
    assert not needed - declared, f"imported but not declared in pyproject.toml: {sorted(needed - declared)}"


def test_every_declared_dependency_is_imported():
    needed = {_normalised(DISTRIBUTION.get(module, module)) for module in imported_by_the_generator()}
    unused = declared_runtime() - needed - USED_WITHOUT_IMPORT
    assert not unused, f"declared in pyproject.toml but never imported by generator/: {sorted(unused)}"
