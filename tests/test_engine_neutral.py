"""The generated Markdown tree is not tied to MkDocs: Zensical, the successor of Material
for MkDocs (whose maintenance ends in May 2027), builds the seeds' tree too, with every
page MkDocs makes and no broken link, so the archive can move engines.

What differs today is in benchmarks/README.md (Zensical): its search interface is in
English, it needs docs_dir and site_dir relative to mkdocs.yml, and at 1,000 documents
and more its tags listing and search fields do not scale; so the site is built with MkDocs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from htmlcheck import broken_links

REDIRECT = re.compile(r'http-equiv="refresh"', re.IGNORECASE)


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not REDIRECT.search(p.read_text(encoding="utf-8", errors="replace"))}


def test_zensical_builds_every_page_with_no_broken_link(seeds_site, tmp_path):
    shutil.copytree(seeds_site.project.docs, tmp_path / "docs")
    shutil.copytree(ROOT / "site_overrides", tmp_path / "site_overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^docs_dir: .*$", "docs_dir: docs", config)
    config = re.sub(r"(?m)^site_dir: .*$", "site_dir: site", config)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    built = tmp_path / "site"
    assert pages(seeds_site.site) - pages(built) == set()
    assert broken_links(built) == []
