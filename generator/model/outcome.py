"""What a run of the pipeline gives: the documents that made it, and every problem."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.document import Document
from generator.model.problems import Level, Problem


@dataclass(frozen=True)
class Outcome:
    documents: tuple[Document, ...] = ()
    problems: tuple[Problem, ...] = ()
    extracted: int = 0
    from_cache: int = 0
    rendered: int = 0
    """Pages rendered anew (the others had not changed)."""
    redirects: dict[str, str] = field(default_factory=dict)
    """{former id: current id}: addresses published before that lead to a document's page now."""
    site_rendered: int = 0
    """Site pages MkDocs rendered; the others (`site_reused`) were taken from the last build."""
    site_reused: int = 0
    site_whole_because: str | None = None
    """Why every site page was rendered anew, when none could be reused."""
    site_ready: bool = True
    """False when the pages could not all be made: the previous site is then kept."""

    @property
    def has_errors(self) -> bool:
        return any(problem.level is Level.ERROR for problem in self.problems)

    @property
    def has_warnings(self) -> bool:
        return any(problem.level is Level.WARNING for problem in self.problems)
