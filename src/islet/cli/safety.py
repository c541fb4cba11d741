"""The ``islet eval safety`` command (no safety logic here).

Prints what ``islet.safety.evaluation.evaluate`` measures on the blind probes: recall per level
and the false-alarm rate, for the tuned (dev) and held-out (test) splits side by side.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

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
from islet.language import Language
from islet.safety.evaluation import ALERT_LEVELS, PROBE_FILES, evaluate


def eval_safety_command(
    probes: Annotated[
        Path | None,
        typer.Option(
            "--probes", help="YAML file of safety probes (default: eval/safety.yaml, -es)"
        ),
    ] = None,
    misses: DevMissesOption = False,
    split: SplitOption = "both",
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
    columns = [f"{r.split} ({r.count})" for r in results]
    rows = {
        f"{lv} recall": [f"{r.recall_of(lv):.3f} ({_of(r.recall[lv])})" for r in results]
        for lv in ALERT_LEVELS
    }
    rows["false alarms"] = [f"{r.false_alarm_rate:.3f} ({_of(r.false_alarms)})" for r in results]
    print_split_table("Safety triage on blind probes (dev = tuned, test = held out)", columns, rows)
    if misses and "dev" in splits:
        dev = [m for r in results if r.split == "dev" for m in r.misses]
        print_dev_misses([escape(f"[{m.expected} → {m.got}] {m.text}") for m in dev])


def _of(counts: tuple[int, int]) -> str:
    return f"{counts[0]}/{counts[1]}"
