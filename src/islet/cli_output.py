"""What the islet commands print with: JSON for machines, and the source line of an answer."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

if TYPE_CHECKING:
    from islet.guide.result import SourceRef
    from islet.model import Source

JsonOption = Annotated[bool, typer.Option("--json", help="print JSON for machines")]


def print_json(data: Any) -> None:
    """``data`` as indented JSON on stdout, other alphabets and symbols kept as they are."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def source_line(source: Source | SourceRef) -> str:
    """ "Source: PDQ <document> version, '<section>', <version date>", as Rich markup."""
    return (
        f"Source: PDQ {source.document} version, '{escape(source.section)}', {source.version_date}"
    )
