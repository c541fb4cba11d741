"""The commands that read the knowledge: ``check``, ``show``, ``treatments``, ``types``,
``glossary`` and ``cite`` (no medical logic here)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from islet import kb as kb_module
from islet import settings
from islet.cli.output import (
    AudienceOption,
    JsonOption,
    LangOption,
    console,
    print_help_first,
    print_json,
    requested_language,
    text_language,
)
from islet.i18n import N_, gettext_for, localize
from islet.kb import KnowledgeBase
from islet.model import Audience, plain_text
from islet.topics import children, citation, table_of_contents, view
from islet.translations import in_language

if TYPE_CHECKING:
    from islet.check_es import SpanishReport


def check_command(
    directory: Annotated[
        Path | None, typer.Option("--dir", help="knowledge folder to check")
    ] = None,
    as_json: JsonOption = False,
    max_source_age: Annotated[
        int,
        typer.Option(
            "--max-source-age",
            min=1,
            envvar=settings.name("max_source_age_months"),
            help="warn when a recorded PDQ version is older than this many months",
        ),
    ] = 12,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="es: also fail when a patient item has no Spanish text"),
    ] = None,
) -> None:
    """Validate the whole knowledge base; exit 1 when anything is wrong."""
    # Imported here: textstat (reading levels) is slow to import and only `check` needs it.
    from islet.check import MAX_GRADE, by_collection, check_all, section_rows

    folder = directory or kb_module.KNOWLEDGE_DIR
    strict = text_language(lang) == "es" if lang else False
    result = check_all(folder, date.today(), max_source_age, strict)
    report, spanish, ok = result.report, result.spanish, result.ok
    if as_json:
        print_json(result.as_json())
    else:
        title = "Flesch-Kincaid grade of each summary section's patient text"
        console.print(_table(title, ("section", "grade", ""), section_rows(report.readability)))
        title = f"Reading level of patient text (Flesch-Kincaid, max {MAX_GRADE})"
        columns = ("collection", "items", "mean grade", "max grade", "too hard")
        console.print(_table(title, columns, by_collection(report.readability, "grade", max)))
        for problem in report.problems:
            console.print(f"[red]problem[/red] {problem}", markup=True, highlight=False)
        for r in report.readability:
            if r.too_hard:
                line = f"[red]too hard[/red] {r.collection}/{r.item_id}: grade {r.grade}"
                console.print(line, highlight=True)
        for warning in result.warnings:
            console.print(f"[yellow]warning[/yellow] {escape(warning)}", highlight=False)
        _print_spanish(spanish, strict)
        console.print(
            "[green]knowledge base OK[/green]" if result.ok else "[red]check failed[/red]"
        )
    if not ok:
        raise typer.Exit(1)


def _table(title: str, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Table:
    """A report's rows as a table."""
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*row)
    return table


def _print_spanish(report: SpanishReport, strict: bool) -> None:
    """The Spanish part of the check (on the console that highlights nothing)."""
    from islet.check import by_collection
    from islet.check_es import MIN_FERNANDEZ_HUERTA

    title = f"Spanish reading ease (Fernández Huerta, min {MIN_FERNANDEZ_HUERTA:g} for sections)"
    columns = ("collection", "items", "mean", "min", "too hard")
    rows = by_collection(report.readability, "fernandez_huerta", min)
    console.print(_table(title, columns, rows))
    share = report.translated / report.total if report.total else 1.0
    console.print(
        f"Spanish: {report.translated} of {report.total} patient items translated ({share:.0%})"
        + ("" if strict else "; `islet check --lang es` fails until all are")
    )
    for problem in report.problems:
        console.print(f"[red]problem[/red] {escape(problem)}")
    if strict:
        for missing in report.missing:
            console.print(f"[red]no Spanish[/red] {missing}")


def show_command(
    topic: Annotated[
        str | None, typer.Argument(help="a section, tumor type, test or treatment")
    ] = None,
    audience: AudienceOption = "patient",
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Print a section or entity of the summary (the table of contents without TOPIC)."""
    language = text_language(lang, audience)
    kb, _ = in_language(language), gettext_for(language)
    if topic is None:
        contents = table_of_contents(kb)
        if as_json:
            print_json([entry.model_dump(exclude={"professional_only"}) for entry in contents])
            return
        for entry in contents:
            console.print(f"[bold]{entry.title}[/bold]  ({entry.id})", highlight=True)
            for child in entry.children:
                console.print(f"  {kb.sections[child].title}  ({child})", highlight=True)
        return
    item = kb.topic(topic)
    data = localize(view(item, audience), language)
    if language != "en":  # the site note says where in words; the ids are English
        data = {key: value for key, value in data.items() if key != "usual_sites" or as_json}
    if as_json:
        print_json(data)
        return
    title = item.display_name
    body = data.get("text", "")
    if data.get("key_points"):
        body = "\n".join(f"- {p}" for p in data["key_points"]) + "\n\n" + body
    if audience == "professional" and data.get("external"):
        body += "\n\n**From outside PDQ [EXTERNAL]:**\n" + "\n".join(
            f"- {fact['text']} ({fact['source'].get('citation')})" for fact in data["external"]
        )
    source = data.get("professional_source") if audience == "professional" else None
    source = source or data["source"]
    console.print(Panel(rendered(body), title=str(title), title_align="left"))
    facts = Table(show_header=False, box=None, padding=(0, 2))
    for key, label in SHOWN_FACTS.items():
        value = data.get(key)
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        facts.add_row(f"[bold]{_(label)}[/bold]", plain_text(str(value)))
    if facts.row_count:
        console.print(facts)
    if data["item_type"] == "Section":
        for child in children(kb, data["id"]):
            line = f"  → {kb.sections[child].title}  (islet show {child})"
            console.print(line, highlight=True)
    documents = {"patient": _("patient"), "professional": _("health professional")}
    line = _("Source: PDQ {document} version, section '{section}', version {date}").format(
        document=documents.get(source["document"], source["document"]),
        section=source["section"],  # PDQ's own English heading: it is what is cited
        date=source["version_date"],
    )
    cited = f"; {source['citation']}" if source.get("citation") else ""
    console.print(f"[dim]{escape(line + cited)}[/dim]", highlight=False)


# Anything Markdown could read as syntax: emphasis, code, links, headings, HTML, escapes, lists,
# quotes, indented code, hard breaks, underlined headings, extra blank lines, outer spaces.
MARKDOWN_SYNTAX = re.compile(
    r"[*_`#\[\]<>&\\!|~\t]|^\s*(?:[-+>]|\d+[.)])\s|^ {4}|  $|^[=-]+$|\n\n\n|\A\s|\s\Z|\A\Z",
    re.M,
)


def rendered(body: str) -> RenderableType:
    """``body`` as rich's Markdown shows it. Text with no Markdown syntax shows the same as its
    paragraphs joined (tested on every topic), so markdown-it, a tenth of this command's
    start-up, is loaded only for text that has some."""
    if MARKDOWN_SYNTAX.search(body):
        from rich.markdown import Markdown

        return Markdown(body)
    return Text("\n\n".join(" ".join(p.split("\n")) for p in body.split("\n\n")))


# Structured fields `islet show` prints under the text, with their labels.
SHOWN_FACTS = {
    "aliases": N_("Also called"),
    "hormone": N_("Hormone"),
    "hormone_action": N_("What the hormone does"),
    "usual_sites": N_("Usually found in"),
    "site_note": N_("Where"),
    "behaviour_label": N_("Benign or malignant"),
    "syndromes": N_("Syndromes"),
    "lay_name": N_("In everyday words"),
    "synonyms": N_("People also say"),
    "signs": N_("Can feel like"),
    "red_flag": N_("Urgent"),
    "symptoms": N_("Signs (PDQ list)"),
    "symptom_pattern": N_("Signs: islet show"),
    "treatment_section": N_("Treatment options: islet show"),
    "looks_for": N_("Looks for"),
    "preparation": N_("How to prepare"),
    "fasting_hours": N_("Fast before the test, arranged by the care team (hours)"),
    "used_for": N_("Used for"),
    "kind": N_("Kind"),
    "parent": N_("Part of"),
}


# The fields `islet treatments --json` and `islet types --json` give (in the models' order).
TREATMENT_FIELDS = {"id", "name", "aliases", "kind"}
TUMOR_TYPE_FIELDS = {
    *("id", "name", "aliases", "functional", "hormone", "usual_sites", "behaviour", "syndromes")
}


def treatments_command(as_json: JsonOption = False, lang: LangOption = None) -> None:
    """List every treatment type with its id, name, aliases and kind."""
    items = list(_knowledge_in(lang).treatments.values())
    if as_json:
        print_json([t.model_dump(mode="json", include=TREATMENT_FIELDS) for t in items])
        return
    table = Table("id", "name", "kind", "also called")
    for t in items:
        table.add_row(t.id, t.name, t.kind, ", ".join(t.aliases))
    console.print(table)


def types_command(as_json: JsonOption = False, lang: LangOption = None) -> None:
    """List the tumor types."""
    tumor_types = list(_knowledge_in(lang).tumor_types.values())
    if as_json:
        print_json([t.model_dump(mode="json", include=TUMOR_TYPE_FIELDS) for t in tumor_types])
        return
    table = Table("id", "name", "hormone", "usual sites", "usually")
    for t in tumor_types:
        table.add_row(t.id, t.name, t.hormone or "-", ", ".join(t.usual_sites) or "-", t.behaviour)
    console.print(table)


def glossary_command(
    term: Annotated[str, typer.Argument(help="a medical word")],
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Explain a medical word in plain language."""
    from islet.glossary import look_up_term

    entry = look_up_term(_knowledge_in(lang), term, requested_language(lang))
    if as_json:
        print_json(entry.model_dump(mode="json", exclude_unset=True))
        return
    print_help_first(entry.safety)
    console.print(f"[bold]{entry.term}[/bold]: {entry.definition}", highlight=True)
    if entry.aliases:
        console.print(f"Also called: {', '.join(entry.aliases)}", highlight=True)


def cite_command(
    audience: AudienceOption = "patient",
    accessed: Annotated[str | None, typer.Option(help="date accessed, YYYY-MM-DD")] = None,
    lang: LangOption = None,
) -> None:
    """Print the citation of the PDQ summary in PDQ's format."""
    kb = _knowledge_in(lang, audience)
    console.print(
        citation(kb, audience, _iso_date(accessed) or date.today().isoformat()),
        highlight=False,
        soft_wrap=True,
    )


def _knowledge_in(lang: str | None, audience: Audience = "patient") -> KnowledgeBase:
    """The knowledge base in the language asked for; the professional text is English only."""
    return in_language(text_language(lang, audience))


def _iso_date(value: str | None) -> str | None:
    """``value`` as a checked YYYY-MM-DD date; a citation must not carry a wrong date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD", param_hint="--accessed"
        ) from None
