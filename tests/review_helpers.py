"""Crafted versions of the PDQ summary for the `islet review` tests.

The current version is rebuilt from the recorded fingerprints (knowledge/sources/), so the tests
need nothing outside the project; a crafted version is that text with edits applied.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from islet.sources.record import RecordedVersion, recorded


def as_markdown(version: RecordedVersion) -> str:
    """The recorded version written out in the Markdown form of ../shared/reference/."""
    lines = [f"# {version.title}", ""]
    for section in version.sections:
        lines += ["#" * section.level + " " + section.heading, ""]
        for passage in section.passages:
            if passage.kind == "bullet":
                lines += [f"- {passage.text}", ""]
            elif passage.kind == "label":
                lines += [f"**{passage.text}**", ""]
            elif passage.kind == "row":
                lines += [f"| {passage.text} |", ""]
            else:
                lines += [passage.text, ""]
    return "\n".join(lines)


def as_html(version: RecordedVersion) -> str:
    """The recorded version as a page saved from cancer.gov would hold it (simplified)."""
    out = ["<html><head><title>x</title><script>var a = '<h2>no</h2>';</script></head><body>"]
    out.append("<nav><h2>Menu</h2><ul><li>Home</li></ul></nav><article>")
    out.append(f"<h1>{html.escape(version.title)}</h1>")
    for section in version.sections:
        out.append(f"<h{section.level}>{html.escape(section.heading)}</h{section.level}>")
        for passage in section.passages:
            text = html.escape(passage.text)
            if passage.kind == "bullet":
                out.append(f"<ul><li>{text}</li></ul>")
            elif passage.kind == "label":
                out.append(f"<p><strong>{text}</strong></p>")
            elif passage.kind == "row":
                cells = "".join(f"<td>{c}</td>" for c in text.split(" | "))
                out.append(f"<table><tr>{cells}</tr></table>")
            else:
                out.append(f"<p>{text}</p>")
    out.append("</article><footer><p>Updated: nothing here</p></footer></body></html>")
    return "\n".join(out)


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with each edit applied; an edit that does not match exactly once is an error
    in the test table, not a silent no-op."""
    for edit in edits:
        if "replace" in edit:
            old, new = edit["replace"], edit["with"]
            assert text.count(old) == edit.get("count", 1), f"{old!r} found {text.count(old)}x"
            text = text.replace(old, new)
        elif "move" in edit:
            moved, after = edit["move"], edit["after"]
            assert text.count(moved) == 1 and text.count(after) == 1, edit
            text = text.replace(moved, "")
            text = text.replace(after, after + moved)
    return text


def crafted(tmp: Path, document: str, edits: list[dict[str, Any]], form: str = "markdown") -> Path:
    version = recorded(document)
    text = as_markdown(version) if form == "markdown" else as_html(version)
    path = tmp / f"{document}.{'md' if form == 'markdown' else 'html'}"
    path.write_text(apply(text, edits), encoding="utf-8")
    return path
