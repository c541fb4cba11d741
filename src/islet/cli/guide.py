"""The ``islet guide`` command: ask or read a situation, print the PDQ options (no medical logic).

All answers come from ``islet.guide.options_for``; this module only gathers the situation (from a
file, standard input, flags, or questions in a terminal) and prints the result.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from islet.cli.output import (
    JsonOption,
    LangOption,
    console,
    errors,
    listed,
    print_result,
    source_line,
    text_language,
)
from islet.errors import InvalidInput, InvalidSituation
from islet.guide import GuideOption, GuideResult, options_for, situation_from
from islet.guide.data import GuideData, guide_data_in
from islet.guide.result import Audience, NextQuestion, SourceRef
from islet.i18n import gettext_for
from islet.kb import KnowledgeBase
from islet.language import Language
from islet.messages import N_, written_as
from islet.translations import in_language

NO_INPUT = N_(
    "No situation given, and this is not a terminal where Islet could ask questions.\n"
    "Give the facts you know as flags (for example: islet guide --type insulinoma --count "
    "single --sites tail --size small), or as JSON with --situation FILE (use - for standard "
    "input), or add --interactive to answer questions from standard input."
)


def guide_command(
    situation: Annotated[
        str | None,
        typer.Option("--situation", help="JSON file with the situation, or - for standard input"),
    ] = None,
    as_json: JsonOption = False,
    tumor_type: Annotated[
        str | None,
        typer.Option("--type", "--tumor-type", help="tumor type, e.g. insulinoma or gastrinoma"),
    ] = None,
    count: Annotated[
        str | None, typer.Option("--count", "--tumor-count", help="single, multiple or none_found")
    ] = None,
    sites: Annotated[
        list[str] | None,
        typer.Option("--sites", help="head, body, tail, duodenum (repeat or use commas)"),
    ] = None,
    size: Annotated[str | None, typer.Option("--size", help="small or large")] = None,
    resectable: Annotated[
        bool | None,
        typer.Option(
            "--resectable/--not-resectable", help="whether surgery can take out the whole tumor"
        ),
    ] = None,
    spread: Annotated[
        list[str] | None,
        typer.Option(
            "--spread", help="lymph_nodes, liver, distant, or none (repeat or use commas)"
        ),
    ] = None,
    liver_symptoms: Annotated[
        bool | None,
        typer.Option(
            "--liver-dominant/--not-liver-dominant",
            "--liver-dominant-severe-symptoms/--no-liver-dominant-severe-symptoms",
            help="cancer mostly in the liver with severe symptoms",
        ),
    ] = None,
    course: Annotated[
        str | None, typer.Option("--course", help="new, recurrent or progressive")
    ] = None,
    acid_drugs: Annotated[
        bool | None,
        typer.Option(
            "--acid-drugs-help/--acid-drugs-do-not-help",
            "--responding-to-acid-drugs/--not-responding-to-acid-drugs",
            help="gastrinoma: whether drugs that lower stomach acid help",
        ),
    ] = None,
    residual: Annotated[
        bool | None,
        typer.Option(
            "--residual/--no-residual",
            "--residual-after-surgery/--no-residual-after-surgery",
            help="whether tumor remains after surgery",
        ),
    ] = None,
    men1: Annotated[
        bool | None,
        typer.Option("--men1/--no-men1", help="whether the person has MEN1 syndrome"),
    ] = None,
    audience: Annotated[
        Audience | None,
        typer.Option(
            "--audience",
            "-a",
            help="patient (leaves out bullets only the professional version lists) or "
            "professional; without it every bullet is shown",
        ),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", "-i", help="ask questions (also without a terminal, from stdin)"
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Show the treatment options PDQ lists for a situation, why, and what is still unknown.

    Information, not advice: your care team can tell you which options fit you.
    """
    language = text_language(lang, audience)
    kb = in_language(language)
    facts: dict[str, Any] = _read_situation(situation) if situation else {}
    flags = {
        "tumor_type": tumor_type,
        "tumor_count": count,
        "sites": _items(sites),
        "size": size,
        "resectable": resectable,
        "spread": _items(spread),
        "liver_dominant_severe_symptoms": liver_symptoms,
        "course": course,
        "responding_to_acid_drugs": acid_drugs,
        "residual_after_surgery": residual,
        "men1": men1,
    }
    facts.update({name: value for name, value in flags.items() if value is not None})
    given = situation is not None or any(v is not None for v in flags.values())
    data = guide_data_in(language)
    if interactive or (not given and sys.stdin.isatty() and not as_json):
        # Questions go to stderr when stdout carries JSON, so the JSON stays clean.
        asker = errors if as_json else console
        facts = _ask(facts, data, asker, lambda: asker.input("> "), audience, kb)
    elif not given:
        errors.print(escape(gettext_for(language)(NO_INPUT)))
        raise typer.Exit(2)
    result = options_for(situation_from(facts), kb=kb, data=data, audience=audience)
    print_result(result, as_json, lambda result: show(result, language))


def _read_situation(where: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if where == "-" else Path(where).read_text(encoding="utf-8")
    except OSError as error:
        why = written_as(
            error.strerror or str(error),
            N_("there is no such file")
            if isinstance(error, FileNotFoundError)
            else N_("the file cannot be opened"),
        )
        message = N_("cannot read {where}: {why}", where=where, why=why)
        raise InvalidInput("situation", message) from error
    except UnicodeDecodeError as error:
        raise InvalidInput(
            "situation",
            N_("{where} is not UTF-8 text ({reason})", where=where, reason=error.reason),
        ) from error
    return situation_from(text).model_dump(exclude_none=True)


def _items(values: list[str] | None) -> list[str] | None:
    """Repeated or comma-separated values; "none" alone means an empty list."""
    items = listed(values)
    return [] if items == ["none"] else items


def _ask(
    facts: dict[str, Any],
    data: GuideData,
    out: Console,
    read: Callable[[], str],
    audience: Audience | None = None,
    kb: KnowledgeBase | None = None,
) -> dict[str, Any]:
    """Ask the most useful open question until none is left; each one can be skipped."""
    facts = dict(facts)
    skipped: set[str] = set()
    out.print("Answer what you know. Press Enter to skip a question (I don't know).", style="dim")
    while True:
        result = options_for(situation_from(facts), kb=kb, data=data, audience=audience)
        question = result.next_question({*skipped, *facts})
        if question is None:
            return facts
        try:
            answer = _answer(question, data, out, read)
        except EOFError:
            return facts
        if answer is None:
            skipped.add(question.fact)
            continue
        try:
            situation_from({**facts, question.fact: answer})
        except InvalidSituation as error:
            out.print(f"[yellow]{escape(str(error))}[/yellow]")
            continue
        facts[question.fact] = answer


def _answer(question: NextQuestion, data: GuideData, out: Console, read: Callable[[], str]) -> Any:
    out.print(f"\n[bold]{escape(question.question)}[/bold]")
    if question.help:
        out.print(escape(question.help), style="dim")
    for number, choice in enumerate(question.choices, 1):
        out.print(f"  {number}. {escape(choice.label)}")
    if question.multiple and question.none_label:
        out.print(f"  0. {escape(question.none_label)}")
    out.print(f"  Enter: {escape(data.dont_know)}")
    for _ in range(3):
        raw = read().strip()
        if not raw:
            return None
        picked = _pick(question, raw)
        if picked is not None:
            return picked
        out.print("Please type a number from the list, or press Enter to skip.")
    return None


def _pick(question: NextQuestion, raw: str) -> Any:
    parts = [p for p in raw.replace(",", " ").split() if p]
    if not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    if question.multiple:
        if numbers == [0]:
            return []
        if all(1 <= n <= len(question.choices) for n in numbers):
            return list(dict.fromkeys(str(question.choices[n - 1].value) for n in numbers))
        return None
    if len(numbers) == 1 and 1 <= numbers[0] <= len(question.choices):
        return question.choices[numbers[0] - 1].value
    return None


def _alert_source(source: SourceRef, language: Language = "en") -> str:
    """A source line for an alert; Islet's own safety wording is said not to be from PDQ."""
    if source.document == "external":
        _ = gettext_for(language)
        return _("Source: Islet's own safety note (not from PDQ)")
    return source_line(source, language)


def show(result: GuideResult, language: Language = "en") -> None:
    """Print a result for people: alerts first, then gaps, then options grouped by status."""
    _ = gettext_for(language)
    for alert in result.alerts:
        urgent = alert.level == "urgent"
        console.print(
            Panel(
                "\n".join(
                    [
                        escape(alert.text),
                        *(_alert_source(s, language) for s in [alert.source, *alert.more_sources]),
                    ]
                ),
                title=_("Get care now") if urgent else _("Please note"),
                border_style="red" if urgent else "blue",
            )
        )
    for note in result.notes[:1]:
        console.print(Panel(escape(note.text), title=_("Islet guide"), border_style="blue"))
    for gap in result.gaps:
        body = escape(gap.message)
        if gap.closest:
            closest, differs = _("Closest PDQ entries:"), _("differs on:")
            body += f"\n\n{closest}\n" + "\n".join(
                f"- {escape(entry.bullet)} ({differs} {escape(', '.join(entry.differs_on))})"
                for entry in gap.closest
            )
        console.print(
            Panel(body, title=_("PDQ lists nothing for exactly this"), border_style="yellow")
        )
    _group(_("Options PDQ lists for this situation"), result.applies, False, language)
    _group(_("Options that depend on what is not known yet"), result.depends, True, language)
    if result.excluded:
        heading, used_for = _("Not for this situation"), _("for:")
        console.print(f"\n[bold]{heading} ({len(result.excluded)})[/bold]")
        for options in result.excluded_by_rule():
            names = ", ".join(dict.fromkeys(o.name for o in options))
            console.print(
                f"  - {escape(names)} ({used_for} {escape(options[0].bullet)}). "
                f"{escape(options[0].reason)}",
                style="dim",
            )
    if result.next_questions:
        heading = _("Questions that would help")
        console.print(f"\n[bold]{heading}[/bold]")
        for question in result.next_questions:
            helps = (
                _("helps decide {count} options")
                if question.settles != 1
                else _("helps decide {count} option")
            )
            console.print(
                f"  - {escape(question.question)} ({helps.format(count=question.settles)})"
            )
    for note in result.notes[1:]:
        console.print(f"\n{escape(note.text)}", style="dim")


def _group(title: str, options: list[GuideOption], detail: bool, language: Language) -> None:
    if not options:
        return
    _ = gettext_for(language)
    used_for = _("For:")
    console.print(f"\n[bold]{title} ({len(options)})[/bold]")
    current = None
    for option in options:
        if option.list_heading != current:
            current = option.list_heading
            console.print(f"[underline]{escape(current)}[/underline]")
        flags = [
            word for word, on in ((_("usually"), option.usually), (_("rare"), option.rare)) if on
        ]
        if option.professional_only:
            flags.append(_("professional version only"))
        marks = f" [{', '.join(flags)}]" if flags else ""
        console.print(f"  - [bold]{escape(option.name)}[/bold]{escape(marks)}")
        if option.wording != option.name:
            console.print(f"    {escape(option.wording)}")
        for label, refs in (
            (_("With or without"), option.with_or_without),
            (_("Together with"), option.together_with),
        ):
            missing = [t.name for t in refs if t.name.lower() not in option.wording.lower()]
            if missing:
                console.print(f"    {label}: {escape(', '.join(missing))}")
        console.print(f"    {used_for} {escape(option.bullet)}", style="dim")
        if detail:
            console.print(f"    {escape(option.reason)}", style="dim")
        console.print(f"    {source_line(option.source, language)}", style="dim")
