"""Pages whose context has not changed since the last generation are not rendered again.

A page's fingerprint covers its template folder, the generator's code, its context and
its front matter. The manifest (in the work folder) maps each page to the fingerprint
it was rendered from and to the size and modification time of the file written then:
a page is reused only when both still match, so a generated file that was edited or
removed by hand is rendered again. Groups of files made together from the same input
(the feeds and the exports, from all records) are reused the same way, as a unit.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.run.extraction_cache import code_fingerprint, folder_fingerprint
from generator.stages.plan import Page

Stamp = tuple[int, int]


class PageCache:
    def __init__(self, manifest: Path, docs: Path, templates: Path):
        self.manifest = manifest
        self.docs = docs
        self.salt = f"{code_fingerprint()}:{folder_fingerprint(templates)}".encode()
        previous = self._load()
        self.previous: dict[str, tuple[str, Stamp]] = previous.get("pages", {})
        self.previous_units: dict[str, tuple[str, tuple[str, ...]]] = previous.get("units", {})
        self.fingerprints: dict[str, str] = {}
        self.units: dict[str, tuple[str, tuple[str, ...]]] = {}

    def _load(self) -> dict:
        try:
            with self.manifest.open("rb") as handle:
                entries = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def unit(
        self, name: str, inputs: Iterable[str], make: Callable[[], dict[str, str]]
    ) -> tuple[dict[str, str], set[str]]:
        """(files to write, paths still right on disk) for files made together by `make`
        from `inputs`: `make` is called only when the inputs or one of the files changed."""
        digest = hashlib.blake2b(self.salt, digest_size=20)
        for item in inputs:
            digest.update(item.encode())
            digest.update(b"\0")
        fingerprint = digest.hexdigest()
        known = self.previous_units.get(name)
        if known and known[0] == fingerprint and all(self.previous.get(path, ("", None))[1] == self._stamp(path) for path in known[1]):
            self.units[name] = known
            return {}, set(known[1])
        files = make()
        self.units[name] = (fingerprint, tuple(sorted(files)))
        return files, set()

    def fingerprint(self, page: Page, context: object) -> str:
        digest = hashlib.blake2b(self.salt, digest_size=20)
        digest.update(pickle.dumps((page.template, context, page.front_matter), protocol=pickle.HIGHEST_PROTOCOL))
        return digest.hexdigest()

    def unchanged(self, path: str, fingerprint: str) -> bool:
        """True when the file at `path` was rendered from this fingerprint and is as written then."""
        known = self.previous.get(path)
        return known is not None and known[0] == fingerprint and known[1] == self._stamp(path)

    def remember(self, fingerprints: dict[str, str]) -> None:
        """The fingerprints of this generation's pages, kept by `save`."""
        self.fingerprints.update(fingerprints)

    def save(self) -> None:
        """Remember every page planned in this generation, as its file now is."""
        pages = {}
        unit_files = {(path, name) for name, (_, paths) in self.units.items() for path in paths}
        for path, fingerprint in [*self.fingerprints.items(), *unit_files]:
            stamp = self._stamp(path)
            if stamp is not None:
                pages[path] = (fingerprint, stamp)
        self.manifest.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.manifest.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump({"pages": pages, "units": self.units}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(self.manifest)

    def _stamp(self, path: str) -> Stamp | None:
        try:
            info = (self.docs / path).stat()
        except OSError:
            return None
        return (info.st_size, info.st_mtime_ns)
