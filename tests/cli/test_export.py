"""`islet export-static`: the reading pages as files that work from any static file server.

The test serves the exported folder with Python's own http.server on loopback and follows
every link: each link between saved pages resolves (down to the #anchor), each asset loads, and
each link to a dynamic page reaches a real route of the configured Islet server."""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
import pytest
from typer.testing import CliRunner

from islet.cli import app
from islet.web.export import ExportReport, export_static, page_file
from tests.webapp import client, read_page

SERVER = "https://islet.example.org/islet"
LINKED = re.compile(r'\b(?:href|src|action)="([^"]*)"')


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> ExportReport:
    return export_static(tmp_path_factory.mktemp("export") / "site", SERVER)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def static_server(exported: ExportReport) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(exported.folder))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()
        thread.join()


def saved_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_every_knowledge_page_is_saved_in_both_audiences(exported: ExportReport) -> None:
    assert exported.missing == []
    for path in ("/", "/summary", "/glossary", "/types/insulinoma", "/treatments/surgery"):
        for audience in ("patient", "professional"):
            assert (exported.folder / page_file(path, audience)).is_file(), (path, audience)
    assert len(exported.pages) == len(saved_pages(exported.folder)) > 100
    assert (exported.folder / "static" / "css" / "islet.css").is_file()


def test_every_internal_link_resolves_on_a_plain_static_server(
    exported: ExportReport, static_server: str
) -> None:
    targets: dict[str, set[str]] = {}  # address -> anchors wanted there
    for page in saved_pages(exported.folder):
        here = urljoin(static_server, page.relative_to(exported.folder).as_posix())
        for link in LINKED.findall(page.read_text(encoding="utf-8")):
            address = urljoin(here, link.replace("&amp;", "&"))
            if not address.startswith(static_server):
                continue
            without, anchor = urldefrag(address)
            targets.setdefault(without, set())
            if anchor:
                targets[without].add(anchor)
    assert len(targets) > 100
    broken: list[str] = []
    with httpx.Client() as browser:
        for address, anchors in sorted(targets.items()):
            response = browser.get(address)
            if response.status_code != 200:
                broken.append(f"{address}: {response.status_code}")
            elif anchors:
                ids = set(read_page(response.text).ids)
                broken += [f"{address}#{a}: no such anchor" for a in sorted(anchors - ids)]
    assert broken == []


def test_links_to_dynamic_pages_reach_the_configured_server(exported: ExportReport) -> None:
    web = client()
    dynamic: set[str] = set()
    for page in saved_pages(exported.folder):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'\b(?:href|src|action)="/', text), page  # nothing root-relative
        for link in LINKED.findall(text):
            if link.startswith(SERVER):
                dynamic.add(link.removeprefix(SERVER).replace("&amp;", "&"))
    assert {"/guide", "/ask", "/trials", "/symptoms"} <= {urlsplit(d).path for d in dynamic}
    unreachable = [d for d in sorted(dynamic) if web.get(d).status_code >= 400]
    assert unreachable == []


def test_each_saved_page_says_it_is_a_copy_and_names_the_server(exported: ExportReport) -> None:
    for page in saved_pages(exported.folder):
        text = page.read_text(encoding="utf-8")
        assert 'class="notice export-note"' in text, page
        assert f'href="{SERVER}/"' in text, page


def test_the_command_writes_the_folder_and_never_overwrites_by_surprise(
    tmp_path: Path, runner: CliRunner
) -> None:
    target = tmp_path / "site"
    done = runner.invoke(app, ["export-static", str(target), "--server", SERVER, "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["server"] == SERVER
    again = runner.invoke(app, ["export-static", str(target)])
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert runner.invoke(app, ["export-static", str(target), "--replace"]).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no building folder left behind


@pytest.mark.parametrize("server", ["islet.example.org", "ftp://islet.example.org", ""])
def test_a_server_that_is_not_a_web_address_is_refused(
    tmp_path: Path, server: str, runner: CliRunner
) -> None:
    done = runner.invoke(app, ["export-static", str(tmp_path / "site"), "--server", server])
    assert done.exit_code == 2
    assert "--server" in done.output
    assert not (tmp_path / "site").exists()
