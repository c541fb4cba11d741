"""What the islet commands print with: JSON for machines, and the source line of an answer."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.panel import Panel

if TYPE_CHECKING:
    from islet.guide.result import SourceRef
    from islet.model import Source
    from islet.safety import Safety

JsonOption = Annotated[bool, typer.Option("--json", help="print JSON for machines")]


def print_json(data: Any) -> None:
    """``data`` as indented JSON on stdout, other alphabets and symbols kept as they are."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def source_line(source: Source | SourceRef) -> str:
    """ "Source: PDQ <document> version, '<section>', <version date>", as Rich markup."""
    return (
        f"Source: PDQ {source.document} version, '{escape(source.section)}', {source.version_date}"
    )


def safety_panel(safety: Safety) -> Panel | None:
    """The safety triage's reply as a panel to print first, or None when there is nothing."""
    if safety.level == "none":
        return None
    lines = [escape(safety.message), ""] + [f"- {escape(a)}" for a in safety.actions]
    titles = {
        "emergency": "Urgent: get emergency help now",
        "crisis": "You are not alone: help is here now",
        "medication": "Questions about medicines",
    }
    return Panel(
        "\n".join(lines).strip(),
        title=f"[bold]{titles[safety.level]}[/bold]",
        border_style="red" if safety.urgent else "yellow",
    )
