"""Helpers for the web and API tests: a client on a fresh app, and a look inside HTML pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import httpx
from fastapi.testclient import TestClient

from islet.settings import DEFAULTS, Settings
from islet.web.app import create_app


def client(
    rate_limit: int = 0, max_body_bytes: int = DEFAULTS.max_body_bytes, root_path: str = ""
) -> TestClient:
    """A test client on a new app (no rate limit unless asked, so tests do not interfere)."""
    settings = Settings(max_body_bytes=max_body_bytes, rate_limit=rate_limit)
    return TestClient(create_app(settings), root_path=root_path, follow_redirects=False)


PAYLOAD = '<script>alert("x")</script>'  # typed where a page or error may echo it back


def assert_echoed_safely(response: httpx.Response) -> None:
    """The response is no server error, and holds ``PAYLOAD`` only as harmless text."""
    assert response.status_code < 500
    assert PAYLOAD not in response.text
    assert "<script>alert" not in response.text


# Elements that may not sit inside <p>: the parser would close the paragraph before them.
BLOCKS = {"details", "div", "ul", "ol", "dl", "section", "article", "aside", "table", "form"}


@dataclass
class Page:
    """What a page holds that the tests check for."""

    inline_scripts: int = 0
    script_sources: list[str] = field(default_factory=list)
    event_handlers: list[str] = field(default_factory=list)
    style_attributes: int = 0
    blocks_in_paragraphs: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    h1: int = 0

    @property
    def duplicate_ids(self) -> list[str]:
        return sorted({i for i in self.ids if self.ids.count(i) > 1})


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open_p = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "p":
            self.open_p += 1
        elif tag in BLOCKS and self.open_p:
            self.page.blocks_in_paragraphs.append(tag)
        if tag == "script":
            if values.get("src"):
                self.page.script_sources.append(values["src"] or "")
            else:
                self.page.inline_scripts += 1
        if tag == "h1":
            self.page.h1 += 1
        if tag == "a" and values.get("href"):
            self.page.links.append(values["href"] or "")
        if tag == "details" and values.get("data-term"):
            self.page.terms.append(values["data-term"] or "")
        if "style" in values:
            self.page.style_attributes += 1
        if values.get("id"):
            self.page.ids.append(values["id"] or "")
        self.page.event_handlers += [name for name in values if name.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.open_p:
            self.open_p -= 1


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    return reader.page
