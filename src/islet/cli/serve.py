"""`islet serve`: start the web app and REST API with uvicorn (no medical logic here)."""

from __future__ import annotations

from typing import Annotated

import typer

from islet import settings
from islet.cli.output import console

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
            envvar=settings.WORKERS.name,
            help="worker processes (the app keeps no state)",
        ),
    ] = 1,
    root_path: Annotated[
        str,
        typer.Option(
            "--root-path",
            envvar=settings.ROOT_PATH.name,
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
