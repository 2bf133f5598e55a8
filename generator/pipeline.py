"""The recipe: the only module that knows the order of the stages.

    per document (in a process pool):  read -> clean -> extract -> merge
    then, with every record gathered:   write records -> index -> plan -> render + write pages
                                        -> feeds, exports, sources -> site (-> archive)

Every stage reports problems instead of raising; this module collects them into one
`Outcome`. `progress.stage(name)` wraps each stage, which is how the progress bars
and the benchmark's timings see them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import NamedTuple

import jinja2

from generator.model import Document, Level, Problem, error
from generator.model.document import TextUnavailable, held_text
from generator.model.outcome import Outcome
from generator.model.pages import Page
from generator.model.project import MAX_BYTES, Project
from generator.run.epoch import source_date_epoch
from generator.run.extraction_cache import Entries, ExtractionCache, Result
from generator.run.fingerprints import code_fingerprint, folder_fingerprint
from generator.run.output_cache import OutputCache
from generator.run.pool import map_items
from generator.run.progress import Progress
from generator.stages import (
    archive,
    exports,
    feeds,
    index,
    merge,
    plan,
    render,
    site,
    write,
)
from generator.stages.clean import clean
from generator.stages.extract import extract
from generator.stages.read import find_documents, read
from generator.vocabulary.lexicon import Lexicon, compile_lexicon
from generator.vocabulary.load import load_vocabulary


def load_lexicon(project: Project) -> tuple[Lexicon, list[Problem]]:
    vocabulary, problems = load_vocabulary(project.vocabulary)
    return compile_lexicon(vocabulary), problems


# --------------------------------------------------------------------------- per document


class Job(NamedTuple):
    path: Path
    display: str
    """The file's name as the user knows it (relative to the project root)."""
    max_bytes: int
    key: str | None
    """Its extraction cache key; None: not cached."""


def extract_document(job: Job, shared: tuple[Lexicon, Entries | None]) -> Result:
    """One file: read, clean, extract, then merge the sidecar a person wrote; stored in
    the cache (when there is one) by the process that made it."""
    lexicon, store = shared
    result = _extract(job, lexicon)
    return store.put(job.key, result) if store is not None else result


def _extract(job: Job, lexicon: Lexicon) -> Result:
    source, problems = read(job.path, job.display, job.max_bytes)
    if source is None:
        return None, problems
    cleaned = clean(source)
    record, extract_problems = extract(cleaned, lexicon)
    problems += extract_problems
    sidecar = merge.sidecar_for(job.path)
    if sidecar is not None:
        shown = str(Path(job.display).with_name(sidecar.name))
        record, sidecar_problems = merge.apply_sidecar(record, sidecar, lexicon, shown)
        problems += sidecar_problems
    # The raw pages are not needed after cleaning; at thousands of documents they cost
    # hundreds of megabytes in memory and in the cache.
    kept = replace(cleaned, source=replace(cleaned.source, pages=()))
    return Document(record, source.path, held_text(kept)), problems


def extract_all(
    paths: Iterable[Path],
    lexicon: Lexicon,
    relative_to: Path | None = None,
    cache: ExtractionCache | None = None,
    workers: int = 1,
    progress: Progress = Progress(),
    max_bytes: int = MAX_BYTES,
) -> Outcome:
    """Every file through read -> clean -> extract -> merge, from the cache where the content is known."""
    jobs = []
    for path in paths:
        display = _display(path, relative_to)
        key = cache.key(path, display, merge.sidecar_for(path)) if cache else None
        jobs.append(Job(path, display, max_bytes, key))
    results: dict[int, Result] = {}
    if cache is not None:
        results = {n: hit for n, job in enumerate(jobs) if (hit := cache.get(job.key)) is not None}
    missing = [n for n in range(len(jobs)) if n not in results]
    with progress.stage("extracting", len(missing)) as tick:
        shared = (lexicon, cache.entries if cache else None)
        fresh = map_items(extract_document, [jobs[n] for n in missing], shared, workers, tick)
    for n, result in zip(missing, fresh):
        results[n] = result
        if cache is not None:
            cache.keep(jobs[n].key)
    documents, problems = [], []
    for n in range(len(jobs)):
        document, found = results[n]
        problems += found
        if document is not None:
            documents.append(document)
    return Outcome(tuple(documents), tuple(problems), extracted=len(missing), from_cache=len(jobs) - len(missing))


def check(project: Project, workers: int = 1, progress: Progress = Progress()) -> tuple[Outcome, Lexicon]:
    """Every document read and extracted, the vocabulary loaded; nothing written."""
    lexicon, problems = load_lexicon(project)
    sources = find_documents(project.source)
    outcome = extract_all(sources, lexicon, project.root, None, workers, progress, project.max_bytes)
    return replace(outcome, problems=(*problems, *outcome.problems)), lexicon


def extract_files(project: Project, paths: list[Path]) -> Outcome:
    """The records of `paths`, with the project's vocabulary."""
    lexicon, problems = load_lexicon(project)
    outcome = extract_all(paths, lexicon)
    return replace(outcome, problems=(*problems, *outcome.problems))


def _display(path: Path, relative_to: Path | None) -> str:
    if relative_to is not None and path.resolve().is_relative_to(relative_to.resolve()):
        return str(path.resolve().relative_to(relative_to.resolve()))
    return str(path)


# --------------------------------------------------------------------------- all documents


def generate(project: Project, workers: int = 1, progress: Progress = Progress()) -> Outcome:
    """documents -> records -> Markdown in `project.docs`, ready for the site engine."""
    with progress.stage("vocabulary"):
        lexicon, problems = load_lexicon(project)
        cache = ExtractionCache(project.cache, project.vocabulary, f"max_bytes={project.max_bytes}")
    with progress.stage("discover"):
        sources = find_documents(project.source)
    with progress.stage("extract"):
        extracted = extract_all(sources, lexicon, project.root, cache, workers, progress, project.max_bytes)
        cache.prune()
    documents, duplicates = index.unique_ids(extracted.documents)
    problems += [*extracted.problems, *duplicates]
    with progress.stage("records"):
        records_cache = OutputCache(project.work / "records.manifest", project.records, code_fingerprint())
        records = [document.record for document in documents]
        dump_all = partial(map_items, write.record_yaml, shared=None, workers=workers)
        record_digests, record_problems = write.write_records(records, project.records, records_cache, dump_all)
        problems += record_problems
    with progress.stage("index"):
        site_index = index.build_index(documents)
    with progress.stage("plan"):
        pages, plan_problems = plan.plan(site_index)
        problems += plan_problems
    pages_cache = OutputCache(
        project.work / "pages.manifest", project.docs, f"{code_fingerprint()}:{folder_fingerprint(project.templates)}"
    )
    with progress.stage("pages", len(pages)) as tick:
        made = _make_pages(pages, render.environment(project.templates), pages_cache, project.docs, tick)
        problems += made.problems
    outcome = replace(extracted, documents=tuple(documents), rendered=made.rendered)
    if not made.complete:
        return replace(outcome, problems=tuple(problems), site_ready=False)
    with progress.stage("feeds+exports"):
        # Made from the records alone: when no record changed, neither did they.
        by_records, unchanged = pages_cache.unit(
            "feeds and exports",
            (record_digests[document.record.id] for document in site_index.documents),
            lambda: {**feeds.feeds(site_index), **exports.exports(site_index, lambda record_id: f"documenten/{record_id}/")},
        )
    with progress.stage("write"):
        files = {**plan.source_files(site_index, project.root), **by_records}
        problems += write.write_tree(files, project.docs, keep=made.paths | unchanged)
        pages_cache.save()
    return replace(outcome, problems=tuple(problems))


class Made(NamedTuple):
    rendered: int
    paths: set[str]
    """Every page that is now right on disk."""
    problems: list[Problem]
    complete: bool
    """False when a template failed or a text could not be loaded: the site is not built."""


def _make_pages(pages: list[Page], env: jinja2.Environment, cache: OutputCache, docs: Path, tick) -> Made:
    """Render and write every page whose inputs changed, one at a time, so memory does
    not grow with the number of pages."""
    rendered, problems, failed, complete = 0, [], set(), True
    root = docs.resolve()
    for page in pages:
        tick(1)
        if page.template in failed:
            continue
        try:
            context = page.make_context()
            fingerprint = cache.fingerprint(page.template, context, page.front_matter)
            if cache.unchanged(page.path, fingerprint):
                continue
            text = render.render_page(page, context, env, page.text.load() if page.text else None)
        except jinja2.TemplateError as exc:
            failed.add(page.template)
            problems.append(render.template_problem(env, page, exc))
            complete = False
            continue
        except TextUnavailable as exc:
            cache.forget(page.path)
            complete = False
            problems.append(error(page.path, f"{exc}; build again, and the document is extracted anew"))
            continue
        target, problem = write.inside(root, page.path)
        if problem is not None:
            cache.forget(page.path)
            problems.append(problem)
            continue
        write.write_if_changed(target, text)
        rendered += 1
    return Made(rendered, set(cache.fingerprints), problems, complete)


def build(project: Project, strict: bool = False, workers: int = 1, progress: Progress = Progress()) -> Outcome:
    """documents -> records -> Markdown -> site."""
    outcome = generate(project, workers, progress)
    if not outcome.site_ready:
        return outcome
    with source_date_epoch(outcome.documents), progress.stage("site"):
        problems = site.build_site(project.config, project.docs, project.out, strict=strict)
    return replace(outcome, problems=outcome.problems + tuple(problems))


def build_archive(
    project: Project, out_file: Path, strict: bool = False, workers: int = 1, progress: Progress = Progress()
) -> Outcome:
    """documents -> records -> Markdown -> site for file:// -> `out_file` (a zip).

    A document with an error is left out, as in `build`; when the site cannot be built,
    the previous `out_file` is left as it was."""
    outcome = generate(project, workers, progress)
    if not outcome.site_ready:
        return outcome
    problems: list[Problem] = []
    with source_date_epoch(outcome.documents), tempfile.TemporaryDirectory(prefix="archief-") as tmp:
        offline, problems = archive.offline_settings(project.config)
        if not problems:
            with progress.stage("site"):
                problems = site.build_site(project.config, project.docs, Path(tmp), strict=strict, overrides=offline)
        if not any(p.level is Level.ERROR for p in problems) and (Path(tmp) / "index.html").is_file():
            with progress.stage("archive"):
                problems += _zip(project, outcome.documents, Path(tmp), out_file)
    return replace(outcome, problems=outcome.problems + tuple(problems))


def _zip(project: Project, documents: tuple[Document, ...], built: Path, out_file: Path) -> list[Problem]:
    sources = {path.relative_to(project.source).as_posix(): path for path in merge.with_sidecars(find_documents(project.source), project.source)}
    entries, problems = archive.archive_entries(built, project.records, list(documents), sources, project.config)
    stamp, stamp_problems = archive.timestamp(os.environ["SOURCE_DATE_EPOCH"])
    if problems or stamp_problems:
        return problems + stamp_problems
    return archive.write_zip(entries, out_file, stamp)
