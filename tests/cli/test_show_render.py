"""`islet show` prints a topic's text without loading Markdown when the text has no Markdown
syntax: for every topic and audience, what it prints is what rich's Markdown prints."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel

from islet import kb as kb_module
from islet.cli.knowledge import MARKDOWN_SYNTAX, rendered
from islet.kb import TOPIC_COLLECTIONS
from islet.topics import view

KB = kb_module.load()
TOPICS = [
    (item.id, audience)
    for collection in TOPIC_COLLECTIONS
    for item in KB.collection(collection).values()
    for audience in ("patient", "professional")
]


def shown(renderable: object) -> str:
    console = Console(width=72, record=True, file=io.StringIO(), color_system=None)
    console.print(Panel(renderable, title="topic"))  # type: ignore[arg-type]
    return console.export_text()


def body_of(topic: str, audience: str) -> str:
    data = view(KB.topic(topic), audience)  # type: ignore[arg-type]
    body: str = data.get("text", "")
    if data.get("key_points"):
        body = "\n".join(f"- {p}" for p in data["key_points"]) + "\n\n" + body
    return body


@pytest.mark.parametrize(("topic", "audience"), TOPICS)
def test_a_topic_prints_as_markdown_prints_it(topic: str, audience: str) -> None:
    body = body_of(topic, audience)
    assert shown(rendered(body)) == shown(Markdown(body))


def test_most_topics_skip_markdown() -> None:
    plain = [t for t in TOPICS if not MARKDOWN_SYNTAX.search(body_of(*t))]
    assert len(plain) > len(TOPICS) / 2


@pytest.mark.parametrize(
    "body",
    ["**bold**", "- a list", "1. first", "a\n\n\nb", " leading", "line  \nbreak", "a *b*", ""],
)
def test_text_with_markdown_syntax_is_read_as_markdown(body: str) -> None:
    assert isinstance(rendered(body), Markdown)
