"""What ``islet check`` prints about reading levels and the Spanish texts (no checking logic
here: islet.check and islet.check_es)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from rich.markup import escape
from rich.table import Table

from islet.check import Readability
from islet.check_es import MIN_FERNANDEZ_HUERTA, SpanishReadability, SpanishReport
from islet.cli.output import console

Reading = Readability | SpanishReadability


def reading_json(reading: Reading) -> dict[str, Any]:
    """One item's reading level as JSON: its fields in order, ``item_id`` named ``id``."""
    return {("id" if name == "item_id" else name): v for name, v in asdict(reading).items()}


def readability_table(
    title: str,
    columns: tuple[str, ...],
    readings: Sequence[Reading],
    score: str,
    extreme: Callable[[list[float]], float],
) -> Table:
    """One row per collection: its items, the mean and most ``extreme`` of their ``score``
    (the name of the readings' field), and those too hard to read."""
    table = Table(*columns, title=title)
    by_collection: dict[str, list[float]] = {}
    for r in readings:
        by_collection.setdefault(r.collection, []).append(getattr(r, score))
    for name, scores in by_collection.items():
        hard = [r.item_id for r in readings if r.collection == name and r.too_hard]
        table.add_row(
            name,
            str(len(scores)),
            f"{sum(scores) / len(scores):.1f}",
            f"{extreme(scores):.1f}",
            ", ".join(hard) or "-",
        )
    return table


def spanish_json(report: SpanishReport, strict: bool) -> dict[str, Any]:
    return {
        "ok": report.ok(strict),
        "strict": strict,
        "translated": report.translated,
        "items": report.total,
        "missing": report.missing,
        "problems": report.problems,
        "readability": [reading_json(r) for r in report.readability],
    }


def print_spanish(report: SpanishReport, strict: bool) -> None:
    title = f"Spanish reading ease (Fernández Huerta, min {MIN_FERNANDEZ_HUERTA:g} for sections)"
    columns = ("collection", "items", "mean", "min", "too hard")
    console.print(readability_table(title, columns, report.readability, "fernandez_huerta", min))
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
