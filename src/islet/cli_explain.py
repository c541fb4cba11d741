"""The ``islet symptoms``, ``tests``, ``stage`` and ``grade`` commands (no medical logic here).

Each command calls one core function (``explain_symptoms``, ``tests_for``, ``stage`` /
``stage_from_facts``, ``grade``) and prints its result as JSON (``--json``: the pydantic model
as ``model_dump(mode="json")``) or with Rich. Core errors (IsletError) reach ``islet.cli.main``,
which prints them and exits with 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from islet import kb as kb_module
from islet.cli_output import (
    JsonOption,
    LangOption,
    print_json,
    requested_language,
    safety_panel,
    source_line,
)
from islet.language import Language, language_of
from islet.model import Audience

if TYPE_CHECKING:  # the engines are imported by the commands that use them
    from islet.explain.symptoms import SymptomExplanation
    from islet.explain.tests import TestInfo

console = Console(highlight=False)
FhirOption = Annotated[
    bool, typer.Option("--fhir", help="print a FHIR R4 resource (mCODE-shaped Observations)")
]


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
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    _show_symptoms(result, language or language_of(" ".join(text)))


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
    console.print(source_line(result.source))


def tests_command(
    tumor_type: Annotated[
        str | None, typer.Option("--type", help="a tumor type, e.g. insulinoma")
    ] = None,
    audience: Annotated[
        str, typer.Option("--audience", "-a", help="patient or professional")
    ] = "patient",
    as_json: JsonOption = False,
) -> None:
    """Explain the diagnostic tests: what each looks for and how to get ready."""
    from islet.explain.tests import tests_for

    if audience not in ("patient", "professional"):
        raise typer.BadParameter("audience must be 'patient' or 'professional'")
    who: Audience = "patient" if audience == "patient" else "professional"
    result = tests_for(tumor_type, who)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    if result.tumor_type:
        console.print(f"[bold]Tests for {escape(result.tumor_type.name)}[/bold]")
    console.print(escape(result.general_note))
    _show_tests(result.general)
    console.print(escape(result.specific_note))
    _show_tests(result.type_specific)


def _show_tests(tests: list[TestInfo]) -> None:
    for test in tests:
        lines = [escape(test.what_it_is), "", f"[bold]Looks for:[/bold] {escape(test.looks_for)}"]
        lines.append(f"[bold]Getting ready:[/bold] {escape(test.preparation)}")
        if test.used_for:
            names = ", ".join(t.name for t in test.used_for)
            lines.append(f"[bold]PDQ lists it for:[/bold] {escape(names)}")
        if test.professional:
            lines.append(f"[bold]Professional:[/bold] {escape(test.professional)}")
        console.print(Panel("\n".join(lines), title=escape(test.name)))


def stage_command(
    t: Annotated[str | None, typer.Option("--t", help="T category: TX, T1-T4")] = None,
    n: Annotated[str | None, typer.Option("--n", help="N category: NX, N0, N1")] = None,
    m: Annotated[str | None, typer.Option("--m", help="M category: M0, M1, M1a-c")] = None,
    size_cm: Annotated[
        float | None, typer.Option("--size-cm", help="size of the largest tumor in cm")
    ] = None,
    invades: Annotated[
        list[str] | None,
        typer.Option(
            "--invades", help="structure the tumor grows into, or 'none' (repeat or use commas)"
        ),
    ] = None,
    nodes: Annotated[
        str | None, typer.Option("--nodes", help="regional lymph nodes: yes, no or unknown")
    ] = None,
    mets: Annotated[
        list[str] | None,
        typer.Option(
            "--mets",
            help="site of distant spread (liver, lung, ...) or 'none' (repeat or use commas)",
        ),
    ] = None,
    tumors: Annotated[
        str | None, typer.Option("--tumors", help="number of tumors, or 'm' if many")
    ] = None,
    as_json: JsonOption = False,
    as_fhir: FhirOption = False,
    basis: Annotated[
        str | None,
        typer.Option("--basis", help="for --fhir: clinical or pathological (or use cT2/pT2)"),
    ] = None,
) -> None:
    """AJCC 8th stage of a pancreatic NET from T/N/M or from the facts (health professionals)."""
    from islet.calculators import staging

    categories = (t, n, m)
    facts = (size_cm, invades, nodes, mets)
    if any(v is not None for v in categories) and any(v is not None for v in facts):
        raise typer.BadParameter("give either --t/--n/--m or the facts (--size-cm ...), not both")
    if any(v is not None for v in categories):
        result = staging.stage(t, n, m, tumors=tumors)
    else:
        result = staging.stage_from_facts(
            size_cm, _listed(invades), nodes, _listed(mets), tumors=tumors
        )
    if as_fhir:
        from islet.cds.observations import basis_of, stage_bundle

        print_json(stage_bundle(result, basis_of(basis, t, n, m)))
        return
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    table = Table("T", "N", "M", "stage group", title=result.system)
    table.add_row(result.t_notation, result.n, result.m, result.stage or "not settled")
    console.print(table)
    if result.stage is None:
        console.print(f"Possible stage groups: {', '.join(result.possible_stages)}")
        console.print(f"Needed to settle it: {escape('; '.join(result.needed))}")
    for line in (*result.reasons, *result.notes):
        console.print(f"- {escape(line)}")
    enets = result.enets
    settled = enets.stage or f"not settled ({', '.join(enets.possible_stages)})"
    console.print(f"[bold]{enets.system} \\[EXTERNAL][/bold]: {settled}")
    for caveat in enets.unverified:
        console.print(f"[yellow]unverified[/yellow] {escape(caveat)}")
    console.print(f"  Source: {escape(enets.source.citation or '')}")
    for fact in result.external:
        console.print(f"\\[EXTERNAL] {escape(fact.text)} ({escape(fact.source.citation or '')})")
    console.print(source_line(result.source))


def _listed(values: list[str] | None) -> list[str] | None:
    """Repeated or comma-separated values (``--mets liver,lung`` = ``--mets liver --mets lung``)."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def grade_command(
    ki67: Annotated[float | None, typer.Option("--ki67", help="Ki-67 index in %")] = None,
    mitoses: Annotated[
        float | None, typer.Option("--mitoses", help="mitotic count per 2 mm²")
    ] = None,
    differentiation: Annotated[
        str | None, typer.Option("--differentiation", help="well or poor")
    ] = None,
    as_json: JsonOption = False,
    as_fhir: FhirOption = False,
) -> None:
    """WHO 2019 grade of a pancreatic neuroendocrine neoplasm (health professionals)."""
    from islet.calculators import grading

    result = grading.grade(ki67, mitoses, differentiation)
    if as_fhir:
        from islet.cds.observations import grade_observation

        print_json(grade_observation(result))
        return
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    decided = {"ki67": "the Ki-67 index", "mitoses": "the mitotic count"}.get(
        result.decided_by, result.decided_by
    )
    console.print(
        Panel(
            "\n".join(f"- {escape(line)}" for line in (*result.reasons, *result.notes)),
            title=f"{'' if result.complete else 'at least '}{result.grade} "
            f"({result.level} grade), decided by {decided}",
        )
    )
    console.print(f"\\[EXTERNAL] {result.system}: {escape(result.source.citation or '')}")
