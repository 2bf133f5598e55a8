"""Lists of documents that hub pages repeat thousands of times, written in Python: the
same Markdown a Jinja loop would give at a third of its cost (at 1,000 documents the
hub pages' lists took 2.5 s through templates)."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from generator.model.pages import Passage, YearGroup
from generator.stages.render.markdown import escape_markdown


def passage_list(passages: list[Passage], url: Callable[[str], str]) -> Markup:
    """Each document as a list item: its title as a link; its type, date and reference;
    and, where there is one, the sentence that put it in the list. The template's line end after it closes the list."""
    items = []
    for item in passages:
        document = item["document"]
        facts = f"{document['doc_type']}, {document['date']}"
        if document["reference"]:
            facts += f", {document['reference']}"
        entry = f"- [{escape_markdown(document['title'])}]({url(document['path'])})  \n  {escape_markdown(facts)}"
        if item["sentence"]:
            entry += f"  \n  «{escape_markdown(item['sentence'])}»"
        items.append(entry)
    return Markup("\n".join(items) + "\n" if items else "")


def year_groups(groups: list[YearGroup], level: int, url: Callable[[str], str]) -> Markup:
    """A heading of `level` per year (newest first, "Zonder datum" last), each over its list."""
    marks = "#" * level
    return Markup(
        "\n".join(f"{marks} {escape_markdown(group['label'])}\n\n{passage_list(group['items'], url)}" for group in groups)
    )
