"""The web app for operators (no medical logic here): `islet serve` starts it and the REST API
with uvicorn; `islet export-static` saves its reading pages as static files."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from islet import settings
from islet.cli.output import JsonOption, console, print_json

APP_FACTORY = "islet.web.app:create_app"


def normalise_root_path(value: str) -> str:
    """``/islet`` from ``islet``, ``/islet/`` or ``/islet``; empty stays empty."""
    value = value.strip().strip("/")
    return f"/{value}" if value else ""


def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            envvar=settings.name("workers"),
            help="worker processes (the app keeps no state)",
        ),
    ] = 1,
    root_path: Annotated[
        str,
        typer.Option(
            "--root-path",
            envvar=settings.name("root_path"),
            help="path prefix when behind a reverse proxy, e.g. /islet",
        ),
    ] = "",
) -> None:
    """Start the web app and REST API. Nothing a person enters is stored or logged."""
    # Imported here so that other commands do not pay for loading the web stack.
    import uvicorn

    from islet.web.app import preflight

    # Check what the app needs here so broken knowledge or settings stop start-up with a clear
    # message (exit 2) before any worker starts; each worker then builds the app.
    preflight()
    prefix = normalise_root_path(root_path)
    shown_host = f"[{host}]" if ":" in host else host
    behind = f"; links carry the proxy prefix {prefix}" if prefix else ""
    console.print(
        f"Islet is running at http://{shown_host}:{port}/  (press Ctrl+C to stop{behind})",
        soft_wrap=True,
    )
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        root_path=prefix,
        # Access logs would record addresses with query strings, which hold what people
        # entered in the guide; Islet never logs them.
        access_log=False,
        server_header=False,
        log_level="warning",
    )


SERVER_HELP = "the Islet server that the guide, Ask, explainers and trials links go to"


def export_static_command(
    folder: Annotated[Path, typer.Argument(help="new folder to write the site into")],
    server: Annotated[
        str, typer.Option("--server", envvar=settings.name("server_url"), help=SERVER_HELP)
    ] = settings.DEFAULTS.server_url,
    replace: Annotated[
        bool, typer.Option("--replace", help="replace FOLDER if it exists (only once complete)")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Write every page that depends only on the knowledge as static HTML, for a CDN or offline.

    Links between the saved pages are relative, so the folder works from any web server or from
    disk; the static assets are copied beside them.
    """
    from islet.web.export import export_static  # the web stack, only for this command

    report = export_static(folder, server, replace=replace)
    if as_json:
        print_json({**asdict(report), "folder": str(report.folder)})
        return
    console.print(
        f"Saved {len(report.pages)} pages and the static files to {report.folder}; "
        f"the guide, Ask and trials links go to {report.server}."
    )
