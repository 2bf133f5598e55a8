"""Run MkDocs on the generated Markdown, in this Python, into a folder swapped in atomically."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.model import Problem, error, warning
from generator.model.project import MARKER, built_by_mkdocs
from generator.stages.site.lean_build import LeanBuild
from generator.stages.site.redirects import Redirects
from generator.stages.site.search_index import fit_search_index


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
) -> list[Problem]:
    """Build `docs` with MkDocs into `out`. On failure the previous `out` stays as it was.
    When `out` is a symbolic link, the folder it points to is replaced, not the link.

    `overrides` replace top-level settings of `config_file` (e.g. for the offline archive);
    `redirects` maps former document ids to current ones."""
    out = out.resolve()
    recover(out)
    staging = out.with_name(f".{out.name}.building")
    for aside in (staging, _previous(out)):
        if not _remove_ours(aside):
            return [error(aside, "exists and was not made by the generator; it is left as it is and no site was built")]
    staging.mkdir(parents=True)
    # Marked before MkDocs writes (it leaves hidden files alone), so that what a killed
    # build leaves behind is known for the generator's own.
    (staging / MARKER).write_text(
        "Built by the archive generator; its next build replaces this folder.\n", encoding="utf-8"
    )
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    propagate, logger.propagate = logger.propagate, False
    try:
        settings = {**(overrides or {}), "docs_dir": str(docs), "site_dir": str(staging), "strict": strict}
        config = load_config(str(config_file), **settings)
        lean = LeanBuild()
        config.plugins["archief/lean-build"] = lean
        if redirects:
            config.plugins["archief/redirects"] = Redirects(redirects)
        mkdocs_build(config)
        fit_search_index(staging, budget=lean.budget, pages=lean.pages)
    except (MkDocsException, OSError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return _report(config_file, collector) + [error(config_file, f"the site was not built: {exc}")]
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate
    _swap(staging, out)
    return _report(config_file, collector)


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
