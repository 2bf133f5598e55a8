"""A small bar chart of documents per year, made at build time as inline SVG: no script,
works offline, and a screen reader reads its numbers from its title and label."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.model.pages import YearCount
from generator.stages.render.words import documents, dutch_number

STEP = 34
"""Width of one year's column, in SVG units."""
BAR = 22
HEIGHT = 64
"""Height of the tallest bar."""
TOP = 14
"""Room above the bars for their numbers."""
BOTTOM = 16
"""Room below the bars for the years."""
GAP = 12
"""Space between the last year and the bar of documents without a date."""
LABEL_EVERY_YEAR = 16
"""Up to this many columns each year is labelled; more, only the first, the last and every fifth."""


def year_chart(per_year: list[YearCount], subject: str) -> Markup:
    """Columns from the oldest to the newest year (years without documents included, so the
    gaps show) and one for the documents without a date. `subject` completes the sentence
    "Documenten per jaar {subject}" ("over Japan")."""
    counts = {item["year"]: item["count"] for item in per_year}
    years = [year for year in counts if year is not None]
    columns: list[int | None] = list(range(min(years), max(years) + 1)) if years else []
    if None in counts:
        columns.append(None)
    if not columns:
        return Markup("")
    tallest = max(counts.values())
    width = len(columns) * STEP + (GAP if None in counts and years else 0)
    description = _description(per_year, subject)
    shapes = []
    for position, year in enumerate(columns):
        x = position * STEP + (GAP if year is None and years else 0)
        count = counts.get(year, 0)
        height = round(HEIGHT * count / tallest) if count else 0
        if count:
            kind = "undated" if year is None else "dated"
            shapes.append(
                f'<rect class="{kind}" x="{x + (STEP - BAR) // 2}" y="{TOP + HEIGHT - height}" '
                f'width="{BAR}" height="{height}" fill="#4051b5"></rect>'
                f'<text class="count" x="{x + STEP // 2}" y="{TOP + HEIGHT - height - 3}">{dutch_number(count)}</text>'
            )
        if _labelled(year, position, len(columns)):
            label = "z.d." if year is None else str(year)
            shapes.append(f'<text class="year" x="{x + STEP // 2}" y="{TOP + HEIGHT + BOTTOM - 3}">{label}</text>')
    height = TOP + HEIGHT + BOTTOM
    svg = (
        f'<svg class="year-chart" role="img" aria-label="{escape(description)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" text-anchor="middle" font-size="10" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(description)}</title>{''.join(shapes)}</svg>"
    )
    return Markup(f'<figure class="year-chart">{svg}</figure>')


def _labelled(year: int | None, position: int, total: int) -> bool:
    if year is None or total <= LABEL_EVERY_YEAR or position in (0, total - 1):
        return True
    return year % 5 == 0


def _description(per_year: list[YearCount], subject: str) -> str:
    """"Documenten per jaar over Japan: 2024: 1 document, 2025: 2 documenten; zonder datum: 1 document."""
    dated = sorted((item for item in per_year if item["year"] is not None), key=lambda item: item["year"])
    parts = [f"{item['year']}: {documents(item['count'])}" for item in dated]
    undated = [item for item in per_year if item["year"] is None]
    text = f"Documenten per jaar {subject}: " + ", ".join(parts)
    if undated:
        text += ("; " if parts else "") + f"zonder datum: {documents(undated[0]['count'])}"
    return text + "."
