"""The offline archive: the site built for file://, with the records and the sources, in one zip.

The zip holds one folder, ARCHIVE_NAME/, with the site at its top (so that
`index.html` opens by double-clicking it), `LEESMIJ.txt`, `records/` (every
record as `<id>.yml` and `<id>.json`) and `bronnen/` (the original documents
and their `*.meta.yml` sidecars, under their own names). The zip is
deterministic: sorted entries, one fixed timestamp (SOURCE_DATE_EPOCH, else
the newest document's date), fixed permissions.
"""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from generator.model import Document, Problem, error
from generator.model.labels import dutch_date
from generator.model.project import ARCHIVE_COMMENT, ARCHIVE_NAME, MARKER
from generator.model.records import record_to_dict

IFRAME_WORKER = "assets/javascripts/iframe-worker-shim.js"
"""Vendored in site_overrides/ (see VENDORED.md there). The path must contain "iframe-worker",
or Material's offline plugin adds a copy from a CDN."""

RECORDS, SOURCES, README = "records", "bronnen", "LEESMIJ.txt"
_FILE_MODE, _DIR_MODE = 0o100644, 0o040755


def offline_settings(config_file: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Top-level MkDocs settings that turn the hosted site into one that works from file://."""
    try:
        with config_file.open(encoding="utf-8") as handle:
            config = yaml_load(handle) or {}
    except (OSError, ValueError, MkDocsException) as exc:
        return {}, [error(config_file, f"cannot be read: {exc}")]
    plugins = list(config.get("plugins") or [])
    if not any(_plugin_name(plugin) == "offline" for plugin in plugins):
        plugins.append("offline")
    theme = dict(config.get("theme") or {"name": "material"})
    theme["font"] = False
    theme["features"] = [f for f in theme.get("features") or [] if not str(f).startswith("navigation.instant")]
    extra = dict(config.get("extra") or {})
    polyfills = [p for p in extra.get("polyfills") or [] if "iframe-worker" not in str(p)]
    extra["polyfills"] = [*polyfills, IFRAME_WORKER]
    settings = {"plugins": plugins, "theme": theme, "extra": extra, "use_directory_urls": False}
    return settings, []


def _plugin_name(plugin: Any) -> str:
    if isinstance(plugin, dict):
        return next(iter(plugin), "")
    return str(plugin)


def archive_entries(
    site: Path, records: Path, documents: list[Document], sources: dict[str, Path], config: Path
) -> tuple[dict[str, bytes | Path], list[Problem]]:
    """Name inside the top folder -> bytes, or a file to read: the site built for file://,
    each record as YAML (from the `records` folder) and JSON, the `sources` (name -> file)
    and the LEESMIJ."""
    entries: dict[str, bytes | Path] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != MARKER:
            entries[path.relative_to(site).as_posix()] = path
    problems = [
        error(config, f"the site has its own '{name}', which the archive needs for itself")
        for name in (RECORDS, SOURCES, README)
        if (site / name).exists()
    ]
    for document in sorted(documents, key=lambda d: d.record.id):
        record = document.record
        entries[f"{RECORDS}/{record.id}.yml"] = records / f"{record.id}.yml"
        as_json = json.dumps(record_to_dict(record), ensure_ascii=False, indent=2) + "\n"
        entries[f"{RECORDS}/{record.id}.json"] = as_json.encode("utf-8")
    for name, path in sources.items():
        entries[f"{SOURCES}/{name}"] = path
    entries[README] = leesmij(documents).encode("utf-8")
    return entries, problems


def leesmij(documents: list[Document]) -> str:
    dates = sorted(d.record.date for d in documents if d.record.date)
    period = f"{dutch_date(dates[0])} tot en met {dutch_date(dates[-1])}" if dates else "onbekend"
    lines = [
        "Archief internationale militaire samenwerking",
        "=============================================",
        "",
        f"Deze map bevat {len(documents)} documenten van het Ministerie van Defensie over",
        f"internationale militaire samenwerking, gedateerd van {period}.",
        "",
        "Openen",
        "------",
        "1. Pak het zip-bestand eerst helemaal uit (Windows: rechtsklik, 'Alles uitpakken').",
        "   Openen vanuit het zip-bestand zelf werkt niet.",
        "2. Dubbelklik in de uitgepakte map op index.html. De startpagina opent in uw",
        "   webbrowser (Edge, Chrome of Firefox).",
        "3. Druk op de toets S of klik op het vergrootglas om te zoeken.",
        "",
        "Er is geen internetverbinding nodig: de zoekfunctie, de opmaak en alle pagina's",
        "staan in deze map. Alleen verwijzingen naar Kamerstukken die niet in het archief",
        "zitten, gaan naar zoek.officielebekendmakingen.nl en hebben internet nodig.",
        "De map kan zo op een USB-stick of netwerkschijf worden gezet; houd de mappen bij elkaar.",
        "",
        "Inhoud",
        "------",
        "index.html        de startpagina van het archief",
        "documenten/ ...   de pagina's van de website (ook partners/, initiatieven/, enz.)",
        f"{RECORDS}/          per document de metadata (datum, kenmerk, partnerlanden, ...)",
        "                  als YAML (<id>.yml) en als JSON (<id>.json)",
        f"{SOURCES}/          de oorspronkelijke bestanden, met de correcties (*.meta.yml)",
        "records.json      alle metadata in een bestand; records.csv als tabel",
        f"{README}       dit bestand",
        "",
    ]
    return "\r\n".join(lines)


def timestamp(epoch: str) -> tuple[tuple[int, int, int, int, int, int], list[Problem]]:
    """The date of every entry. The zip format starts in 1980 and ends in 2107."""
    try:
        seconds = int(epoch)
    except ValueError:
        return (1980, 1, 1, 0, 0, 0), [error("SOURCE_DATE_EPOCH", f"is not a number of seconds: {epoch!r}")]
    moment = time.gmtime(min(max(seconds, 315532800), 4354819198))
    return (moment.tm_year, moment.tm_mon, moment.tm_mday, moment.tm_hour, moment.tm_min, moment.tm_sec), []


def write_zip(entries: dict[str, bytes | Path], out_file: Path, stamp: tuple[int, ...]) -> list[Problem]:
    names = {f"{ARCHIVE_NAME}/{name}": content for name, content in entries.items()}
    folders = {f"{ARCHIVE_NAME}/"}
    for name in names:
        parts = name.split("/")[:-1]
        folders.update("/".join(parts[: i + 1]) + "/" for i in range(len(parts)))
    partial = out_file.with_name(f".{out_file.name}.partial")
    try:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w") as archive:
            archive.comment = ARCHIVE_COMMENT
            for name in sorted(folders | set(names)):
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.create_system = 3
                if name in folders:
                    info.external_attr = _DIR_MODE << 16 | 0x10
                    archive.writestr(info, b"")
                    continue
                info.external_attr = _FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                content = names[name]
                data = content.read_bytes() if isinstance(content, Path) else content
                archive.writestr(info, data, compresslevel=9)
        os.replace(partial, out_file)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return [error(out_file, f"the archive was not written: {exc}")]
    return []
