"""The document lists' filter in headless Chromium (issue 17, item 2), from file:// (the
unpacked offline archive) and hosted (python -m http.server): filtering by partner and by
year, sorting, paging, the address that keeps the filter, and the A-Z index's links."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from playwright.sync_api import BrowserContext, sync_playwright
from test_browser import AXE, BLOCKING, CHROMIUM, CHROMIUM_ARGS, Recorded, artifact, open_page, target  # noqa: F401

pytest_plugins = ["conftest_browser"]


@dataclass
class Browser:
    """A Chromium of this module's own, driven from a thread of its own: Playwright's sync API
    allows one instance per thread, and test_browser.py's stays open for the whole session."""

    thread: ThreadPoolExecutor
    context: BrowserContext

    def run(self, check: Callable, *args) -> None:
        self.thread.submit(self._recorded, check, *args).result()

    def _recorded(self, check: Callable, *args) -> None:
        page = self.context.new_page()
        seen = Recorded(page)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("requestfailed", lambda request: seen.failed.append(f"{request.url}: {request.failure}"))
        page.on("response", lambda r: seen.failed.append(f"{r.url}: {r.status}") if r.status >= 400 else None)
        page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
        try:
            check(seen, *args)
        finally:
            page.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)")
    profile = tmp_path_factory.mktemp("chromium-lists")
    thread = ThreadPoolExecutor(max_workers=1)

    def start():
        playwright = sync_playwright().start()
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, locale="nl-NL", service_workers="block",
        )
        context.set_default_timeout(20_000)
        return playwright, context

    playwright, context = thread.submit(start).result()
    try:
        yield Browser(thread, context)
    finally:
        thread.submit(lambda: (context.close(), playwright.stop())).result()
        thread.shutdown()


def assert_stayed_local(seen: Recorded, target) -> None:
    assert seen.requests, "no request was recorded at all"
    assert sorted({url for url in seen.requests if not target.stays_here(url)}) == []
    assert seen.errors == []


JAPAN_2025, JAPAN_2024 = "mindef20250041931", "kst-28676-471"


def address(target, page: str) -> str:
    """A page's URL; "documenten/index" is "documenten/" when hosted."""
    if page.endswith("/index") and target.directory_urls:
        return target.base + page[: -len("index")]
    return target.url(page)


def visit(seen, target, page: str, query: str = ""):
    response = seen.page.goto(address(target, page) + query, wait_until="load")
    if target.directory_urls:
        assert response is not None and response.ok, address(target, page)
    seen.page.wait_for_selector(".lists-form")
    return seen.page


def documents_shown(page) -> list[str]:
    hrefs = page.eval_on_selector_all(".lists-results a", "links => links.map(a => a.href)")
    return [re.search(r"/documenten/([a-z0-9-]+)(?:\.html|/)$", href).group(1) for href in hrefs]


def status(page) -> str:
    return page.locator(".lists-count").inner_text()


def test_all_documents_filtered_by_partner_and_year(browser, target):
    def check(recorded, target):
        page = visit(recorded, target, "documenten/index")
        assert status(page) == "5 documenten"
        assert page.locator(".lists-static").is_visible() and page.locator(".lists-results").is_hidden()

        page.select_option("#lists-partner", "japan")
        assert status(page) == "2 documenten"
        assert page.locator(".lists-static").is_hidden()
        assert documents_shown(page) == [JAPAN_2025, JAPAN_2024]
        assert page.locator("label[for=lists-partner]").inner_text() == "Filter op partnerland"

        page.select_option("#lists-jaar", "2024")
        assert status(page) == "1 document"
        assert documents_shown(page) == [JAPAN_2024]

        page.select_option("#lists-jaar", "2012")
        assert status(page) == "Geen documenten gevonden"
        assert documents_shown(page) == []

        page.get_by_role("button", name="Filters wissen").click()
        assert status(page) == "5 documenten" and page.locator(".lists-static").is_visible()
        assert_stayed_local(recorded, target)

    browser.run(check, target)


def test_a_found_document_opens(browser, target):
    def check(recorded, target):
        page = visit(recorded, target, "documenten/index")
        page.select_option("#lists-jaar", "2019")
        page.locator(".lists-results a").first.click()
        page.wait_for_url(re.compile(re.escape(target.url("documenten/kst-33279-29"))))
        assert "19 juni 2019" in page.locator("article").inner_text()
        assert_stayed_local(recorded, target)

    browser.run(check, target)


def test_sorted_by_title_and_oldest_first(browser, target):
    def check(recorded, target):
        page = visit(recorded, target, "documenten/index")
        page.select_option("#lists-sorteer", "titel")
        titles = page.eval_on_selector_all(".lists-results a", "links => links.map(a => a.textContent)")
        assert len(titles) == 5 and titles == sorted(titles, key=str.casefold)
        page.select_option("#lists-sorteer", "datum-oud")
        shown = documents_shown(page)
        assert shown[0] == "kst-33279-3" and shown[-1].startswith("verslag-")  # undated stays last
        assert_stayed_local(recorded, target)

    browser.run(check, target)


def test_partner_page_filtered_by_year(browser, target):
    def check(recorded, target):
        page = visit(recorded, target, "partners/japan")
        assert status(page) == "2 documenten"
        assert page.locator("#lists-partner option[value=japan]").count() == 0  # the page's own partner
        page.select_option("#lists-jaar", "2025")
        assert status(page) == "1 document" and documents_shown(page) == [JAPAN_2025]
        page.wait_for_load_state("networkidle")
        assert recorded.failed == []
        assert_stayed_local(recorded, target)

    browser.run(check, target)


def test_a_year_page_takes_its_filter_from_the_address(browser, target):
    def check(recorded, target):
        page = visit(recorded, target, "tijdlijn/2024", "?partner=japan")
        assert page.locator("#lists-partner").input_value() == "japan"
        assert documents_shown(page) == [JAPAN_2024]

    browser.run(check, target)


def test_the_filter_works_from_the_keyboard(browser, target):
    def check(recorded, target):
        page = visit(recorded, target, "partners/duitsland")
        before = status(page)
        page.focus("#lists-jaar")
        page.keyboard.press("ArrowDown")
        assert page.locator("#lists-jaar").input_value() != ""
        assert status(page) != before
        assert page.locator(".lists-count").get_attribute("aria-live") == "polite"
        assert page.locator(".lists-count").get_attribute("role") == "status"

    browser.run(check, target)


def test_the_filter_has_no_serious_accessibility_violations(browser, target):
    def check(recorded, target):
        page = visit(recorded, target, "documenten/index")
        page.select_option("#lists-partner", "duitsland")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
        blocking = [f"{v['id']}: {node['html']}" for v in violations if v["impact"] in BLOCKING for node in v["nodes"]]
        assert blocking == []

    browser.run(check, target)


def test_atoz_index_links_lead_to_the_pages(browser, target):
    def check(recorded, target):
        page = open_page(recorded, target, "trefwoorden")
        letters = page.locator("article .az-letters a")
        assert letters.count() >= 10
        page.locator('article .az-letters a[href="#j"]').click()
        assert page.evaluate("location.hash") == "#j"
        page.locator('article h2#j ~ ul a', has_text="Japan").first.click()
        page.wait_for_url(target.url("partners/japan"))
        assert "Japan" in page.locator("article h1").inner_text()
        assert_stayed_local(recorded, target)

    browser.run(check, target)


@pytest.mark.parametrize("width", [1280, 390])
def test_filtered_list_screenshot_fits(browser, target, width):
    def check(recorded, target, width):
        page = recorded.page
        page.set_viewport_size({"width": width, "height": 900})
        visit(recorded, target, "documenten/index")
        page.select_option("#lists-partner", "duitsland")
        page.screenshot(path=artifact(f"{target.name}-lijst-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0

    browser.run(check, target, width)

