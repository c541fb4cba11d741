"""Names keep their capitals wherever they show (issue 14): VIP, ACTH, Cushing, VIPoma…"""

from __future__ import annotations

import re

import pytest

from islet.kb import KnowledgeBase
from islet.model import GLOSSARY_MARK, plain_text
from islet.web.rendering import environment, first_upper
from tests.webapp import client

in_sentence = environment.filters["in_sentence"]  # the pages' filter over islet.text's
LOWERED = re.compile(r"(?<![-/\w#=.';])(vip|acth|cushing|vipoma|zollinger|verner)(?![-\w])")


@pytest.mark.parametrize(
    ("filter_", "text", "shown"),
    [
        (first_upper, "VIPoma (makes too much VIP)", "VIPoma (makes too much VIP)"),
        (first_upper, "a tumor that makes ACTH", "A tumor that makes ACTH"),
        (first_upper, "5 locations, including 2 near you", "5 locations, including 2 near you"),
        (in_sentence, "Hormone therapy", "hormone therapy"),
        (in_sentence, "PRRT", "PRRT"),
        (in_sentence, "VIPoma", "VIPoma"),
        (in_sentence, "ACTH-secreting tumor", "ACTH-secreting tumor"),
    ],
)
def test_filters_keep_capitals(filter_: object, text: str, shown: str) -> None:
    assert filter_(text) == shown  # type: ignore[operator]


def test_glossary_marks_show_names_with_their_capitals(kb: KnowledgeBase) -> None:
    """A bare mark shows its id as words; where the glossary spells that name with capitals,
    the mark must carry the spelling (``[[cushing-syndrome|Cushing syndrome]]``)."""
    texts = [
        text
        for collection in ("sections", "tumor_types", "symptoms", "tests", "treatments")
        for item in kb.collection(collection).values()
        for text in (getattr(item, "patient", None), getattr(item, "professional", None))
        if text
    ]
    lowered = [
        m.group(0)
        for text in texts
        for m in GLOSSARY_MARK.finditer(text)
        if LOWERED.search(plain_text(m.group(0)))
    ]
    assert not lowered


@pytest.mark.parametrize(
    "path",
    [
        "/types/acth-secreting",
        "/types/vipoma",
        "/patterns/acth-excess",
        "/patterns/vip-excess",
        "/guide?asked=",
        "/guide/options?tumor_type=bogus",
        "/treatments",
        "/glossary",
    ],
)
def test_pages_never_show_these_names_in_lower_case(path: str) -> None:
    html = client().get(path).text
    text = re.sub(r"<[^>]+>", " ", html)
    assert not [text[max(0, m.start() - 30) : m.end() + 10] for m in LOWERED.finditer(text)]
