"""Patient text's format read into paragraphs, lists and glossary-marked runs."""

from __future__ import annotations

import pytest

from islet.kb import KnowledgeBase
from islet.model.marks import Block, Segment, blocks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", [Block("para", [[Segment("plain words")]])]),
        (
            "a [[insulin]] b",
            [Block("para", [[Segment("a "), Segment("insulin", "insulin", "*"), Segment(" b")]])],
        ),
        (
            "[[insulin|the hormone]] works",
            [Block("para", [[Segment("the hormone", "insulin", "*"), Segment(" works")]])],
        ),
        ("[[no-such-term|words]]", [Block("para", [[Segment("words")]])]),
        ("one\n\ntwo", [Block("para", [[Segment("one")]]), Block("para", [[Segment("two")]])]),
        ("- a\n- b", [Block("list", [[Segment("a")], [Segment("b")]])]),
        ("", []),
    ],
)
def test_rich_text_blocks(kb: KnowledgeBase, text: str, expected: list[Block]) -> None:
    definition = kb.glossary["insulin"].definition
    expected = [
        Block(
            b.kind,
            [
                [Segment(s.text, s.term, definition) if s.term else s for s in item]
                for item in b.items
            ],
        )
        for b in expected
    ]
    assert blocks(text, kb.glossary) == expected
