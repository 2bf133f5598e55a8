"""Run MkDocs on the generated Markdown, in this Python, into a folder swapped in atomically."""

from __future__ import annotations

import gc
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.model import Problem, error, warning
from generator.model.project import MARKER, built_by_mkdocs
from generator.stages.site.lean_build import LeanBuild
from generator.stages.site.page_store import PageStore
from generator.stages.site.redirects import Redirects
from generator.stages.site.reuse import ReusePages
from generator.stages.site.search_index import fit_search_index
from generator.stages.site.settings import settings_digests
from generator.stages.site.unchanged import inputs_state, site_state


@dataclass(frozen=True)
class SiteBuilt:
    problems: list[Problem]
    rendered: int = 0
    """Pages MkDocs converted and rendered."""
    reused: int = 0
    """Pages taken from the last build, their inputs unchanged."""
    whole_because: str | None = None
    """Why every page was rendered, when a page store was given and none could be reused."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record)


def build_site(
    config_file: Path,
    docs: Path,
    out: Path,
    strict: bool = False,
    overrides: dict | None = None,
    redirects: dict[str, str] | None = None,
    page_store: Path | None = None,
    reuse_pages: bool = True,
) -> SiteBuilt:
    """Build `docs` with MkDocs into `out`. On failure the previous `out` stays as it was.
    When `out` is a symbolic link, the folder it points to is replaced, not the link.

    `overrides` replace top-level settings of `config_file` (e.g. for the offline archive);
    `redirects` maps former document ids to current ones. With `page_store` (a file in the
    work folder), pages whose inputs did not change since the last build are reused, unless
    `reuse_pages` is False (every page is rendered; the store is renewed all the same)."""
    out = out.resolve()
    recover(out)
    store = PageStore(page_store) if page_store else None
    try:
        known = _inputs(config_file, docs, overrides, redirects) if store is not None else None
        if store is not None and reuse_pages and known is not None:
            unchanged = _as_last_left(store, config_file, known[1], out)
            if unchanged is not None:
                return unchanged
        return _build(config_file, docs, out, strict, overrides, redirects, store, reuse_pages, known)
    finally:
        if store is not None:
            store.close()


def _inputs(config_file: Path, docs: Path, overrides, redirects) -> tuple[dict[str, str], str] | None:
    """(the settings' digests, the state of all inputs), found once per build; None when the
    configuration cannot be loaded (the build then says why)."""
    try:
        with _collecting():
            config = load_config(str(config_file), **{**(overrides or {}), "docs_dir": str(docs)})
        digests = settings_digests(config_file, overrides, config)
        return digests, inputs_state(docs, digests, redirects)
    except (MkDocsException, OSError, ValueError):
        return None


def _as_last_left(store: PageStore, config_file: Path, inputs: str, out: Path) -> SiteBuilt | None:
    """The last build's outcome, when its inputs and the site it left are as they were then."""
    last = store.last
    if not last or last.get("inputs") != inputs or last.get("site") != site_state(out):
        return None
    make = {"error": error, "warning": warning}
    problems = [make[level](config_file, message, "mkdocs") for level, message in last.get("messages", [])]
    return SiteBuilt(problems, 0, int(last.get("pages", 0)), None)


def _build(config_file, docs, out, strict, overrides, redirects, store, reuse_pages, known) -> SiteBuilt:
    staging = out.with_name(f".{out.name}.building")
    for aside in (staging, _previous(out)):
        if not _remove_ours(aside):
            return SiteBuilt([error(aside, "exists and was not made by the generator; it is left as it is and no site was built")])
    staging.mkdir(parents=True)
    # Marked before MkDocs writes (it leaves hidden files alone), so that what a killed
    # build leaves behind is known for the generator's own.
    (staging / MARKER).write_text(
        "Built by the archive generator; its next build replaces this folder.\n", encoding="utf-8"
    )
    with _collecting() as collector:
        built = _run_mkdocs(config_file, docs, staging, out, strict, overrides, redirects, store, reuse_pages, known)
    if isinstance(built, Exception):
        shutil.rmtree(staging, ignore_errors=True)
        return SiteBuilt(_report(config_file, collector) + [error(config_file, f"the site was not built: {built}")])
    reuse, inputs = built
    _swap(staging, out)
    problems = _report(config_file, collector)
    if reuse is None:
        return SiteBuilt(problems)
    pages = reuse.rendered + reuse.reused
    messages = [(problem.level.value, problem.message) for problem in problems]
    reuse.save({"inputs": inputs, "site": site_state(out), "messages": messages, "pages": pages})
    return SiteBuilt(problems, reuse.rendered, reuse.reused, reuse.whole_because if not reuse.reused else None)


def _run_mkdocs(config_file, docs, staging, out, strict, overrides, redirects, store, reuse_pages, known):
    """(the reuse plugin or None, the inputs' state or None), or the exception that stopped MkDocs."""
    try:
        reuse, inputs, lean = _mkdocs(config_file, docs, staging, out, strict, overrides, redirects, store, reuse_pages, known)
        # MkDocs' pages, their Markdown and Material's search entries are held in cycles
        # (pages, files, navigation, plugins): let go of them before the search index is made,
        # which at 10,000 documents would otherwise add its own memory on top (~0.4 GB).
        gc.collect()
        fit_search_index(staging, lean.budget, lean.pages, reuse.words if reuse else None, lean.entries)
    except (MkDocsException, OSError, ValueError) as exc:
        return exc
    return reuse, inputs


def _mkdocs(config_file, docs, staging, out, strict, overrides, redirects, store, reuse_pages, known):
    reuse = inputs = None
    settings = {**(overrides or {}), "docs_dir": str(docs), "site_dir": str(staging), "strict": strict}
    config = load_config(str(config_file), **settings)
    lean = LeanBuild()
    config.plugins["archief/lean-build"] = lean
    if redirects:
        config.plugins["archief/redirects"] = Redirects(redirects)
    if store is not None:
        digests, inputs = known or (settings_digests(config_file, overrides, config), None)
        inputs = inputs or inputs_state(docs, digests, redirects)
        reuse = ReusePages(store, out, digests, None if reuse_pages else "every page was asked for (--render-all)")
        config.plugins["archief/reuse"] = reuse
    mkdocs_build(config)
    return reuse, inputs, lean


@contextmanager
def _collecting() -> Iterator[_Collect]:
    """MkDocs' messages gathered for the report instead of printed."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


def _report(config_file: Path, collector: _Collect) -> list[Problem]:
    make = {True: error, False: warning}
    return [make[r.levelno >= logging.ERROR](config_file, r.getMessage(), "mkdocs") for r in collector.messages]


def _previous(out: Path) -> Path:
    return out.with_name(f".{out.name}.previous")


def recover(out: Path) -> None:
    """A build killed between the two renames of its swap left the old site aside: put it back."""
    previous = _previous(out)
    if previous.is_dir() and not out.exists():
        previous.rename(out)


def _remove_ours(folder: Path) -> bool:
    """Remove `folder` if the generator made it (marked, empty, or a site MkDocs built
    before the marker existed); True when it is gone."""
    if not folder.exists():
        return True
    if folder.is_dir() and ((folder / MARKER).is_file() or not any(folder.iterdir()) or built_by_mkdocs(folder)):
        shutil.rmtree(folder)
        return True
    return False


def _swap(staging: Path, out: Path) -> None:
    """The old site is set aside, the new one put in its place, the old one removed; a kill
    between the renames is undone by `recover` at the next build."""
    previous = _previous(out)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    _remove_ours(previous)
