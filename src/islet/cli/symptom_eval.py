"""The ``islet eval symptoms`` command (no matching logic here).

Prints what ``islet.explain.evaluation.evaluate`` measures on the blind symptom texts: sign recall
and precision, negation, pattern top-1 / top-3 and "none right", for the tuned (dev) and held-out
(test) splits side by side. Misses are listed for the dev split only.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.markup import escape
from rich.table import Table

from islet.cli.output import JsonOption, console, print_json
from islet.explain.evaluation import METRICS, SplitName, SplitResult, evaluate
from islet.language import Language

LABELS = {
    "recall": "sign recall",
    "precision": "sign precision",
    "negation": "negation (absent not reported)",
    "top1": "pattern top-1",
    "top3": "pattern top-3",
    "none_right": "none right (no PDQ sign)",
}


def eval_symptoms_command(
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="en or es: which case set, read in that language"),
    ] = None,
    split: Annotated[
        Literal["both", "dev", "test"],
        typer.Option("--split", help="both, dev (used for tuning) or test (held out)"),
    ] = "both",
    misses: Annotated[
        bool, typer.Option("--misses", help="list the tuned (dev) split's misses")
    ] = False,
    as_json: JsonOption = False,
    cases: Annotated[
        Path | None,
        typer.Option(
            "--cases", help="YAML file of symptom cases (default: eval/symptoms.yaml, -es)"
        ),
    ] = None,
) -> None:
    """Sign recall and precision, negation, pattern top-1/top-3 and "none right" of the symptom
    explainer, on texts written blind, for the tuned and the held-out split."""
    splits: tuple[SplitName, ...] = ("dev", "test") if split == "both" else (split,)
    results = evaluate(lang or "en", splits, cases)
    if as_json:
        data: dict[str, object] = {
            "splits": [
                {
                    "split": r.split,
                    "cases": r.count,
                    "rates": {m: r.rate(m) if r.counts[m][1] else None for m in METRICS},
                    "counts": {m: list(r.counts[m]) for m in METRICS},
                }
                for r in results
            ]
        }
        if misses:
            data["misses"] = [asdict(m) for r in results if r.split == "dev" for m in r.misses]
        print_json(data)
        return
    _print_table(results)
    if misses:
        for result in results:
            if result.split != "dev":
                continue  # the held-out split is reported, never read for tuning
            console.print(f"\n[bold]dev[/bold]: {len(result.misses)} misses")
            for miss in result.misses:
                parts = []
                if miss.missed:
                    parts.append("missed " + ", ".join(miss.missed))
                if miss.extra:
                    parts.append("extra " + ", ".join(miss.extra))
                if miss.first is not None and miss.top != miss.first:
                    parts.append(f"first {miss.first} → {miss.top}")
                label = escape(f"[{'; '.join(parts)}]")
                console.print(f"  {label} {escape(miss.text)}", soft_wrap=True)


def _print_table(results: list[SplitResult]) -> None:
    table = Table(title="Symptom explainer on blind texts (dev = tuned, test = held out)")
    table.add_column("metric", no_wrap=True)
    for result in results:
        table.add_column(f"{result.split} ({result.count})", justify="right", no_wrap=True)
    for metric in METRICS:
        cells = []
        for r in results:
            hit, total = r.counts[metric]
            cells.append(f"{r.rate(metric):.3f} ({hit}/{total})" if total else "–")
        table.add_row(LABELS[metric], *cells)
    console.print(table)
