"""Time from typing to the first search result, in headless Chromium, for a built site.

    .venv/bin/python benchmarks/search_bench.py --site site/ [--query Japan ...] [--label full]
    .venv/bin/python benchmarks/search_bench.py --file-url /tmp/archief/index.html   (offline archive)

Hosted: the site is served by `python -m http.server` on 127.0.0.1. For each query, in a
fresh browser context (empty cache), the page is opened, "s" pressed, the query entered
(all but its last character inserted silently, then the last key pressed: Material searches
on keyup, so one search runs, for the whole query, and that key is timed), and the first `.md-search-result__item` awaited. Times are taken inside the
page with performance.now() (a MutationObserver and an input listener installed before
the page's own scripts), so Playwright's round trips are not counted:

- `open_to_result_s`: from the start of navigation to the first result (what a reader
  who opens the site and searches at once waits: the index download and the lunr build
  in Material's web worker are part of it);
- `type_to_result_s`: from entering the query, right after DOMContentLoaded, to the first
  result (so it includes whatever index building is still going on);
- `ready_s`: from the start of navigation to Material's "Zoeken initialiseren" (or the
  archive's "Zoekindex laden…") gone; `dom_s`: to DOMContentLoaded;
- `ready_type_to_result_s`: a second query ("Noorwegen") entered once the index is ready,
  to its first result. `browser_peak_mb` is the peak summed PSS (shared pages counted once) of all Chromium processes.
One line per query (`index_bytes`: the archive's search/zoekindex.js, or Material's
search_index.json on a site without it; `first`: the address of the first result):

    SEARCH variant=… query=… index_bytes=… entries=… ready_s=… open_to_result_s=… type_to_result_s=… ready_type_to_result_s=… results=… first=… browser_peak_mb=…
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import TreeSampler  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INITIALISING = "Zoeken initialiseren"
LOADING = "laden"
"""The archive's own search (zoeken.js) says "Zoekindex laden…" until its index is there."""
DEFAULT_QUERIES = ["Japan", "munitie", "Tactical Edge Networking"]
SECOND_QUERY = "Noorwegen"


def free_port() -> int:
    with socket.socket() as handle:
        handle.bind(("127.0.0.1", 0))
        return handle.getsockname()[1]


def serve(site: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the http server did not start")


def measure(url: str, queries: list[str], timeout_s: float) -> list[dict]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for query in queries:
                sampler = TreeSampler(os.getpid(), interval=0.1, only="chrom", pss=True)
                sampler.start()
                start = time.perf_counter()
                try:
                    result = _one(browser, url, query, timeout_s)
                except PlaywrightError as exc:
                    # e.g. "Target crashed": the renderer ran out of memory building the index.
                    message = str(exc).splitlines()[0]
                    result = {"query": query, "error": message, "failed_after_s": time.perf_counter() - start}
                finally:
                    peak = sampler.stop()
                result["browser_peak_mb"] = peak
                results.append(result)
        finally:
            browser.close()
    return results


PROBE = """
(() => {
  const bench = window.__bench = {input: null, result: null, ready: null, dom: null};
  document.addEventListener("DOMContentLoaded", () => { bench.dom = performance.now(); });
  document.addEventListener("input", event => {
    if (bench.input === null && event.target.matches && event.target.matches(".md-search__input"))
      bench.input = performance.now();
  }, true);
  new MutationObserver(() => {
    if (bench.result === null && document.querySelector(".md-search-result__item"))
      bench.result = performance.now();
    const meta = document.querySelector(".md-search-result__meta");
    if (bench.ready === null && meta && meta.textContent && !meta.textContent.includes(%s) && !meta.textContent.includes(%s))
      bench.ready = performance.now();
  }).observe(document, {childList: true, subtree: true, characterData: true});
})();
""" % (json.dumps(INITIALISING), json.dumps(LOADING))


def _enter(page, query: str) -> None:
    """Material searches on keyup: insert all but the last character silently, then press
    the last key, so that one search runs, for the whole query; its input event is timed."""
    page.keyboard.insert_text(query[:-1])
    # The archive's own search answers every input event: the partial query's results
    # (and their time) are forgotten, so the last key's search is the one timed.
    page.evaluate("() => { window.__bench.input = null; window.__bench.result = null; }")
    page.keyboard.press(query[-1])


def _one(browser, url: str, query: str, timeout_s: float) -> dict:
    """Times measured inside the page (performance.now(), from the start of navigation):
    the first input event in the search box, the first result item added, and Material's
    "initialising" message replaced."""
    context = browser.new_context()
    context.add_init_script(PROBE)
    page = context.new_page()
    timeout = timeout_s * 1000
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=timeout)
        page.keyboard.press("s")
        page.wait_for_selector(".md-search__input:focus", timeout=timeout)
        _enter(page, query)
        page.wait_for_function("() => window.__bench.result !== null && window.__bench.ready !== null", timeout=timeout)
        first = page.evaluate("() => ({...window.__bench})")
        meta = page.inner_text(".md-search-result__meta")
        first_href = page.get_attribute(".md-search-result__item a", "href")
        # A second query, typed into the ready index.
        page.fill(".md-search__input", "")
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0", timeout=timeout)
        page.evaluate("() => { window.__bench.result = null; }")
        _enter(page, SECOND_QUERY)
        page.wait_for_function("() => window.__bench.result !== null", timeout=timeout)
        second = page.evaluate("() => ({...window.__bench})")
        return {
            "query": query,
            "open_to_result_s": first["result"] / 1000,
            "type_to_result_s": (first["result"] - first["input"]) / 1000,
            "ready_s": first["ready"] / 1000,
            "dom_s": first["dom"] / 1000,
            "ready_type_to_result_s": (second["result"] - second["input"]) / 1000,
            "results": meta,
            "first": first_href,
        }
    finally:
        context.close()


def scaled_copy(site: Path, times: int, into: Path) -> Path:
    """A copy of `site` whose search/zoekindex.js holds every page `times` times (the copies'
    addresses get a fragment, so they lead to the same pages), each passage cut to what the
    build keeps at that many pages: a stand-in for the index of an archive `times` as
    large, when building one takes too long. Its words are the original's, so its list of
    words is smaller than a real one's would be."""
    sys.path.insert(0, str(HERE.parent))
    from generator.stages.site.search_build import as_script, decode, encode, excerpt, from_script
    from generator.stages.site.search_index import passage_chars

    data = from_script((site / "search" / "zoekindex.js").read_text(encoding="utf-8"))
    data["text"] = from_script((site / "search" / "zoekteksten.js").read_text(encoding="utf-8"))
    count = len(data["pages"])
    passage = passage_chars(count * times)
    pages, text, keys = [], [], []
    for copy in range(times):
        suffix = f"#kopie-{copy}" if copy else ""
        pages += [[page[0] + suffix, *page[1:]] for page in data["pages"]]
        text += [excerpt(t, passage) for t in data["text"]]
        keys += [[key, page + copy * count] for key, page in data["keys"]]
    postings = []
    for encoded in data["postings"]:
        numbers, absolute, page = decode(encoded), [], 0
        for number in numbers:
            page += number >> 4
            absolute.append((page, number & 15))
        out, last = [], 0
        for copy in range(times):
            for page, weight in absolute:
                out.append((page + copy * count - last) * 16 + weight)
                last = page + copy * count
        postings.append(encode(out))
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(site, into)
    data.update(pages=pages, keys=sorted(keys), postings=postings)
    data.pop("text")
    (into / "search" / "zoekindex.js").write_text(as_script(data), encoding="utf-8")
    (into / "search" / "zoekteksten.js").write_text(as_script(text, "__zoekteksten"), encoding="utf-8")
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the first search result of a built site in headless Chromium.")
    parser.add_argument("--site", type=Path, help="built site folder, served on 127.0.0.1")
    parser.add_argument("--file-url", type=Path, help="open this index.html from file:// instead (offline archive)")
    parser.add_argument("--query", action="append", help=f"query (repeatable; default {DEFAULT_QUERIES})")
    parser.add_argument("--label", default="site", help="name of this variant in the output")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for a result (default 300)")
    parser.add_argument("--scale", type=int, help="search a copy whose index holds every page N times (scaled_copy)")
    args = parser.parse_args(argv)
    if not args.site and not args.file_url:
        parser.error("give --site or --file-url")
    queries = args.query or DEFAULT_QUERIES
    if args.scale:
        folder = args.file_url.resolve().parent if args.file_url else args.site
        copy = scaled_copy(folder, args.scale, folder.with_name(f"{folder.name}-x{args.scale}"))
        if args.file_url:
            args.file_url = copy / args.file_url.name
        else:
            args.site = copy
    server = None
    if args.file_url:
        index = args.file_url.resolve().parent / "search" / "search_index.json"
        url = args.file_url.resolve().as_uri()
    else:
        index = args.site / "search" / "search_index.json"
        server, url = serve(args.site)
    engine_index = index.with_name("zoekindex.js")
    try:
        size = engine_index.stat().st_size if engine_index.is_file() else index.stat().st_size if index.is_file() else None
        entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"]) if index.is_file() else None
        for result in measure(url, queries, args.timeout):
            fields = {"variant": args.label, "query": json.dumps(result["query"]), "index_bytes": size, "entries": entries}
            fields.update({k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items() if k != "query"})
            for key in ("results", "error", "first"):
                if key in fields:
                    fields[key] = json.dumps(fields[key])
            print("SEARCH " + " ".join(f"{k}={v}" for k, v in fields.items()), flush=True)
    finally:
        if server:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
