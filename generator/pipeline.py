"""The orchestrator: the only place that knows the order of the stages."""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.run.batch import process_many
from generator.run.extraction_cache import ExtractionCache, Result
from generator.stages.exports import exports
from generator.stages.extract import Lexicon, compile_lexicon
from generator.stages.feeds import feeds
from generator.stages.index import build_index
from generator.model import Document, Level, Problem, error
from generator.stages.merge import sidecar_for
from generator.stages.plan import plan, source_files
from generator.run.page_cache import PageCache
from generator.run.page_writer import make_pages
from generator.run.progress import Progress
from generator.stages.read import MAX_BYTES, is_document
from generator.stages.render import environment
from generator.stages.site import build_site
from generator.vocabulary.load import load_vocabulary
from generator.stages.write import write_tree


@dataclass(frozen=True)
class Project:
    """Where the inputs live and where the outputs go."""

    root: Path
    source: Path
    out: Path
    work: Path
    """Generated records and Markdown (ignored by git)."""
    max_bytes: int = MAX_BYTES
    """Documents larger than this are refused with an error, so that no input stalls a build."""

    @classmethod
    def at(
        cls,
        root: Path,
        source: Path | None = None,
        out: Path | None = None,
        work: Path | None = None,
        max_bytes: int | None = None,
    ) -> "Project":
        return cls(
            root=root,
            source=source or root / "source_docs",
            out=out or root / "site",
            work=work or root / "build",
            max_bytes=max_bytes or MAX_BYTES,
        )

    @property
    def vocabulary(self) -> Path:
        return self.root / "vocabulary"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    @property
    def records(self) -> Path:
        return self.work / "records"

    @property
    def cache(self) -> Path:
        return self.work / "cache"


@dataclass
class Outcome:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    extracted: int = 0
    from_cache: int = 0
    rendered: int = 0
    """Pages rendered anew (the others had not changed)."""
    site_ready: bool = True
    """False when the pages could not all be rendered: the previous site is then kept."""

    @property
    def has_errors(self) -> bool:
        return any(problem.level is Level.ERROR for problem in self.problems)

    @property
    def has_warnings(self) -> bool:
        return any(problem.level is Level.WARNING for problem in self.problems)


def discover(source: Path) -> list[Path]:
    """Documents under `source`, sorted; links that point outside it are not followed."""
    root = source.resolve()
    found = []
    for path in sorted(source.rglob("*")):
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            continue
        if path.is_file() and is_document(path):
            found.append(path)
    return found


def load_lexicon(project: Project) -> tuple[Lexicon, list[Problem]]:
    vocabulary, problems = load_vocabulary(project.vocabulary)
    return compile_lexicon(vocabulary), problems


def extract_all(
    paths: Iterable[Path],
    lexicon: Lexicon,
    relative_to: Path | None = None,
    cache: ExtractionCache | None = None,
    workers: int = 1,
    vocabulary: Path | None = None,
    progress: Progress = Progress(),
    max_bytes: int = MAX_BYTES,
) -> Outcome:
    """Every file through read -> clean -> extract, from the cache where the content is known."""
    shown = [(path, _display(path, relative_to)) for path in paths]
    keys = [cache.key(path, display, sidecar_for(path)) if cache else None for path, display in shown]
    jobs = [(path, display, max_bytes, key) for (path, display), key in zip(shown, keys)]
    results: dict[int, Result] = {}
    for position, key in enumerate(keys):
        if key is not None and (hit := cache.get(key)) is not None:
            results[position] = hit
    outcome = Outcome(from_cache=len(results))
    missing = [position for position in range(len(jobs)) if position not in results]
    store = cache.entries if cache else None
    with progress.stage("Extractie", len(missing)) as tick:
        fresh = process_many([jobs[p] for p in missing], lexicon, vocabulary or Path("vocabulary"), workers, tick, store)
    for position, result in zip(missing, fresh):
        results[position] = result
        if cache and keys[position]:
            cache.stored(keys[position])
    for position in range(len(jobs)):
        document, problems = results[position]
        outcome.problems += problems
        if document is not None:
            outcome.documents.append(document)
    outcome.extracted = len(missing)
    return outcome


def _display(path: Path, relative_to: Path | None) -> str:
    if relative_to is not None and path.resolve().is_relative_to(relative_to.resolve()):
        return str(path.resolve().relative_to(relative_to.resolve()))
    return str(path)


def _unique_ids(documents: list[Document]) -> tuple[list[Document], list[Problem]]:
    """Two documents with one id: neither page may silently replace the other."""
    by_id: dict[str, Document] = {}
    problems: list[Problem] = []
    for document in documents:
        record = document.record
        first = by_id.get(record.id)
        if first is None:
            by_id[record.id] = document
            continue
        problems.append(
            error(
                record.source,
                f"has the same id '{record.id}' as '{first.record.source}'; only the first is published",
                "id",
            )
        )
    return list(by_id.values()), problems


def generate(project: Project, workers: int = 1, progress: Progress = Progress()) -> Outcome:
    """documents -> records -> Markdown in `project.docs`, ready for the site engine."""
    lexicon, problems = load_lexicon(project)
    cache = ExtractionCache(project.cache, project.vocabulary, f"max_bytes={project.max_bytes}")
    sources = discover(project.source)
    outcome = extract_all(sources, lexicon, project.root, cache, workers, project.vocabulary, progress, project.max_bytes)
    cache.prune()
    outcome.problems[:0] = problems
    outcome.documents, duplicates = _unique_ids(outcome.documents)
    outcome.problems += duplicates
    records = {f"{document.record.id}.yml": document.record_yaml for document in outcome.documents}
    outcome.problems += write_tree(records, project.records)
    index = build_index(outcome.documents)
    pages, plan_problems = plan(index)
    outcome.problems += plan_problems
    page_cache = PageCache(project.work / "pages.manifest", project.docs, project.templates)
    with progress.stage("Pagina's", len(pages)) as tick:
        made = make_pages(pages, environment(project.templates), page_cache, project.docs, tick, workers)
    outcome.problems += [*made.failed.values(), *made.refused]
    outcome.rendered = made.rendered
    outcome.site_ready = not made.failed
    if not outcome.site_ready:
        return outcome
    # The feeds and the exports are made from the records alone.
    by_records, unchanged_by_records = page_cache.unit(
        "feeds and exports",
        (document.record_yaml for document in index.documents),
        lambda: {**feeds(index), **exports(index, lambda record_id: f"documenten/{record_id}/")},
    )
    generated = {**source_files(index, project.root), **by_records}
    outcome.problems += write_tree(generated, project.docs, keep=set(made.fingerprints) | unchanged_by_records)
    page_cache.save()
    return outcome


def build(project: Project, strict: bool = False, workers: int = 1, progress: Progress = Progress()) -> Outcome:
    """documents -> records -> Markdown -> site."""
    outcome = generate(project, workers, progress)
    if not outcome.site_ready:
        return outcome
    with source_date_epoch(outcome.documents):
        outcome.problems += build_site(project.config, project.docs, project.out, strict=strict)
    return outcome


@contextmanager
def source_date_epoch(documents: list[Document]) -> Iterator[None]:
    """Date the build by its newest document, unless SOURCE_DATE_EPOCH is set, so that
    two builds of the same inputs are byte-identical (sitemap included)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    dates = [document.record.date for document in documents if document.record.date]
    newest = max(dates, default=dt.date(1980, 1, 1))
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(newest.timetuple()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
