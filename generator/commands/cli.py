"""Command line: parse arguments, call one pipeline function, turn problems into an exit code."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import __version__, pipeline
from generator.commands.curation import curation_findings
from generator.model import Level
from generator.model.project import MAX_BYTES, Project
from generator.model.records import to_json_line
from generator.run.lock import Busy, exclusive
from generator.run.outputs import archive_refusal, refusals
from generator.run.pool import default_workers
from generator.run.progress import progress_for

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
DEFAULT_ADDRESS = "127.0.0.1:8000"


class UsageError(Exception):
    """A mistake in how the command was called: one line, exit 2, no traceback."""


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return number


def _megabytes(text: str) -> int:
    try:
        size = float(text)
    except ValueError:
        size = 0
    if not size > 0:
        raise argparse.ArgumentTypeError(f"expected a size in MB greater than 0, got {text!r}")
    return int(size * 2**20)


def _common(*, out: bool = False, work: bool = True, strict: bool = True) -> argparse.ArgumentParser:
    """The options that several commands share."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--source", type=Path, help="folder with the documents (default: source_docs/)")
    if out:
        common.add_argument("--out", type=Path, help="folder for the built site (default: site/)")
    if work:
        common.add_argument("--work", type=Path, help="folder for generated records and Markdown (default: build/)")
    if strict:
        common.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    common.add_argument(
        "--max-size", type=_megabytes, metavar="MB",
        help=f"refuse documents larger than this, with an error (default: {MAX_BYTES // 2**20} MB)",
    )
    common.add_argument(
        "-j", "--jobs", type=_positive, metavar="N",
        help=f"extraction processes (default: one per core, here {default_workers()}; 1: no process pool)",
    )
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="no progress bars; print only problems")
    loudness.add_argument("-v", "--verbose", action="store_true", help="also print every document and its id")
    return common


def _command(commands, name: str, help: str, description: str, examples: list[str], parents) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=help,
        description=description,
        epilog="example:\n" + "\n".join(f"  python -m generator {example}" for example in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=parents,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Archief internationale militaire samenwerking: documents -> records -> Markdown -> MkDocs site.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = _command(
        commands, "build", "build the site from the documents",
        "Read every document, write its record and pages, and build the site with MkDocs.\n"
        "Site pages whose inputs did not change since the last build are taken from it.",
        ["build --strict", "build --source source_docs --out site", "build --render-all"],
        [_common(out=True)],
    )
    build_cmd.add_argument(
        "--render-all", action="store_true",
        help="render every site page again instead of reusing the unchanged ones of the last build",
    )

    extract_cmd = _command(
        commands, "extract", "print the records of documents",
        "Extract the metadata of each FILE and print it, one JSON object per line, in input order.",
        ["extract --json source_docs/brief.txt"],
        [],
    )
    extract_cmd.add_argument("--json", action="store_true", required=True, help="print JSON lines (required)")
    extract_cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")

    _command(
        commands, "check", "validate documents and vocabulary without building",
        "Read and extract every document and load the vocabulary; report problems; build nothing.\n"
        "Then list, on standard output, what a curator may want to add to vocabulary/: initiatives\n"
        "found only through their definition in a text, and names that nearly match a known form.",
        ["check --source source_docs", "check --strict -q"],
        [_common(work=False)],
    )

    archive_cmd = _command(
        commands, "archive", "write the offline archive (a zip of the site for file://)",
        "Build the site to be opened from a folder without a network (search included) and zip it\n"
        "with the records (YAML and JSON), the original documents and a LEESMIJ.txt.\n"
        "The zip holds one folder: unpack it and open index.html. The same inputs give the same bytes.",
        ["archive", "archive --out /media/usb/archief.zip --strict"],
        [_common()],
    )
    archive_cmd.add_argument(
        "--out", dest="zip_file", type=Path, metavar="FILE",
        help="the zip to write (default: build/archief-internationale-militaire-samenwerking.zip)",
    )

    serve_cmd = _command(
        commands, "serve", "preview the site; regenerate and reload on every change",
        "Build the site into build/preview/ (never into site/) and serve it on your own machine.\n"
        "When a document, sidecar, vocabulary file, template, site_overrides/ or mkdocs.yml\n"
        "changes, the site is built again (only the pages that changed) and the browser reloads.\n"
        "Stop with Ctrl+C.",
        ["serve", "serve --address 127.0.0.1:8080"],
        [_common(strict=False)],
    )
    serve_cmd.add_argument(
        "--address", default=DEFAULT_ADDRESS, metavar="HOST:PORT", help=f"where to serve (default: {DEFAULT_ADDRESS})"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _check_environment()
        return COMMANDS[args.command](args)
    except (UsageError, Busy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK if args.command == "serve" else EXIT_ERRORS


def _check_environment() -> None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not epoch.strip().isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found {epoch!r}")


def _project(args: argparse.Namespace) -> Project:
    root = Path.cwd()
    project = Project.at(
        root,
        source=args.source,
        out=getattr(args, "out", None),
        work=getattr(args, "work", None),
        max_bytes=getattr(args, "max_size", None),
    )
    if not project.source.is_dir():
        raise UsageError(f"the source folder '{project.source}' does not exist or is not a folder")
    if not project.config.is_file():
        raise UsageError(f"no mkdocs.yml in '{root}': run the command from the project's root folder")
    outputs = {"--work": project.work}
    if args.command == "build":
        outputs["--out"] = project.out
    reasons = refusals(project, outputs) if args.command != "check" else []
    if reasons:
        raise UsageError(f"refused: {reasons[0]}")
    return project


def _run_options(args: argparse.Namespace) -> dict:
    return {"workers": args.jobs or default_workers(), "progress": progress_for(args.quiet)}


def _report(outcome: pipeline.Outcome, args: argparse.Namespace) -> int:
    strict = getattr(args, "strict", False)
    for problem in outcome.problems:
        if problem.level is Level.ERROR or strict or not args.quiet:
            print(problem, file=sys.stderr)
    if args.verbose:
        for document in sorted(outcome.documents, key=lambda d: d.record.id):
            print(f"  {document.record.id:<28} {document.record.source}")
    if not args.quiet:
        if outcome.site_rendered or outcome.site_reused:
            whole = f"; all rendered: {outcome.site_whole_because}" if outcome.site_whole_because else ""
            print(f"site pages: {outcome.site_rendered + outcome.site_reused} ({outcome.site_rendered} rendered, {outcome.site_reused} reused{whole})")
        print(f"documents: {len(outcome.documents)} ({outcome.extracted} extracted, {outcome.from_cache} from cache)")
    failed = outcome.has_errors or (strict and outcome.has_warnings)
    return EXIT_ERRORS if failed else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    project = _project(args)
    with exclusive(project.work):
        outcome = pipeline.build(project, strict=args.strict, reuse_pages=not args.render_all, **_run_options(args))
    return _report(outcome, args)


def _archive(args: argparse.Namespace) -> int:
    project = _project(args)
    out_file = args.zip_file or project.archive
    reason = archive_refusal(out_file)
    if reason:
        raise UsageError(f"refused: {reason}")
    with exclusive(project.work):
        outcome = pipeline.build_archive(project, out_file, strict=args.strict, **_run_options(args))
    status = _report(outcome, args)
    if out_file.is_file() and not outcome.has_errors and not args.quiet:
        print(f"archive: {out_file}")
    return status


def _check(args: argparse.Namespace) -> int:
    project = _project(args)
    outcome, lexicon = pipeline.check(project, **_run_options(args))
    status = _report(outcome, args)
    findings = curation_findings(outcome.documents, lexicon)
    if findings and not args.quiet:
        print(f"for the curator ({len(findings)}):")
        for finding in findings:
            print(f"  {finding.source}: {finding.message}")
    return status


def _serve(args: argparse.Namespace) -> int:
    from generator.commands.serve import AddressInUse, serve

    project = _project(args)
    host, _, port = args.address.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--address expects HOST:PORT, such as {DEFAULT_ADDRESS}; got '{args.address}'")
    options = _run_options(args)
    try:
        serve(project, args.address, lambda outcome: _report(outcome, args), **options)
    except AddressInUse as exc:
        raise UsageError(str(exc)) from None
    return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    project = Project.at(Path.cwd())
    if not project.vocabulary.is_dir():
        raise UsageError(f"no vocabulary/ in '{project.root}': run the command from the project's root folder")
    outcome = pipeline.extract_files(project, args.files)
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
    for document in outcome.documents:
        print(to_json_line(document.record))
    return EXIT_ERRORS if outcome.has_errors else EXIT_OK


COMMANDS = {"build": _build, "extract": _extract, "check": _check, "archive": _archive, "serve": _serve}
