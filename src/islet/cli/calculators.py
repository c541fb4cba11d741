"""The ``islet stage`` and ``grade`` commands (no medical logic here).

Each calls one core function (``stage`` / ``stage_from_facts``, ``grade``) and prints its result
as JSON (``--json``), as FHIR (``--fhir``) or with Rich. Islet errors reach ``IsletGroup``.

They are the clinicians' calculators and stay in English, like the web's professional view:
with ``--lang es`` (or ``ISLET_LANG=es``) they first say so in Spanish (on stderr with
``--json`` or ``--fhir``, so the output stays machine-readable), and an error reads in Spanish
where the catalog has its Spanish text.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from islet.cli.output import (
    JsonOption,
    LangOption,
    console,
    errors,
    listed,
    print_json,
    requested_language,
    source_line,
)
from islet.errors import InvalidInput
from islet.i18n import gettext_for
from islet.messages import N_

FhirOption = Annotated[
    bool, typer.Option("--fhir", help="print a FHIR R4 resource (mCODE-shaped Observations)")
]


def _say_english_only(lang: str | None, *, machine: bool) -> None:
    """With ``--lang`` (or ``ISLET_LANG``) other than English, one line in that language saying
    the calculators are in English: on stdout first, or on stderr when the output is JSON."""
    language = requested_language(lang)
    if language is None or language == "en":
        return
    _ = gettext_for(language)
    (errors if machine else console).print(_("The health professional version is in English only."))


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
    lang: LangOption = None,
) -> None:
    """AJCC 8th stage of a pancreatic NET from T/N/M or from the facts (health professionals).

    In English only, like the professional view: --lang es says so first in Spanish.
    """
    from islet.calculators import staging

    _say_english_only(lang, machine=as_json or as_fhir)
    categories = (t, n, m)
    facts = (size_cm, invades, nodes, mets)
    if any(v is not None for v in categories) and any(v is not None for v in facts):
        raise InvalidInput(
            None, N_("give either --t/--n/--m or the facts (--size-cm ...), not both")
        )
    result = staging.stage_given(t, n, m, size_cm, listed(invades), nodes, listed(mets), tumors)
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
    lang: LangOption = None,
) -> None:
    """WHO 2019 grade of a pancreatic neuroendocrine neoplasm (health professionals).

    In English only, like the professional view: --lang es says so first in Spanish.
    """
    from islet.calculators import grading

    _say_english_only(lang, machine=as_json or as_fhir)
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
