"""The ``islet symptoms`` and ``tests`` commands (no medical logic here).

Each command calls one core function (``explain_symptoms``, ``tests_for``) and prints its result
as JSON (``--json``: the pydantic model as ``model_dump(mode="json")``) or with Rich. Islet
errors reach ``IsletGroup`` (``islet.cli``), which prints them and exits with 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.panel import Panel

from islet import kb as kb_module
from islet.cli.output import (
    AudienceOption,
    JsonOption,
    LangOption,
    console,
    print_json,
    print_result,
    requested_language,
    safety_panel,
    source_line,
    text_language,
)
from islet.i18n import gettext_for
from islet.language import Language, language_of

if TYPE_CHECKING:  # the engines are imported by the commands that use them
    from islet.explain.symptoms import SymptomExplanation
    from islet.explain.tests import TestInfo


def symptoms_command(
    text: Annotated[list[str], typer.Argument(help="what you notice, in your own words")],
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Match symptoms in plain words to PDQ's lists of signs (information, not a diagnosis).

    TEXT is what you notice in your own words, or symptom ids (islet show signs-and-symptoms).
    """
    from islet.explain.symptoms import explain_symptoms

    language = requested_language(lang)
    result = explain_symptoms(
        _symptom_items(text, set(kb_module.load().symptoms)), language=language
    )
    spoken = language or language_of(" ".join(text))
    print_result(result, as_json, lambda result: _show_symptoms(result, spoken))


def _symptom_items(words: list[str], symptom_ids: set[str]) -> list[str]:
    """Arguments that are symptom ids stay one item each; the words between them are one text.

    So ``islet symptoms low-blood-sugar fast-heartbeat`` names two symptoms, and an unquoted
    ``islet symptoms I get shaky`` is still read as one sentence.
    """
    items: list[str] = []
    for word in words:
        if word in symptom_ids or not items or items[-1] in symptom_ids:
            items.append(word)
        else:
            items[-1] = f"{items[-1]} {word}"
    return items


def _show_symptoms(result: SymptomExplanation, language: Language = "en") -> None:
    panel = safety_panel(result.safety, language)
    if panel is not None:
        console.print(panel)
        if result.safety.urgent and not result.recognised:
            return
    elif result.urgent:
        body = "\n".join(f"- {escape(flag.message)}" for flag in result.red_flags)
        console.print(
            Panel(
                f"{escape(result.urgent_notice or '')}\n\n{body}",
                title="[bold]Urgent[/bold]",
                border_style="red",
            )
        )
    console.print(escape(result.message))
    if result.negated:
        absent = ", ".join(s.lay_name for s in result.negated)
        console.print(f"You said you do not have: {escape(absent)}")
    if not result.recognised:
        for example in result.examples:
            console.print(f"  - {escape(example)}")
    for pattern in result.patterns:
        if not pattern.matched:
            continue
        lines = [f"[green]matches[/green] {escape(s.lay_name)}" for s in pattern.matched]
        lines += [f"[dim]also on this list[/dim] {escape(s.lay_name)}" for s in pattern.unmatched]
        lines.append("")
        lines.append(escape(pattern.explanation))
        console.print(Panel("\n".join(lines), title=escape(pattern.name)))
    others = [p.name for p in result.patterns if not p.matched]
    if result.recognised and others:
        console.print(f"[dim]No match with: {escape(', '.join(others))}[/dim]")
    console.print(Panel(escape(result.reminder), border_style="yellow"))
    console.print(source_line(result.source, language))


def tests_command(
    tumor_type: Annotated[
        str | None, typer.Option("--type", help="a tumor type, e.g. insulinoma")
    ] = None,
    audience: AudienceOption = "patient",
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Explain the diagnostic tests: what each looks for and how to get ready."""
    from islet.explain.tests import tests_for

    language = text_language(lang, audience)
    result = tests_for(tumor_type, audience, language=language)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    _ = gettext_for(language)
    if result.tumor_type:
        heading = _("Tests for {name}").format(name=escape(result.tumor_type.name))
        console.print(f"[bold]{heading}[/bold]")
    console.print(escape(result.general_note))
    _show_tests(result.general, language)
    console.print(escape(result.specific_note))
    _show_tests(result.type_specific, language)


def _show_tests(tests: list[TestInfo], language: Language = "en") -> None:
    _ = gettext_for(language)
    looks_for, ready, listed = _("Looks for:"), _("Getting ready:"), _("PDQ lists it for:")
    for test in tests:
        lines = [escape(test.what_it_is), "", f"[bold]{looks_for}[/bold] {escape(test.looks_for)}"]
        lines.append(f"[bold]{ready}[/bold] {escape(test.preparation)}")
        if test.used_for:
            names = ", ".join(t.name for t in test.used_for)
            lines.append(f"[bold]{listed}[/bold] {escape(names)}")
        if test.professional:
            lines.append(f"[bold]Professional:[/bold] {escape(test.professional)}")
        console.print(Panel("\n".join(lines), title=escape(test.name)))
