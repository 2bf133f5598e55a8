"""How a parser's exception is shown in a problem message."""

from __future__ import annotations

MAX_DETAIL = 120


def summary(exc: BaseException) -> str:
    """The exception's type and message, cut short: parsers quote whole byte runs."""
    detail = " ".join(str(exc).split())
    if len(detail) > MAX_DETAIL:
        detail = detail[: MAX_DETAIL - 1] + "…"
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
