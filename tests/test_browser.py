"""The site in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright.

Every test runs twice: on the unpacked offline archive from file://, and on the hosted build
served by `python -m http.server` on 127.0.0.1. Screenshots and axe-core reports go to
test-artifacts/ (ignored by git). axe-core is vendored in tests/vendor/axe-core/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT
from conftest_browser import SEARCH_FIRST
from playwright.sync_api import BrowserContext, Page, Response

pytest_plugins = ["conftest_browser"]

def _chromium() -> Path:
    """Debian's chromium (installed by .ci/run); elsewhere (a GitHub runner) Google Chrome,
    or the browser named by $CHROMIUM."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return Path("/usr/bin/chromium")


CHROMIUM = _chromium()
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
BLOCKING = {"serious", "critical"}

DOCUMENT, PARTNER = "documenten/mindef20250041931", "partners/japan"


@dataclass(frozen=True)
class Target:
    """One way of serving the site: its base URL and its kind of page URLs."""

    name: str
    base: str
    directory_urls: bool

    def url(self, page: str = "") -> str:
        if not page:
            return self.base if self.directory_urls else f"{self.base}index.html"
        return f"{self.base}{page}/" if self.directory_urls else f"{self.base}{page}.html"

    def href_pattern(self, page: str) -> str:
        """A CSS attribute selector value for relative links to `page`."""
        return f"{page}/" if self.directory_urls else f"{page}.html"

    def stays_here(self, url: str) -> bool:
        return url.startswith(self.base) or url.startswith(("data:", "blob:", "about:"))


@dataclass
class Recorded:
    page: Page
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """Requests that failed or were answered with an HTTP error (including those a navigation
    cancelled, so only meaningful on a page left to settle)."""
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory, playwright_driver) -> Iterator[BrowserContext]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    # Playwright itself is started once for the session (conftest_browser.playwright_driver).
    context = playwright_driver.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
        viewport={"width": 1280, "height": 900}, locale="nl-NL", service_workers="block",
    )
    context.set_default_timeout(20_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(params=["archive", "hosted"])
def target(request) -> Target:
    if request.param == "archive":
        unpacked = request.getfixturevalue("archive").unpacked
        return Target("archive", unpacked.resolve().as_uri() + "/", directory_urls=False)
    return Target("hosted", request.getfixturevalue("hosted"), directory_urls=True)


@pytest.fixture
def recorded(browser_context: BrowserContext) -> Iterator[Recorded]:
    """A fresh page; every request made by it (or by anything in the browser) is recorded."""
    page = browser_context.new_page()
    seen = Recorded(page)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            seen.failed.append(f"{response.url}: {response.status}")

    listeners = {
        "request": lambda request: seen.requests.append(request.url),
        "requestfailed": lambda request: seen.failed.append(f"{request.url}: {request.failure}"),
        "response": on_response,
    }
    for event, listener in listeners.items():
        browser_context.on(event, listener)
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
    try:
        yield seen
    finally:
        for event, listener in listeners.items():
            browser_context.remove_listener(event, listener)
        page.close()


def assert_stayed_local(seen: Recorded, target: Target) -> None:
    assert seen.requests, "no request was recorded at all"
    leaving = sorted({url for url in seen.requests if not target.stays_here(url)})
    assert leaving == [], f"requests that left {target.base}"
    assert seen.errors == []


def open_page(seen: Recorded, target: Target, page: str = "") -> Page:
    response = seen.page.goto(target.url(page), wait_until="load")
    if target.directory_urls:
        assert response is not None and response.ok, target.url(page)
    return seen.page


def heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def test_search_finds_the_tactical_edge_documents(target, recorded):
    page = open_page(recorded, target)
    page.keyboard.press("s")
    page.keyboard.type("Tactical Edge")
    page.wait_for_selector(".md-search-result__item")
    assert "initialiseren" not in page.locator(".md-search-result__meta").inner_text().lower()
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    documents = {m.group(1) for href in hrefs if (m := re.search(r"/documenten/([a-z0-9-]+)(?:\.html|/)", href))}
    documents.discard("index")
    assert "kst-33279-29" in documents
    assert [d for d in documents if d != "kst-33279-29" and d.startswith("verslag-")], documents
    assert len(documents) == 2, documents
    page.screenshot(path=artifact(f"{target.name}-zoeken.png"))

    page.locator('.md-search-result__item > a[href*="documenten/kst-33279-29"]').first.click()
    page.wait_for_url(re.compile(re.escape(target.url("documenten/kst-33279-29"))))
    assert "Tactical Edge" in page.locator("article").inner_text()
    assert_stayed_local(recorded, target)


def test_from_a_document_to_a_partner_and_back(target, recorded):
    page = open_page(recorded, target, DOCUMENT)
    title = heading(page)
    assert "ACSA" in title

    page.locator(f'article a[href$="{target.href_pattern(PARTNER)}"]').first.click()
    page.wait_for_url(target.url(PARTNER))
    assert "Japan" in heading(page)

    page.locator(f'article a[href$="{target.href_pattern(DOCUMENT)}"]').first.click()
    page.wait_for_url(target.url(DOCUMENT))
    assert heading(page) == title

    page.go_back()
    page.wait_for_url(target.url(PARTNER))
    assert "Japan" in heading(page)
    page.go_back()
    page.wait_for_url(target.url(DOCUMENT))
    assert heading(page) == title
    assert_stayed_local(recorded, target)


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_and_nothing_overflows(target, recorded, width):
    page = recorded.page
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in (("start", ""), ("document", DOCUMENT), ("partner", PARTNER)):
        open_page(recorded, target, path)
        page.screenshot(path=artifact(f"{target.name}-{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px window"
        assert page.locator("header .md-header__title").is_visible()
    assert_stayed_local(recorded, target)


def test_no_serious_accessibility_violations(target, recorded):
    """axe-core on the home page, a document page and a partner page."""
    blocking = []
    for name, path in (("start", ""), ("document", DOCUMENT), ("partner", PARTNER)):
        page = open_page(recorded, target, path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
        artifact(f"axe-{target.name}-{name}.json").write_text(
            json.dumps(violations, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        blocking += [
            f"{name}: {violation['id']} ({violation['impact']}) {node['target']}: {node['html']}"
            for violation in violations
            if violation["impact"] in BLOCKING
            for node in violation["nodes"]
        ]
    assert blocking == []
    assert_stayed_local(recorded, target)


def test_the_feed_link_makes_the_browser_fetch_nothing(target, recorded):
    """Material fetches sitemap.xml next to every link[rel=alternate] it matches: for the feed
    that is a 404 when hosted and a CORS error from file://."""
    page = open_page(recorded, target, PARTNER)
    feed = page.locator('head link[type="application/atom+xml"]')
    assert feed.evaluate("link => link.relList.contains('alternate')")
    assert feed.evaluate("link => link.href").endswith("feeds/partners/japan.xml")
    page.wait_for_load_state("networkidle")
    assert [url for url in recorded.requests if url.endswith("sitemap.xml")] == []
    assert recorded.failed == []
    assert_stayed_local(recorded, target)


def test_a_chromium_is_installed():
    assert CHROMIUM.is_file()


# The archive's own search (site_overrides/assets/javascripts/search/): hub pages first,
# compact rows, Dutch words, references in every form, filters.
FIRST = {
    **SEARCH_FIRST,
    "kst-33279-29": "documenten/kst-33279-29",
    "Kamerstuk 33279-29": "documenten/kst-33279-29",
}
ROW_CHARS = 300


def search(page: Page, query: str) -> list[tuple[str, str]]:
    """(page path without .html or /, the row's text) of every result shown for `query`."""
    if not page.evaluate("document.getElementById('__search').checked"):
        page.keyboard.press("s")
    page.fill(".md-search__input", query)
    assert page.evaluate("document.getElementById('__search').checked"), "the search dialog is closed"
    page.wait_for_function("() => !/laden|initialiseren/.test(document.querySelector('.md-search-result__meta').textContent)")
    return search_rows(page)


def test_search_puts_the_named_page_first(target, recorded):
    page = open_page(recorded, target)
    for query, expected in FIRST.items():
        found = search(page, query)
        assert found and found[0][0] == expected, (query, [path for path, _ in found[:5]])
    page.screenshot(path=artifact(f"{target.name}-zoeken-compact.png"))
    assert_stayed_local(recorded, target)


def test_search_rows_are_compact_and_words_are_dutch(target, recorded):
    page = open_page(recorded, target)
    for query in ("samenwerkingen", "Oekraine", "Japan", "munitie", '"strategische partners"'):
        found = search(page, query)
        assert found, query
        longest = max(len(re.sub(r"\s+", " ", text).strip()) for _, text in found)
        assert longest <= ROW_CHARS, (query, longest)
        assert not any("Kenmerk Waarde" in text for _, text in found), query
    assert page.locator(".md-search-result__item mark").count() > 0
    assert "documenten/kst-33279-29" in {path for path, _ in search(page, '"strategische partners"')}
    assert search(page, "xyzzyqwerty") == []
    assert page.inner_text(".md-search-result__meta") == "Geen resultaten"
    assert_stayed_local(recorded, target)


def test_search_results_are_filtered_by_type_and_year(target, recorded):
    page = open_page(recorded, target)
    found = search(page, "samenwerking")
    assert any(path.startswith("partners/") or path.startswith("onderwerpen/") for path, _ in found)
    options = page.eval_on_selector_all("select[name=from] option", "os => os.map(o => o.textContent)")
    assert "2019 (1)" in options, options
    page.select_option("select[name=from]", "2019")
    page.select_option("select[name=to]", "2019")
    filtered = search_rows(page)
    assert [path for path, _ in filtered] == ["documenten/kst-33279-29"]
    page.select_option("select[name=from]", "")
    page.select_option("select[name=to]", "")
    kinds = page.eval_on_selector_all("select[name=type] option", "os => os.map(o => o.textContent)")
    assert any(kind.startswith("Kamerbrief (") for kind in kinds), kinds
    page.select_option("select[name=type]", label=next(k for k in kinds if k.startswith("Beslisnota (")))
    assert [path for path, _ in search_rows(page)] == ["documenten/mindef20250041931"]
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("axe.run(document.querySelector('.md-search'), {resultTypes: ['violations']})")["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in BLOCKING] == []
    page.screenshot(path=artifact(f"{target.name}-zoeken-gefilterd.png"))
    assert_stayed_local(recorded, target)


def search_rows(page: Page) -> list[tuple[str, str]]:
    """The results shown: (the page's path, hosted or offline alike: "documenten/x", "" for the home page; the row's text)."""
    rows = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => [a.getAttribute('href'), a.innerText])")
    paths = [re.sub(r"(^|/)index$", "", re.sub(r"^(\.\./|\./)+|(\.html|/)$", "", href)) for href, _ in rows]
    return [(path, text) for path, (_, text) in zip(paths, rows)]


def test_hosted_and_offline_search_give_the_same_results(archive, hosted, browser_context):
    """One engine and one index, whichever way the site is opened: the same pages in the same order."""
    targets = [Target("archive", archive.unpacked.resolve().as_uri() + "/", False), Target("hosted", hosted, True)]
    queries = [*FIRST, "samenwerkingen", "Oekraine", "munitie", "NAVO", '"strategische partners"', "F-35 Noorwegen"]
    answers = []
    for target in targets:
        page = browser_context.new_page()
        try:
            page.goto(target.url(), wait_until="load")
            answers.append({query: [path for path, _ in search(page, query)] for query in queries})
        finally:
            page.close()
    assert answers[0] == answers[1]
