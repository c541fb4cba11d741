"""``islet export-static``: the reading pages as static files (no medical logic here)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from islet import settings
from islet.cli.output import JsonOption, console, print_json

SERVER_HELP = "the Islet server that the guide, Ask, explainers and trials links go to"


def export_static_command(
    folder: Annotated[Path, typer.Argument(help="new folder to write the site into")],
    server: Annotated[
        str, typer.Option("--server", envvar=settings.SERVER_URL.name, help=SERVER_HELP)
    ] = "http://127.0.0.1:8000",
    replace: Annotated[
        bool, typer.Option("--replace", help="replace FOLDER if it exists (only once complete)")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Write every page that depends only on the knowledge as static HTML, for a CDN or offline.

    Links between the saved pages are relative, so the folder works from any web server or from
    disk; the static assets are copied beside them.
    """
    from islet.export import export_static  # the web stack, only for this command

    report = export_static(folder, server, replace=replace)
    if as_json:
        print_json({**asdict(report), "folder": str(report.folder)})
        return
    console.print(
        f"Saved {len(report.pages)} pages and the static files to {report.folder}; "
        f"the guide, Ask and trials links go to {report.server}."
    )
