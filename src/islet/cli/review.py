"""`islet review`: compare a new PDQ version with the recorded one (no medical logic here)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from islet.cli.output import JsonOption, console, print_json
from islet.sources.review import ReviewReport, review

SHOWN_PER_SECTION = 8


def review_command(
    new_patient: Annotated[
        Path,
        typer.Argument(help="the new patient version (cancer.gov page saved as HTML, or Markdown)"),
    ],
    new_professional: Annotated[
        Path | None, typer.Argument(help="the new health professional version (optional)")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """What changed in a new PDQ version and which Islet items cite it.

    Exit 0 when nothing Islet cites changed, 1 when something did, 2 for an unreadable file.
    """
    paths = [new_patient] + ([new_professional] if new_professional else [])
    report = review(paths)
    if as_json:
        print_json(report.as_dict())
    else:
        _print(report)
    raise typer.Exit(report.exit_code)


def _print(report: ReviewReport) -> None:
    for doc in report.documents:
        console.rule(f"PDQ {doc.document} version: {escape(doc.file)} ({doc.format})")
        console.print(
            f"Recorded version: {doc.recorded_date}. "
            f"New version: {doc.new_date or 'date not stated'}."
        )
        if doc.new_latest_updates:
            console.print("[bold]New 'Latest Updates' entries:[/bold]")
            for entry in doc.new_latest_updates:
                console.print(f"  - {escape(entry)}")
        if doc.critical:
            console.print(
                "[bold red]Numbers, hours, thresholds and drug names that changed:[/bold red]"
            )
            for c in doc.critical:
                old = ", ".join(c["old"]) or "-"
                new = ", ".join(c["new"]) or "-"
                console.print(
                    f"  {c['kind']}: {escape(old)} -> {escape(new)}  ({escape(c['section'])})"
                )
        if not doc.sections:
            console.print("[green]No section changed.[/green]")
        for section in doc.sections:
            status = "/".join(section["status"])
            heading = section["heading"] or ""
            renamed = f" -> '{section['new_heading']}'" if "renamed" in section["status"] else ""
            console.print(f"\n[bold]{status}[/bold]: {escape(heading)}{escape(renamed)}")
            for passage in section["passages"][:SHOWN_PER_SECTION]:
                console.print(f"  {passage['kind']}: {escape(_short(passage['diff']))}")
            extra = len(section["passages"]) - SHOWN_PER_SECTION
            if extra > 0:
                console.print(f"  … and {extra} more passages (--json for all)")
    console.rule("Islet items to re-check, highest risk first")
    if not report.flagged:
        console.print("[green]Nothing Islet cites has changed.[/green]")
    for flag in report.flagged:
        scope = "passage" if flag.passage_level else "section"
        console.print(
            f"[bold]{escape(flag.item)}[/bold] ({flag.file}; {flag.risk}; cites {scope} "
            f"'{escape(flag.section)}', {flag.document})"
        )
        console.print(f"    says: {escape(flag.says)}")
        for reason in flag.reasons[:3]:
            console.print(f"    {reason.kind}: {escape(_short(reason.diff))}")
        if len(flag.reasons) > 3:
            console.print(f"    … and {len(flag.reasons) - 3} more changes")
    console.print(f"\n{len(report.flagged)} items to re-check.")


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
