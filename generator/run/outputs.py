"""Which folders and files the generator may replace or empty: only what it made.

The generator marks the folders it writes (the work folder and the site) with a small
file, MARKER. Before a run it refuses, with one line, an output that is, holds or lies
inside a folder people write (the documents, the vocabulary, the templates, the theme
overrides, .git) or holds the project; a file where a folder belongs; and a non-empty
folder without the marker, unless it holds only what the generator makes (a work
folder of an earlier version, a site MkDocs built). An archive is only overwritten
when the file there is an archive the generator wrote.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator import __version__
from generator.model.project import ARCHIVE_COMMENT, ARCHIVE_NAME, MARKER, Project, built_by_mkdocs

WORK_NAMES = {"cache", "docs", "records", "pages.manifest", "records.manifest", ".lock", MARKER}
"""What a work folder holds (with leftovers of killed runs: names ending in .tmp)."""


def marker_text() -> str:
    return f"Made by the archive generator {__version__}. Its next run may replace everything in this folder.\n"


def mark(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(marker_text(), encoding="utf-8")


def refusals(project: Project, outputs: dict[str, Path]) -> list[str]:
    """Why the generator may not write each of `outputs` ({"--out": folder, ...}); empty when all is well."""
    found = []
    for option, folder in outputs.items():
        reason = _refusal(folder, project, adopt=_ADOPT.get(option, _never))
        if reason:
            found.append(f"{option} '{folder}': {reason}")
    resolved = {option: folder.resolve() for option, folder in outputs.items()}
    options = sorted(resolved)
    for n, first in enumerate(options):
        for second in options[n + 1 :]:
            a, b = resolved[first], resolved[second]
            if a == b or a.is_relative_to(b) or b.is_relative_to(a):
                found.append(f"{first} '{outputs[first]}' and {second} '{outputs[second]}' overlap; give them separate folders")
    return found


def _refusal(folder: Path, project: Project, adopt) -> str | None:
    target = folder.resolve()
    root = project.root.resolve()
    if root.is_relative_to(target):
        return "it holds the project itself; choose a folder of its own, such as 'site'"
    for kept, what in _people_folders(project):
        kept = kept.resolve()
        if target == kept or target.is_relative_to(kept):
            return f"it lies inside {what} '{kept}', which the generator never writes to"
        if kept.is_relative_to(target):
            return f"it holds {what} '{kept}', which the generator never writes to"
    if target.exists() and not target.is_dir():
        return "it is a file, not a folder; the generator does not replace it"
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()) and not adopt(target):
        return f"it holds files the generator did not make (no {MARKER} in it); empty it or choose another folder"
    return None


def _people_folders(project: Project) -> list[tuple[Path, str]]:
    root = project.root
    return [
        (project.source, "the documents folder"),
        (project.vocabulary, "the vocabulary"),
        (project.templates, "the templates"),
        (root / "site_overrides", "the theme overrides"),
        (root / ".git", "the git repository"),
    ]


def _never(folder: Path) -> bool:
    return False


def _work_folder(folder: Path) -> bool:
    """A work folder of a version before the marker: only names the generator uses."""
    return all(path.name in WORK_NAMES or path.name.endswith(".tmp") or _is_archive(path) for path in folder.iterdir())


_ADOPT = {"--work": _work_folder, "--out": built_by_mkdocs}


def archive_refusal(out_file: Path) -> str | None:
    """Why `out_file` may not be written: it is a folder, or a file that is not an archive the generator wrote."""
    if out_file.is_dir():
        return f"'{out_file}' is a folder: give the name of the zip file to write"
    if out_file.exists() and not _is_archive(out_file):
        return f"'{out_file}' exists and is not an archive the generator wrote; it is left as it is"
    return None


def _is_archive(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.comment == ARCHIVE_COMMENT:
                return True
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    return bool(names) and all(name.startswith(f"{ARCHIVE_NAME}/") for name in names)
