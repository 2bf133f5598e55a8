"""Digests of everything each page's HTML depends on beyond its own Markdown."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

ENGINE = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
HERE = Path(__file__).parent
LABELS = {
    "mkdocs.yml": "mkdocs.yml",
    "settings": "the settings given on top of mkdocs.yml",
    "theme": "the theme folder (custom_dir, e.g. site_overrides/)",
    "engine": "the version of MkDocs, Material, Markdown or Jinja",
    "generator": "the generator's site code",
    "nav": "the navigation",
    "listings": "a page with a tags listing",
    "search": "the way search entries are kept (compacted from 1,000 pages on)",
}


def settings_digests(config_file: Path, overrides: dict | None, config) -> dict[str, str]:
    """{what: digest} for the configuration file, the settings given on top of it, the
    theme's own folder (custom_dir), the versions of the engine and this code."""
    custom_dir = config.theme.custom_dir
    return {
        "mkdocs.yml": _digest_files([Path(config_file)]),
        "settings": hashlib.sha256(json.dumps(overrides or {}, sort_keys=True, default=str).encode()).hexdigest(),
        "theme": _digest_files(sorted(Path(custom_dir).rglob("*")), Path(custom_dir)) if custom_dir else "",
        "engine": ",".join(f"{name}={_version(name)}" for name in ENGINE),
        "generator": _digest_files(sorted(HERE.glob("*.py")), HERE),
    }


def _digest_files(paths: list[Path], root: Path | None = None) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(str(path.relative_to(root) if root else path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
