"""Problems: what is wrong with one input, reported as data, never raised."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input; reported, never raised."""

    level: Level
    file: str
    """The file as the user named it (or would recognise it)."""
    message: str
    """What was expected and what was found."""
    field: str | None = None
    """The record field or configuration key concerned, if any."""

    def __str__(self) -> str:
        where = f"'{self.field}' of '{self.file}'" if self.field else f"'{self.file}'"
        return f"{self.level.value}: {where}: {self.message}"


def error(file: str | Path, message: str, field: str | None = None) -> Problem:
    return Problem(Level.ERROR, str(file), message, field)


def warning(file: str | Path, message: str, field: str | None = None) -> Problem:
    return Problem(Level.WARNING, str(file), message, field)
