"""What ``islet check`` prints about the Spanish texts (no checking logic here: islet.check_es)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from islet.check_es import MIN_FERNANDEZ_HUERTA, SpanishReport

console = Console(highlight=False)


def spanish_json(report: SpanishReport, strict: bool) -> dict[str, Any]:
    return {
        "ok": report.ok(strict),
        "strict": strict,
        "translated": report.translated,
        "items": report.total,
        "missing": report.missing,
        "problems": report.problems,
        "readability": [
            {
                "collection": r.collection,
                "id": r.item_id,
                "fernandez_huerta": r.fernandez_huerta,
                "exempt": r.exempt,
            }
            for r in report.readability
        ],
    }


def print_spanish(report: SpanishReport, strict: bool) -> None:
    table = Table(
        title=f"Spanish reading ease (Fernández Huerta, min {MIN_FERNANDEZ_HUERTA:g} for sections)"
    )
    for column in ("collection", "items", "mean", "min", "too hard"):
        table.add_column(column)
    by_collection: dict[str, list[float]] = {}
    for r in report.readability:
        by_collection.setdefault(r.collection, []).append(r.fernandez_huerta)
    for name, scores in by_collection.items():
        hard = [r.item_id for r in report.readability if r.collection == name and r.too_hard]
        table.add_row(
            name,
            str(len(scores)),
            f"{sum(scores) / len(scores):.1f}",
            f"{min(scores):.1f}",
            ", ".join(hard) or "-",
        )
    console.print(table)
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
