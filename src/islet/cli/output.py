"""What the islet commands print with: JSON for machines, and the source line of an answer."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from islet import settings
from islet.i18n import chosen_language, gettext_for
from islet.language import Language, language_of
from islet.model import Audience

if TYPE_CHECKING:
    from pydantic import BaseModel

    from islet.guide.result import SourceRef
    from islet.model import Source
    from islet.safety import Safety

# The commands' answers go to ``console``, progress and questions beside JSON to ``errors``; an
# answer's numbers and words are not highlighted, so it reads as written.
console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)
JsonOption = Annotated[bool, typer.Option("--json", help="print JSON for machines")]
AudienceOption = Annotated[
    Audience, typer.Option("--audience", "-a", help="patient or professional")
]


LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="en or es (default: ISLET_LANG; Ask and symptoms: your words)"),
]


def requested_language(lang: str | None) -> Language | None:
    """``--lang``, else ``ISLET_LANG``, else None (free text then speaks for itself).

    Raises IsletError (exit 2) for a language Islet does not speak."""
    if lang or settings.current().lang:
        return chosen_language(lang)
    return None


def text_language(lang: str | None, audience: Audience | None = "patient") -> Language:
    """The language of the knowledge's text: ``--lang``, else ``ISLET_LANG``, else English; the
    professional text stays in English (issue 17)."""
    return "en" if audience == "professional" else requested_language(lang) or "en"


def print_json(data: Any) -> None:
    """``data`` as indented JSON on stdout, other alphabets and symbols kept as they are."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


Result = TypeVar("Result", bound="BaseModel")


def print_result(result: Result, as_json: bool, show: Callable[[Result], None]) -> None:
    """A command's result: with ``--json`` the model as ``model_dump(mode="json")``, else as
    ``show`` prints it for people."""
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        show(result)


def print_split_table(title: str, columns: list[str], rows: dict[str, list[str]]) -> None:
    """A blind evaluation's figures: a column per split ("dev (963)"), a row per metric."""
    table = Table(title=title)
    table.add_column("metric", no_wrap=True)
    for column in columns:
        table.add_column(column, justify="right", no_wrap=True)
    for label, cells in rows.items():
        table.add_row(label, *cells)
    console.print(table)


def listed(values: list[str] | None) -> list[str] | None:
    """Repeated or comma-separated values (``--mets liver,lung`` = ``--mets liver --mets lung``)."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def source_line(source: Source | SourceRef, language: Language = "en") -> str:
    """ "Source: PDQ <document> version, '<section>', <version date>", as Rich markup, in
    ``language`` (the section keeps PDQ's own English heading: it is what is cited); a fact from
    outside PDQ names its citation instead."""
    _ = gettext_for(language)
    citation = getattr(source, "citation", None)
    if source.document == "external" and citation:
        # a fact from outside PDQ (professional view only) is cited as itself, never as PDQ's
        return _("Source: {citation}, '{section}', {date} (not part of PDQ)").format(
            citation=escape(citation), section=escape(source.section), date=source.version_date
        )
    documents = {"patient": _("patient"), "professional": _("health professional")}
    return _("Source: PDQ {document} version, '{section}', {date}").format(
        document=documents.get(source.document, source.document),
        section=escape(source.section),
        date=source.version_date,
    )


def print_help_first(safety: Safety | None, out: Console = console) -> None:
    """The safety triage's help for what a person typed in a box, before the command's answer
    (``islet.safety.help_first``); titled in the language of its message."""
    if safety is not None and (panel := safety_panel(safety, language_of(safety.message))):
        out.print(panel)


def safety_panel(safety: Safety, language: Language = "en") -> Panel | None:
    """The safety triage's reply as a panel to print first, or None when there is nothing."""
    if safety.level == "none":
        return None
    _ = gettext_for(language)
    lines = [escape(safety.message), ""] + [f"- {escape(a)}" for a in safety.actions]
    titles = {
        "emergency": _("Urgent: get emergency help now"),
        "crisis": _("You are not alone: help is here now"),
        "medication": _("Questions about medicines"),
    }
    return Panel(
        "\n".join(lines).strip(),
        title=f"[bold]{titles[safety.level]}[/bold]",
        border_style="red" if safety.urgent else "yellow",
    )
