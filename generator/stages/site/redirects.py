"""Former document addresses, each a small Dutch page that leads to the document's page now.

Written after MkDocs has built the site, beside it and never over a page of it; the path
of each follows the site's URL form (`documenten/<id>/` hosted, `documenten/<id>.html`
in the offline archive), and the link is relative, so it works from a folder too.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from generator.model.paths import document_path

PAGE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Dit document heeft een nieuw adres</title>
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
<meta name="robots" content="noindex">
</head>
<body>
<p>Dit document heeft een nieuw adres: <a href="{url}">naar het document</a>.</p>
</body>
</html>
"""


class Redirects(BasePlugin):
    def __init__(self, moved: dict[str, str]) -> None:
        super().__init__()
        self.moved = moved

    def on_post_build(self, *, config) -> None:
        directory_urls = config["use_directory_urls"]
        site = Path(config["site_dir"])
        for former, current in self.moved.items():
            old = _dest(former, directory_urls)
            target = site / old
            if target.exists():  # a page of the site is never replaced by a redirect
                continue
            new = _dest(current, directory_urls)
            url = posixpath.relpath(new, posixpath.dirname(old))
            if directory_urls:
                url = posixpath.dirname(url) + "/"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(PAGE.format(url=html.escape(url)), encoding="utf-8")


def _dest(document_id: str, directory_urls: bool) -> str:
    return File(document_path(document_id), "", "", directory_urls).dest_uri
