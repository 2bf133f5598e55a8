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
from pathlib import Path
from typing import NamedTuple

import jinja2

from generator.model import Document, Level, Problem, error
from generator.model.document import TextUnavailable, held_text
from generator.model.outcome import Outcome
from generator.model.pages import Page
from generator.model.project import MAX_BYTES, Project, shown_path
from generator.model.records import record_digest
from generator.run import id_registry, outputs
from generator.run.epoch import source_date_epoch
from generator.run.extraction_cache import Entries, ExtractionCache, Result
from generator.run.fingerprints import code_fingerprint, folder_fingerprint
from generator.run.limits import time_limit
from generator.run.output_cache import OutputCache
from generator.run.pool import map_items, map_positions
from generator.run.progress import Progress
from generator.stages import archive, exports, feeds, index, merge, plan, render, site, write
from generator.stages.clean import clean
from generator.stages.extract import extract
from generator.stages.read import find_documents, metadata_file, read
from generator.vocabulary.lexicon import Lexicon, lexicon_of


def load_lexicon(project: Project) -> tuple[Lexicon, list[Problem]]:
    return lexicon_of(project.vocabulary)


# --------------------------------------------------------------------------- per document

DOCUMENT_SECONDS = 300
"""What one document's extraction may take; the largest allowed (50 MB) takes under a minute."""
PAGES_PER_WORKER = RECORDS_PER_WORKER = 200
"""Below these, a process pool costs more than it saves."""


class Job(NamedTuple):
    path: Path
    display: str
    """The file's name as the user knows it (relative to the project root)."""
    max_bytes: int
    key: str | None  # its extraction cache key; None: not cached
    sha256: str | None = None  # of the bytes the key was made from: a file edited since is not stored


def extract_document(job: Job, shared: tuple[Lexicon, Entries | None]) -> Result:
    """One file: read, clean, extract, then merge the sidecar a person wrote; stored in
    the cache (when there is one) by the process that made it."""
    lexicon, store = shared
    try:
        with time_limit(DOCUMENT_SECONDS):
            result = _extract(job, lexicon)
    except Exception as exc:  # one document's failure (or slowness) must not stop the others
        return None, [error(job.display, f"the generator failed on this document ({type(exc).__name__}: {exc}); it is left out")]
    document = result[0]
    if store is None or (document is not None and document.clean.source.sha256 != job.sha256):
        return result  # edited since its key was made: the next build extracts it again
    return store.put(job.key, result)


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
    # The raw pages are not needed after cleaning: at thousands of documents, hundreds of MB.
    kept = replace(cleaned, source=replace(cleaned.source, pages=()))
    return Document(record, source.path, held_text(kept), record_digest(record)), problems


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
        display = shown_path(path, relative_to)
        key, sha256 = cache.key(path, display, merge.sidecar_for(path), metadata_file(path)) if cache else (None, None)
        jobs.append(Job(path, display, max_bytes, key, sha256))
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
    for document, found in (results[n] for n in range(len(jobs))):
        problems += found
        documents += [document] if document is not None else []
    return Outcome(tuple(documents), tuple(problems), extracted=len(missing), from_cache=len(jobs) - len(missing))


def check(project: Project, workers: int = 1, progress: Progress = Progress()) -> tuple[Outcome, Lexicon]:
    """Every document read and extracted, the vocabulary loaded; nothing written."""
    (lexicon, problems), (sources, found) = load_lexicon(project), find_documents(project.source)
    outcome = extract_all(sources, lexicon, project.root, None, workers, progress, project.max_bytes)
    problems += found
    return replace(outcome, problems=(*problems, *outcome.problems)), lexicon


def extract_files(project: Project, paths: list[Path]) -> Outcome:
    """The records of `paths`, with the project's vocabulary."""
    lexicon, problems = load_lexicon(project)
    outcome = extract_all(paths, lexicon)
    return replace(outcome, problems=(*problems, *outcome.problems))


# --------------------------------------------------------------------------- all documents


def generate(project: Project, workers: int = 1, progress: Progress = Progress()) -> Outcome:
    """documents -> records -> Markdown in `project.docs`, ready for the site engine."""
    outputs.mark(project.work)
    with progress.stage("vocabulary"):
        lexicon, problems = load_lexicon(project)
        cache = ExtractionCache(project.cache, project.vocabulary, f"max_bytes={project.max_bytes}")
    with progress.stage("discover"):
        sources, found_problems = find_documents(project.source)
        problems += found_problems + merge.orphan_sidecars(project.source, sources, project.root)
    with progress.stage("extract"):
        extracted = extract_all(sources, lexicon, project.root, cache, workers, progress, project.max_bytes)
    documents, duplicates = index.unique_ids(extracted.documents)
    problems += [*extracted.problems, *duplicates]
    stop = _stop(project, problems, documents, sources)
    if stop is not None:  # the previous site, records and cache are kept as they are
        return replace(extracted, problems=(*problems, stop), site_ready=False)
    cache.prune()
    redirects, id_problems = id_registry.redirects(documents, project.work)
    problems += id_problems
    with progress.stage("records"):
        records_cache = OutputCache(project.work / "records.manifest", project.records, code_fingerprint())
        records = [(document.record, document.record_digest) for document in documents]

        def dump_all(changed: list) -> list[str]:
            return map_positions(write.record_yaml_at, len(changed), changed, workers, min_per_worker=RECORDS_PER_WORKER)

        record_problems = write.write_records(records, project.records, records_cache, dump_all)
        problems += record_problems
    with progress.stage("index"):
        site_index = index.build_index(documents)
    with progress.stage("plan"):
        pages, plan_problems = plan.plan(site_index)
        problems += plan_problems
    with progress.stage("pages", len(pages)) as tick:
        salt = f"{code_fingerprint()}:{folder_fingerprint(project.templates)}"
        pages_cache = OutputCache(project.work / "pages.manifest", project.docs, salt)
        env = render.environment(project.templates)
        rendered, made, page_problems, complete = _make_pages(pages, env, pages_cache, project.docs, tick, workers)
        problems += page_problems
    outcome = replace(extracted, documents=tuple(documents), rendered=rendered, redirects=redirects)
    if not complete:
        return replace(outcome, problems=tuple(problems), site_ready=False)
    with progress.stage("feeds+exports"):
        # Made from the records alone: the exports again when a record changed, a feed when
        # one of its newest documents did.
        units = [("exports", [d.record_digest for d in site_index.documents],
                  lambda: exports.exports(site_index, lambda record_id: f"documenten/{record_id}/"))]
        units += [(f"feed {path}", inputs, lambda make=make, path=path: {path: make()}) for path, inputs, make in feeds.feed_units(site_index)]
        by_records, unchanged = pages_cache.unit_files(units)
    with progress.stage("write"):
        files = {**plan.source_files(site_index, project.root), **by_records}
        problems += write.write_tree(files, project.docs, keep=made | unchanged)
        pages_cache.save()
    return replace(outcome, problems=tuple(problems))


class PageMade(NamedTuple):
    path: str
    fingerprint: str | None  # None: not made
    rendered: bool
    problem: Problem | None = None
    blocking: bool = False  # a template failed or a text could not be loaded: no site is built


def make_page(n: int, shared: tuple[list[Page], jinja2.Environment, OutputCache, Path]) -> PageMade:
    """Page `n`: its context, its fingerprint and, when that changed, its Markdown, written at once."""
    pages, env, cache, root = shared
    page = pages[n]
    try:
        context = page.make_context()
        fingerprint = cache.fingerprint(page.template, context, page.front_matter)
        if cache.unchanged(page.path, fingerprint):
            return PageMade(page.path, fingerprint, False)
        text = render.render_page(page, context, env, page.text.load() if page.text else None)
    except jinja2.TemplateError as exc:
        return PageMade(page.path, None, False, render.template_problem(env, page, exc), blocking=True)
    except TextUnavailable as exc:
        problem = error(page.path, f"{exc}; build again, and the document is extracted anew")
        return PageMade(page.path, None, False, problem, blocking=True)
    problem = write.write_file(root, page.path, text)
    return PageMade(page.path, None, False, problem) if problem else PageMade(page.path, fingerprint, True)


def _make_pages(pages: list[Page], env: jinja2.Environment, cache: OutputCache, docs: Path, tick, workers: int = 1):
    """Every page, one at a time in each process (memory does not grow with the number of
    pages): (pages rendered, the paths now right on disk, problems, whether all could be made).
    Several processes pay from a few hundred pages on: at 1,000 documents two of them
    take 2.8 s where one takes 4.2-5.6 s, 3-5 % of a whole build."""
    made = map_positions(make_page, len(pages), (pages, env, cache, docs.resolve()), workers, tick, PAGES_PER_WORKER)
    problems, failed = [], set()
    for page in made:
        if page.fingerprint is not None:
            cache.remember(page.path, page.fingerprint)
        if page.problem is not None and page.problem.file not in failed:
            failed.add(page.problem.file)  # a failing template fails every page: say so once
            problems.append(page.problem)
    rendered = sum(page.rendered for page in made)
    return rendered, {page.path for page in made if page.fingerprint}, problems, not any(page.blocking for page in made)


def _stop(project: Project, problems: list[Problem], documents: list[Document], sources: list[Path]) -> Problem | None:
    """Why nothing may be written: a vocabulary with errors (every record would be wrong), or no document left."""
    vocabulary = str(project.vocabulary)
    if any(p.level is Level.ERROR and p.file.startswith(vocabulary) for p in problems):
        return error(project.vocabulary, "has errors (above); nothing was written and the previous site is kept")
    if not documents:
        found = f"none of the {len(sources)} documents could be read" if sources else "it holds no documents"
        return error(project.source, f"{found}; nothing was written and the previous site is kept")
    return None


def build(project: Project, strict: bool = False, workers: int = 1, progress: Progress = Progress(), reuse_pages: bool = True) -> Outcome:
    """documents -> records -> Markdown -> site (unchanged site pages reused unless `reuse_pages` is False)."""
    outcome = generate(project, workers, progress)
    if not outcome.site_ready:
        return outcome
    with source_date_epoch(outcome.documents), progress.stage("site"):
        built = site.build_site(project.config, project.docs, project.out, strict, redirects=outcome.redirects,
                                page_store=project.page_store, reuse_pages=reuse_pages)
    return replace(outcome, problems=outcome.problems + tuple(built.problems), site_rendered=built.rendered,
                   site_reused=built.reused, site_whole_because=built.whole_because)


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
                problems = site.build_site(project.config, project.docs, Path(tmp), strict, offline, outcome.redirects).problems
        if not any(p.level is Level.ERROR for p in problems) and (Path(tmp) / "index.html").is_file():
            with progress.stage("archive"):
                problems += _zip(project, outcome.documents, Path(tmp), out_file)
    return replace(outcome, problems=outcome.problems + tuple(problems))


def _zip(project: Project, documents: tuple[Document, ...], built: Path, out_file: Path) -> list[Problem]:
    sources = {path.relative_to(project.source).as_posix(): path for path in merge.with_sidecars(find_documents(project.source)[0], project.source)}
    entries, problems = archive.archive_entries(built, project.records, list(documents), sources, project.config)
    stamp, stamp_problems = archive.timestamp(os.environ["SOURCE_DATE_EPOCH"])
    if problems or stamp_problems:
        return problems + stamp_problems
    return archive.write_zip(entries, out_file, stamp)
