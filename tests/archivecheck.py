"""Reading the offline archive: building it for a test, and finding resources loaded from the network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT

from generator.pipeline import Outcome, Project, build_archive


def make_archive(tmp: Path, name: str = "archief.zip") -> tuple[Path, Outcome]:
    """The archive of source_docs/, built with `tmp` as its work folder."""
    project = Project.at(ROOT, source=ROOT / "source_docs", out=tmp / "site", work=tmp / "build")
    zip_file = tmp / name
    return zip_file, build_archive(project, zip_file, strict=True)


_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
_LOADED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                 "preconnect", "dns-prefetch", "manifest", "mask-icon"}
_SOURCE_ATTRIBUTES = {"src", "poster", "data", "background"}
_CSS_REMOTE = [
    re.compile(r"@import\s+(?:url\(\s*)?['\"]?\s*(?:https?:)?//", re.I),
    re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//", re.I),
]
_JS_REMOTE = [
    re.compile(r"""\b(?:src|href)\s*=\s*["'`]\s*(?:https?:)?//""", re.I),
    re.compile(r"""\bimportScripts\(\s*["'`]\s*(?:https?:)?//""", re.I),
    re.compile(r"""\bimport\(\s*["'`]\s*(?:https?:)?//""", re.I),
    *_CSS_REMOTE,
]


class _Resources(HTMLParser):
    """Every URL an HTML page makes the browser load (not the links it offers), as (tag, url)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loaded: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in sorted(_SOURCE_ATTRIBUTES & values.keys()):
            self.loaded.append((f"<{tag} {name}>", values[name]))
        for name in ("srcset", "imagesrcset"):
            for candidate in values.get(name, "").split(","):
                if candidate.strip():
                    self.loaded.append((f"<{tag} {name}>", candidate.split()[0]))
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels & _LOADED_LINKS:
            self.loaded.append((f"<link rel={values['rel']}>", values.get("href", "")))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = re.search(r"url\s*=\s*(.*)", values.get("content", ""), re.I)
            self.loaded.append(("<meta http-equiv=refresh>", target.group(1).strip("'\" ") if target else ""))


def remote_resources(folder: Path) -> list[str]:
    """'file: what' for each resource that an HTML, CSS or JS file under `folder` loads from the network."""
    found = []
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in {".html", ".htm", ".css", ".js", ".mjs"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(folder).as_posix()
        patterns = _JS_REMOTE if suffix in {".js", ".mjs"} else _CSS_REMOTE
        if suffix in {".html", ".htm"}:
            parser = _Resources()
            parser.feed(text)
            found += [f"{where}: {tag} {url!r}" for tag, url in parser.loaded if _REMOTE.match(url)]
        for pattern in patterns:
            for match in pattern.finditer(text):
                found.append(f"{where}: {text[match.start():match.end() + 60]!r}")
    return found
