"""The ``islet eval safety`` command (no safety logic here).

Prints what ``islet.safety.evaluation.evaluate`` measures on the blind probes: recall per level
and the false-alarm rate, for the tuned (dev) and held-out (test) splits side by side.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.markup import escape
from rich.table import Table

from islet.cli.output import JsonOption, console, print_json
from islet.language import Language
from islet.safety.evaluation import ALERT_LEVELS, PROBE_FILES, SplitResult, evaluate


def eval_safety_command(
    probes: Annotated[
        Path | None,
        typer.Option(
            "--probes", help="YAML file of safety probes (default: eval/safety.yaml, -es)"
        ),
    ] = None,
    misses: Annotated[
        bool, typer.Option("--misses", help="list the tuned (dev) split's misses")
    ] = False,
    split: Annotated[
        Literal["both", "dev", "test"],
        typer.Option("--split", help="both, dev (used for tuning) or test (held out)"),
    ] = "both",
    as_json: JsonOption = False,
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="en or es: which probe set, read in that language"),
    ] = None,
) -> None:
    """Recall per level (emergency, crisis, medication) and false alarms of the safety triage,
    on probes written blind, for the tuned and the held-out split."""
    splits: tuple[Literal["dev", "test"], ...] = ("dev", "test") if split == "both" else (split,)
    language = lang or "en"
    # English probes keep the triage's own language reading; Spanish ones are read as Spanish
    results = evaluate(probes or PROBE_FILES[language], splits, lang if lang == "es" else None)
    if as_json:
        print_json(
            {
                "splits": [
                    {
                        "split": r.split,
                        "probes": r.count,
                        "recall": {lv: r.recall_of(lv) for lv in ALERT_LEVELS},
                        "counts": {lv: list(r.recall[lv]) for lv in r.recall},
                        "false_alarm_rate": r.false_alarm_rate,
                    }
                    for r in results
                ]
            }
        )
        return
    _print_table(results)
    if misses:
        for result in results:
            if result.split != "dev":
                continue  # the held-out split is reported, never read for tuning
            console.print(f"\n[bold]dev[/bold]: {len(result.misses)} misses")
            for miss in result.misses:
                console.print(
                    f"  [{miss.expected} → {miss.got}] {escape(miss.text)}", soft_wrap=True
                )


def _print_table(results: list[SplitResult]) -> None:
    table = Table(title="Safety triage on blind probes (dev = tuned, test = held out)")
    table.add_column("metric", no_wrap=True)
    for result in results:
        table.add_column(f"{result.split} ({result.count})", justify="right", no_wrap=True)
    for level in ALERT_LEVELS:
        cells = []
        for r in results:
            hit, total = r.recall[level]
            cells.append(f"{r.recall_of(level):.3f} ({hit}/{total})")
        table.add_row(f"{level} recall", *cells)
    table.add_row(
        "false alarms",
        *(f"{r.false_alarm_rate:.3f} ({r.false_alarms[0]}/{r.false_alarms[1]})" for r in results),
    )
    console.print(table)
