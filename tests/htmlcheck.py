"""Reading built HTML: every link and resource, resolved like a browser would."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.found.append((tag, name, value))


def references(html: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) of every href and src."""
    parser = _References()
    parser.feed(html)
    return parser.found


def resolve(site: Path, page: Path, reference: str) -> Path | None:
    """The file a relative reference points to, or None for external and in-page ones."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if target.is_dir() or reference.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    broken = []
    root = site.resolve()
    for page in sorted(site.rglob("*.html")):
        for tag, attribute, value in references(page.read_text(encoding="utf-8")):
            target = resolve(site, page, value)
            if target is not None and (not target.is_relative_to(root) or not target.exists()):
                broken.append(f"{page.relative_to(site)}: <{tag} {attribute}={value!r}>")
    return broken
