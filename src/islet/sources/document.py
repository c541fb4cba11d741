"""A version of the PDQ summary read into sections and passages.

Read from the Markdown form kept in ``../shared/reference/``, from the cancer.gov page saved as
HTML, or (for older copies) from MedQuAD XML or plain text, where headings are recognised by
comparing lines with the recorded headings. A passage is one bullet, one table row, one bold
label or one sentence of a paragraph.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from islet.errors import IsletError
from islet.sources.html import html_to_markdown
from islet.sources.text import clean, fingerprint, heading_key, sentences, similarity, slug

Document = Literal["patient", "professional"]
PassageKind = Literal["sentence", "bullet", "label", "row"]
LATEST_UPDATES = "latest updates to this summary"
WHOLE = "summary"  # the id that stands for the whole document


class UnreadableSource(IsletError):
    """A file that is not a readable version of this PDQ summary."""


@dataclass(frozen=True)
class Passage:
    kind: PassageKind
    text: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


@dataclass
class Section:
    id: str
    heading: str
    level: int
    parent: str | None
    passages: list[Passage] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return fingerprint(" ".join(p.text for p in self.passages))


@dataclass
class SourceDocument:
    document: Document | None
    title: str
    date: str | None
    format: str
    sections: list[Section]

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def latest_updates(self) -> list[str]:
        return [
            p.text
            for s in self.sections
            if heading_key(s.heading).startswith(LATEST_UPDATES)
            for p in s.passages
        ]

    def descendants(self, section_id: str) -> list[str]:
        """``section_id`` and every section nested under it (all of them for the summary)."""
        if section_id == WHOLE:
            return [s.id for s in self.sections]
        out = [section_id]
        for s in self.sections:
            if s.parent in out:
                out.append(s.id)
        return out


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# A list item; its text may start on the next line ("-" alone, then the text indented).
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)(?:\s+(.*))?$")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*:?\s*$")
_TABLE_RULE = re.compile(r"^\|?[\s|:-]+\|?$")
_NAVIGATION_TEXT = re.compile(r"^(go to (patient|health professional) version|enlarge)$", re.I)
# A saved page's date lines ("Updated: May 9, 2025", "Reviewed: 05/09/2025"): read by
# html.py as the page's date, never a passage of the summary.
_PAGE_DATE = re.compile(
    r"^(?:updated|reviewed|published|last updated):?\s*"
    r"(?:\d{1,2}/\d{1,2}/\d{4}|[a-z]+\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})\.?$",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"^\[go to (patient|health professional) version\]", re.IGNORECASE)


def _item(line: str, previous: str | None) -> re.Match[str] | None:
    """``line`` as the start of a list item, or None when it goes on the passage before: a
    numbered line starts a list only at 1 after a paragraph, and a number of three or more
    digits is a year or a page of a line that was wrapped ("2011. [PUBMED Abstract]")."""
    match = _ITEM.match(line)
    number = re.match(r"\s*(\d+)\.", line)
    if match and number and previous is not None:
        value = int(number.group(1))
        if value >= 100 or (previous == "sentence" and value != 1):
            return None
    return match


def read_text(data: bytes, known_headings: dict[str, int] | None = None) -> SourceDocument:
    """The summary in ``data`` (Markdown, HTML, MedQuAD XML or plain text).

    ``known_headings`` (heading key -> level) lets the formats without heading markup find
    their headings. Raises UnreadableSource for empty, binary or structureless input.
    """
    if not data.strip():
        raise UnreadableSource("the file is empty")
    if b"\x00" in data[:4096]:
        raise UnreadableSource("the file is binary, not a saved web page or Markdown text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableSource("the file is not text (it cannot be decoded)") from None
    if sum(ch.isprintable() or ch.isspace() for ch in text[:4096]) < 0.95 * len(text[:4096]):
        raise UnreadableSource("the file is binary, not a saved web page or Markdown text")
    head = text.lstrip()[:2000].lower()
    if "<qapair" in text[:20000].lower() or "<document id=" in head:
        return _read_lines(_medquad_lines(text), "medquad-xml", known_headings or {})
    if head.startswith("<") or "<html" in head or "<body" in head:
        markdown, stated = html_to_markdown(text)
        doc = _read_markdown(markdown, "html")
        doc.date = doc.date or stated
        return doc
    if re.search(r"^#{1,6}\s", text, re.MULTILINE):
        return _read_markdown(text, "markdown")
    return _read_lines(text.splitlines(), "text", known_headings or {})


def _read_markdown(text: str, fmt: str) -> SourceDocument:
    url = ""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            front = text[3:end]
            match = re.search(r"^url:\s*(\S+)", front, re.MULTILINE)
            url = match.group(1) if match else ""
            text = text[end + 4 :]
    builder = _Builder(fmt)
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        heading = _HEADING.match(line)
        if heading or not line.strip():
            builder.block(block)
            block = []
            if heading:
                builder.heading(clean(heading.group(2)), len(heading.group(1)))
            continue
        block.append(line)
    return builder.finish(url)


def _medquad_lines(text: str) -> list[str]:
    answers = re.findall(r"<Answer>(.*?)</Answer>", text, re.DOTALL)
    lines: list[str] = []
    for answer in answers:
        answer = html.unescape(html.unescape(answer))
        for line in answer.splitlines():
            for chunk in re.split(r"\s{3,}", line.strip()):
                chunk = chunk.strip()
                if chunk:
                    lines.append(chunk)
                    lines.append("")
    return lines


def _read_lines(lines: list[str], fmt: str, known: dict[str, int]) -> SourceDocument:
    """Plain lines: a line that reads as a recorded heading is that heading."""
    builder = _Builder(fmt)
    for line in lines:
        key = heading_key(line)
        if _ITEM.match(line):
            builder.block(["- " + _ITEM.sub(r"\1", line).strip()])
        elif key in known or _near_heading(key, known):
            builder.heading(line.strip(), known.get(key) or _near_heading(key, known))
        elif line.strip():
            first, *rest = sentences(line) or [""]
            if rest and heading_key(first) in known:  # a heading run into its first paragraph
                builder.heading(first, known[heading_key(first)])
                line = " ".join(rest)
            builder.block([line])
    return builder.finish("")


def _near_heading(key: str, known: dict[str, int]) -> int:
    """The level of the recorded heading a short line reads almost like (an older wording of
    the same heading), or 0."""
    if not key or len(key.split()) > 20:
        return 0
    best = max(known, key=lambda k: similarity(k, key), default="")
    return known[best] if best and similarity(best, key) >= 0.7 else 0


class _Builder:
    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.titles: list[str] = []
        self.sections: list[Section] = []
        self.stack: list[Section] = []
        self.used: dict[str, int] = {}
        self.date: str | None = None

    def heading(self, text: str, level: int) -> None:
        if level == 1:
            self.titles.append(text)
            self.stack = []
            return
        if heading_key(text).startswith(LATEST_UPDATES):
            self.date = self.date or _us_date(text)
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        base = slug(text)
        section_id = base if base not in self.used else f"{parent.id if parent else 'top'}/{base}"
        while section_id in self.used:
            section_id += "-2"
        self.used[base] = self.used[section_id] = 1
        section = Section(section_id, text, level, parent.id if parent else None)
        self.sections.append(section)
        self.stack.append(section)

    def block(self, lines: list[str]) -> None:
        if not lines:
            return
        items: list[tuple[PassageKind, str]] = []
        for line in lines:
            stripped = line.strip()
            if _NAVIGATION.match(stripped) or stripped.startswith("!["):
                continue
            revised = re.match(r"^last revised:\s*(\d{4}-\d{2}-\d{2})", stripped, re.I)
            if revised:
                self.date = self.date or revised.group(1)
            item = _item(line, items[-1][0] if items else None)
            if _PAGE_DATE.match(clean(item.group(1) or "" if item else stripped)):
                continue  # the page's own "Updated: May 9, 2025" line is its date, not text
            if stripped.startswith("|"):
                if not _TABLE_RULE.match(stripped):
                    cells = [c.strip() for c in stripped.strip("|").split("|")]
                    if any(cells):
                        items.append(("row", " | ".join(c for c in cells if c)))
            elif item:
                items.append(("bullet", item.group(1) or ""))
            elif _BOLD_LINE.match(stripped) and not items:
                items.append(("label", stripped))
            elif items and items[-1][0] in ("bullet", "sentence"):
                items[-1] = (items[-1][0], f"{items[-1][1]} {stripped}".lstrip())
            else:
                items.append(("sentence", stripped))
        if not self.stack:
            return  # text before the first section: page title and navigation
        passages = self.stack[-1].passages
        for kind, raw in items:
            text = clean(raw)
            if not text or _NAVIGATION_TEXT.match(text):
                continue
            if kind == "sentence":
                passages.extend(
                    Passage("sentence", s) for s in sentences(text) if not _NAVIGATION_TEXT.match(s)
                )
            else:
                passages.append(Passage(kind, text))

    def finish(self, url: str) -> SourceDocument:
        title = next((t for t in self.titles if "version" in t.lower()), "")
        title = title or (self.titles[-1] if self.titles else "")
        document: Document | None = None
        lowered = title.lower()
        if "health professional version" in lowered or "/hp/" in url:
            document = "professional"
        elif "patient version" in lowered or "/patient/" in url:
            document = "patient"
        return SourceDocument(document, title, self.date, self.fmt, self.sections)


def _us_date(text: str) -> str | None:
    match = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if not match:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
