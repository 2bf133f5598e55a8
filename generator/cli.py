"""Command line: parse arguments, call one pipeline function, turn problems into an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .archive import build_archive, default_archive
from .pipeline import Outcome, Project, build, discover, extract_all, load_lexicon
from .records import to_json_line

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: one line, exit 1, no traceback."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Archief internationale militaire samenwerking: documents -> records -> Markdown -> MkDocs site.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser(
        "build",
        help="build the site from the documents",
        description="Read every document, write its record and pages, and build the site with MkDocs.",
        epilog="example:\n  python -m generator build --strict\n  python -m generator build --source source_docs --out site",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build_cmd.add_argument("--source", type=Path, help="folder with the documents (default: source_docs/)")
    build_cmd.add_argument("--out", type=Path, help="folder for the built site (default: site/)")
    build_cmd.add_argument("--work", type=Path, help="folder for generated records and Markdown (default: build/)")
    build_cmd.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")

    extract_cmd = commands.add_parser(
        "extract",
        help="print the records of documents",
        description="Extract the metadata of each FILE and print it, one JSON object per line, in input order.",
        epilog="example:\n  python -m generator extract --json source_docs/brief.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract_cmd.add_argument("--json", action="store_true", required=True, help="print JSON lines (required)")
    extract_cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")

    check_cmd = commands.add_parser(
        "check",
        help="validate documents and vocabulary without building",
        description="Read and extract every document and load the vocabulary; report problems; build nothing.",
        epilog="example:\n  python -m generator check --source source_docs",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check_cmd.add_argument("--source", type=Path, help="folder with the documents (default: source_docs/)")
    check_cmd.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")

    archive_cmd = commands.add_parser(
        "archive",
        help="write the offline archive (a zip of the site for file://)",
        description=(
            "Build the site to be opened from a folder without a network (search included) and zip it\n"
            "with the records (YAML and JSON), the original documents and a LEESMIJ.txt.\n"
            "The zip holds one folder: unpack it and open index.html. The same inputs give the same bytes."
        ),
        epilog=(
            "example:\n  python -m generator archive\n"
            "  python -m generator archive --out /media/usb/archief.zip --strict"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    archive_cmd.add_argument("--source", type=Path, help="folder with the documents (default: source_docs/)")
    archive_cmd.add_argument(
        "--out", dest="zip_file", type=Path, metavar="FILE",
        help="the zip to write (default: build/archief-internationale-militaire-samenwerking.zip)",
    )
    archive_cmd.add_argument("--work", type=Path, help="folder for generated records and Markdown (default: build/)")
    archive_cmd.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERRORS


def _project(args: argparse.Namespace) -> Project:
    root = Path.cwd()
    project = Project.at(root, source=args.source, out=getattr(args, "out", None), work=getattr(args, "work", None))
    if not project.source.is_dir():
        raise UsageError(f"the source folder '{project.source}' does not exist or is not a folder")
    if not project.config.is_file():
        raise UsageError(f"no mkdocs.yml in '{root}': run the command from the project's root folder")
    return project


def _report(outcome: Outcome, strict: bool) -> int:
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
    print(f"documents: {len(outcome.documents)} ({outcome.extracted} extracted, {outcome.from_cache} from cache)")
    failed = outcome.has_errors or (strict and outcome.has_warnings)
    return EXIT_ERRORS if failed else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    project = _project(args)
    return _report(build(project, strict=args.strict), args.strict)


def _archive(args: argparse.Namespace) -> int:
    project = _project(args)
    out_file = args.zip_file or default_archive(project)
    if out_file.is_dir():
        raise UsageError(f"'{out_file}' is a folder: give the name of the zip file to write")
    outcome = build_archive(project, out_file, strict=args.strict)
    status = _report(outcome, args.strict)
    if out_file.is_file() and not outcome.has_errors:
        print(f"archive: {out_file}")
    return status


def _check(args: argparse.Namespace) -> int:
    project = _project(args)
    lexicon, problems = load_lexicon(project)
    outcome = extract_all(discover(project.source), lexicon, relative_to=project.root)
    outcome.problems[:0] = problems
    return _report(outcome, args.strict)


def _extract(args: argparse.Namespace) -> int:
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    lexicon, problems = load_lexicon(Project.at(Path.cwd()))
    outcome = extract_all(args.files, lexicon)
    for problem in problems + outcome.problems:
        print(problem, file=sys.stderr)
    for document in outcome.documents:
        print(to_json_line(document.record))
    return EXIT_ERRORS if outcome.has_errors or any(p.level.value == "error" for p in problems) else EXIT_OK


COMMANDS = {"build": _build, "extract": _extract, "check": _check, "archive": _archive}
