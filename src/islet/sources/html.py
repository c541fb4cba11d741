"""A cancer.gov summary page saved as HTML, turned into the Markdown form Islet reads."""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "header", "footer", "noscript", "form", "button", "svg", "aside"}
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "dd", "dt"}
_BLOCKS |= {"ul", "ol", "table", "figure", "figcaption", "br", "article", "main"}


class _Converter(HTMLParser):
    def __init__(self, article_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.article_only = article_only
        self.inside_article = 0
        self.skipping = 0
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.prefix = ""
        self.cells: list[str] | None = None
        self.link: str | None = None

    def _active(self) -> bool:
        return not self.skipping and (not self.article_only or self.inside_article > 0)

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if self.cells is not None:
            if text:
                self.cells.append(text)
            return
        if text and self._active():
            self.lines.extend([self.prefix + text, ""])
            self.prefix = ""  # kept until the item's text comes: <li><p>text</p></li>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("article", "main"):
            self.inside_article += 1
        if tag in _SKIP:
            self.skipping += 1
            return
        if tag in ("td", "th"):
            self._flush_cell()
            return
        if tag in _BLOCKS:
            self._flush()
            if tag == "li":
                self.prefix = "- "
            elif tag == "tr":
                self.prefix = ""
                self.cells = []
            elif tag in ("ul", "ol", "table"):
                self.prefix = ""
            elif tag[0] == "h" and tag[1:].isdigit():
                self.prefix = "#" * int(tag[1:]) + " "
        elif tag in ("strong", "b"):
            self.buffer.append("**")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.link = href if href.startswith("#cit/") else None
            if self.link:
                self.buffer.append("[")

    def _flush_cell(self) -> None:
        if self.cells is not None:
            text = " ".join("".join(self.buffer).split())
            self.buffer = []
            if text:
                self.cells.append(text)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in ("td", "th"):
            self._flush_cell()
        elif tag == "tr":
            self._flush_cell()
            cells, self.cells = self.cells or [], None
            if any(cell.strip("-: ") for cell in cells) and self._active():
                self.lines.extend(["| " + " | ".join(cells) + " |", ""])
        elif tag in _BLOCKS:
            self._flush()
        elif tag in ("strong", "b"):
            self.buffer.append("**")
        elif tag == "a" and self.link:
            self.buffer.append(f"]({self.link})")
            self.link = None
        if tag in ("article", "main"):
            self.inside_article = max(0, self.inside_article - 1)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.buffer.append(data)


def html_to_markdown(html: str) -> tuple[str, str | None]:
    """The page's text as Markdown (headings, paragraphs, bullets, table rows) and the date
    after "Updated:" when the page states one."""
    converter = _Converter(article_only=bool(re.search(r"<(article|main)\b", html, re.I)))
    converter.feed(html)
    converter.close()
    converter._flush()
    if not any(line.startswith("#") for line in converter.lines):
        converter = _Converter(article_only=False)  # no headings inside: read the whole page
        converter.feed(html)
        converter.close()
        converter._flush()
    return "\n".join(converter.lines), _updated(html)


def _updated(html: str) -> str | None:
    text = re.sub(r"<[^>]+>", " ", html)
    match = re.search(r"Updated:?\s*(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        month, day, year = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    match = re.search(r"Updated:?\s*([A-Z][a-z]+ \d{1,2}, \d{4})", text)
    if match:
        try:
            return datetime.strptime(match.group(1), "%B %d, %Y").date().isoformat()
        except ValueError:
            return None
    return None
