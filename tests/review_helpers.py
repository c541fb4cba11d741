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
    """The recorded version as a page saved from cancer.gov holds it: navigation, scripts and a
    footer around the article, lists and tables as such, words as links, a picture with its
    "Enlarge" link, and the page's "Updated:" date at the end of the article."""
    out = ["<html><head><title>x</title><script>var a = '<h2>no</h2>';</script></head><body>"]
    out.append("<nav><h2>Menu</h2><ul><li>Home</li></ul></nav><article>")
    out.append(f"<h1>{html.escape(version.title)}</h1>")
    for section in version.sections:
        out.append(f"<section><h{section.level}>{html.escape(section.heading)}</h{section.level}>")
        out.append('<figure><a href="/i.jpg">Enlarge</a><img src="/i.jpg" alt="Drawing"></figure>')
        kinds = [p.kind for p in section.passages]
        for i, passage in enumerate(section.passages):
            first = i == 0 or kinds[i - 1] != passage.kind
            last = i == len(kinds) - 1 or kinds[i + 1] != passage.kind
            words = html.escape(passage.text).split(" ")
            words[0] = f'<a class="definition" href="/def?id={i}">{words[0]}</a>'
            text = " ".join(words)
            if passage.kind == "bullet":
                item = f"<li>{text}</li>"
                out.append(("<ul>" if first else "") + item + ("</ul>" if last else ""))
            elif passage.kind == "label":
                out.append(f"<p><strong>{text}</strong></p>")
            elif passage.kind == "row":
                cells = "".join(f"<td>{c}</td>" for c in text.split(" | "))
                if first:  # the first row is the table's head
                    cells = cells.replace("<td>", "<th>").replace("</td>", "</th>")
                    row = f"<table><thead><tr>{cells}</tr></thead><tbody>"
                else:
                    row = f"<tr>{cells}</tr>"
                out.append(row + ("</tbody></table>" if last else ""))
            else:
                out.append(f"<p>{text}</p>")
        out.append("</section>")
    out.append(
        '<div class="document-dates"><ul><li><strong>Updated:</strong> <time>May 9, 2025</time>'
        "</li></ul></div></article><footer><p>Contact us</p></footer></body></html>"
    )
    return "\n".join(out)


def rewrap(text: str, width: int) -> str:
    """``text`` with its paragraphs and bullets wrapped at ``width`` (bullets go on indented),
    two spaces after each sentence and Windows line ends: the same words, laid out anew."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.startswith(("#", "|", "**")) or len(line) <= width:
            out.append(line)
            continue
        lead = "- " if line.startswith("- ") else ""
        words = line[len(lead) :].replace(". ", ".  ").split(" ")
        current = lead
        for word in words:
            if len(current) + len(word) > width and current.strip("- "):
                out.append(current.rstrip())
                current = "  " if lead else ""
            current += word + " "
        out.append(current.rstrip())
    return "\r\n".join(out)


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with each edit applied; an edit that does not match exactly once is an error
    in the test table, not a silent no-op."""
    for edit in edits:
        if "replace" in edit:
            old, new = edit["replace"], edit["with"]
            assert text.count(old) == edit.get("count", 1), f"{old!r} found {text.count(old)}x"
            text = text.replace(old, new)
        elif "rewrap" in edit:
            text = rewrap(text, edit["rewrap"])
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
