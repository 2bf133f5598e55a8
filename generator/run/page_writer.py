"""Make the pages: for each planned page, its context, its fingerprint, and (when it
changed) its Markdown, written at once. One page is in memory at a time, so memory does
not grow with the number of pages; with many pages, forked processes share them out."""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.model import Problem
from generator.run.page_cache import PageCache
from generator.stages.plan import Page
from generator.stages.render import render_page, template_problem
from generator.stages.write import inside, write_if_changed

MIN_PAGES_PER_WORKER = 200
"""Below this, forking costs more than it saves."""


@dataclass
class Made:
    fingerprints: dict[str, str] = field(default_factory=dict)
    """Every page's fingerprint, by path."""
    rendered: int = 0
    failed: dict[str, Problem] = field(default_factory=dict)
    """The first failure of each template."""
    refused: list[Problem] = field(default_factory=list)
    """Pages whose path would leave the docs folder."""

    def add(self, other: "Made") -> None:
        self.fingerprints.update(other.fingerprints)
        self.rendered += other.rendered
        for template, problem in other.failed.items():
            self.failed.setdefault(template, problem)
        self.refused += other.refused


def make_pages(
    pages: list[Page],
    env: jinja2.Environment,
    cache: PageCache,
    docs: Path,
    tick: Callable[[int], object] = lambda count: None,
    workers: int = 1,
) -> Made:
    """Render and write every page whose fingerprint changed; `cache` learns them all."""
    job = _Job(pages, env, cache, docs.resolve())
    if workers > 1 and len(pages) >= workers * MIN_PAGES_PER_WORKER and _can_fork():
        made = _forked(job, tick, workers)
    else:
        made = job.run(0, 1, tick)
    cache.remember(made.fingerprints)
    return made


@dataclass
class _Job:
    pages: list[Page]
    env: jinja2.Environment
    cache: PageCache
    docs: Path

    def run(self, share: int, shares: int, tick: Callable[[int], object]) -> Made:
        """Every `shares`-th page, from the `share`-th on: neighbouring pages (documents
        of one year, say) cost alike, so the shares are even."""
        made = Made()
        for page in self.pages[share::shares]:
            tick(1)
            if page.template in made.failed:
                continue
            try:
                context = page.make_context()
                fingerprint = self.cache.fingerprint(page, context)
                made.fingerprints[page.path] = fingerprint
                if self.cache.unchanged(page.path, fingerprint):
                    continue
                text = render_page(page, context, self.env)
            except jinja2.TemplateError as exc:
                made.failed[page.template] = template_problem(self.env, page, exc)
                continue
            target, problem = inside(self.docs, page.path)
            if problem is not None:
                made.refused.append(problem)
                continue
            write_if_changed(target, text)
            made.rendered += 1
        return made


def _can_fork() -> bool:
    """Forked children inherit the pages and the compiled templates without pickling them.
    A process with other threads (the `serve` loop) must not fork."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


_shared: tuple[_Job, int] | None = None


def _forked(job: _Job, tick: Callable[[int], object], workers: int) -> Made:
    global _shared
    _shared = (job, workers)
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            made = Made()
            for share, result in enumerate(pool.map(_run_share, range(workers))):
                made.add(result)
                tick(len(job.pages[share::workers]))
            return made
    finally:
        _shared = None
        gc.unfreeze()


def _run_share(share: int) -> Made:
    assert _shared is not None
    job, shares = _shared
    return job.run(share, shares, lambda count: None)
