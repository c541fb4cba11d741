"""``islet export-static DIR``: the reading side of Islet as plain files, for a CDN or a USB stick.

Every page built from the knowledge alone (the start page, the summary and the tumor type, test,
treatment, pattern and glossary pages, in both audiences) is rendered by the real app in this
process, its links made relative so the folder works from any address or from disk, and the
static assets copied beside it. Links to pages that need a server (the guide, Ask Islet, the
explainers, calculators and trials) and every form point to the configured Islet server, and
each saved page says so at its top.

The folder is built beside ``DIR`` and moved into place only when complete: a failed export
leaves nothing half-written.
"""

from __future__ import annotations

import asyncio
import functools
import html
import posixpath
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from islet import __version__
from islet.errors import IsletError
from islet.settings import DEFAULTS
from islet.web.app import create_app
from islet.web.cache import AUDIENCES, knowledge_page
from islet.web.rendering import STATIC_DIR, environment

START = ("/", "/summary", "/types", "/treatments", "/glossary")
LINK = re.compile(r'\b(href|src|action)="([^"]*)"')
MAIN = re.compile(r"<main\b[^>]*>")
INTERNAL = "http://islet.export"  # the base address of the in-process requests


@dataclass
class ExportReport:
    """What was written: the folder, the pages, and the server the dynamic links point to."""

    folder: Path
    server: str
    pages: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def page_file(path: str, audience: str) -> str:
    """The file (relative to the export's root) that holds the page at ``path``."""
    name = "index" if path == "/" else path.strip("/")
    return f"{name}.professional.html" if audience == "professional" else f"{name}.html"


def check_server(server: str) -> str:
    """``server`` without a trailing slash; IsletError unless it is an http(s) address."""
    parts = urlsplit(server.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise IsletError(f"--server must be an http:// or https:// address, not {server!r}")
    return server.strip().rstrip("/")


def export_static(
    folder: Path, server: str = DEFAULTS.server_url, replace: bool = False
) -> ExportReport:
    """Write the static site to ``folder`` (which must not exist unless ``replace``)."""
    server = check_server(server)
    folder = folder.expanduser().resolve()
    if folder.exists() and not replace:
        raise IsletError(f"{folder} already exists; choose a new folder or add --replace")
    if folder.exists() and not folder.is_dir():
        raise IsletError(f"{folder} is a file, not a folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        # In a thread of its own, so that a caller's running event loop (a notebook, a test
        # with a browser) does not stop asyncio.run.
        with ThreadPoolExecutor(max_workers=1) as pool:
            report = pool.submit(asyncio.run, _crawl(building, server)).result()
        shutil.copytree(STATIC_DIR, building / "static")
        if folder.exists():
            shutil.rmtree(folder)
        building.rename(folder)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    report.folder = folder
    return report


async def _crawl(root: Path, server: str) -> ExportReport:
    app = create_app(DEFAULTS.model_copy(update={"rate_limit": 0}))
    note = environment.get_template("partials/export_note.html").render(
        version=__version__, saved=date.today().isoformat(), server=server
    )
    report = ExportReport(root, server)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=INTERNAL) as client:
        queue = [(path, audience) for audience in sorted(AUDIENCES) for path in START]
        seen = set(queue)
        while queue:
            path, audience = queue.pop(0)
            query = {"audience": audience} if audience == "professional" else {}
            response = await client.get(path, params=query)
            if response.status_code != 200:
                report.missing.append(f"{path} ({audience}): {response.status_code}")
                continue
            current = page_file(path, audience)
            found: list[tuple[str, str]] = []
            rewrite = functools.partial(_rewrite, server=server, current=current, found=found)
            text = MAIN.sub(
                lambda m: m.group(0) + "\n" + note, LINK.sub(rewrite, response.text), count=1
            )
            target = root / current
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            report.pages.append(current)
            queue += [link for link in dict.fromkeys(found) if link not in seen]
            seen.update(found)
    return report


def _rewrite(match: re.Match[str], server: str, current: str, found: list[tuple[str, str]]) -> str:
    """A link of a saved page as a link of the export: relative between saved pages and to the
    static files, to ``server`` for any page that needs one; knowledge pages go in ``found``."""
    attribute, raw = match.group(1), html.unescape(match.group(2))
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return match.group(0)  # outside Islet, or already relative (#fragment)
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    audience = knowledge_page(parts.path, parts.query)
    if parts.path.startswith("/static/") and attribute != "action":
        value = _relative(parts.path.lstrip("/"), current)
    elif attribute == "action" or audience is None:
        value = server + raw
    else:
        found.append((parts.path, audience))
        value = _relative(page_file(parts.path, audience), current) + fragment
    return f'{attribute}="{html.escape(value, quote=True)}"'


def _relative(target: str, current: str) -> str:
    """``target`` relative to the folder of ``current`` (both relative to the export root)."""
    return posixpath.relpath(target, posixpath.dirname(current) or ".")
