"""The ``islet eval symptoms`` command (no matching logic here).

Prints what ``islet.explain.evaluation.evaluate`` measures on the blind symptom texts: sign recall
and precision, negation, pattern top-1 / top-3 and "none right", for the tuned (dev) and held-out
(test) splits side by side. Misses are listed for the dev split only.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from islet.cli.output import (
    DevMissesOption,
    JsonOption,
    SplitOption,
    print_dev_misses,
    print_json,
    print_split_table,
)
from islet.explain.evaluation import METRICS, Miss, SplitName, SplitResult, evaluate
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
    split: SplitOption = "both",
    misses: DevMissesOption = False,
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
    print_split_table(
        "Symptom explainer on blind texts (dev = tuned, test = held out)",
        [f"{r.split} ({r.count})" for r in results],
        {LABELS[m]: [_cell(r, m) for r in results] for m in METRICS},
    )
    if misses and "dev" in splits:
        dev = [m for r in results if r.split == "dev" for m in r.misses]
        print_dev_misses([escape(f"[{_why(m)}] {m.text}") for m in dev])


def _cell(result: SplitResult, metric: str) -> str:
    hit, total = result.counts[metric]
    return f"{result.rate(metric):.3f} ({hit}/{total})" if total else "–"


def _why(miss: Miss) -> str:
    """What a dev miss got wrong: signs missed or extra, and the pattern ranked first."""
    parts = []
    if miss.missed:
        parts.append("missed " + ", ".join(miss.missed))
    if miss.extra:
        parts.append("extra " + ", ".join(miss.extra))
    if miss.first is not None and miss.top != miss.first:
        parts.append(f"first {miss.first} → {miss.top}")
    return "; ".join(parts)
