"""Glossary search and A–Z index (``/glossary?q=``, ``/glossary?letter=``): without JavaScript,
the page shows the words that fit, never the whole glossary."""

from __future__ import annotations

import re

import pytest

from islet.kb import KnowledgeBase
from islet.topics import find_in_glossary, glossary_letter
from tests.webapp import client


def shown_terms(html: str) -> list[str]:
    return re.findall(r'<dt id="([^"]+)"', html)


@pytest.mark.parametrize(
    ("query", "first", "at_most"),
    [
        ("enucleation", "enucleation", 1),
        ("Enucleation ", "enucleation", 1),
        ("whipple", "pancreatoduodenectomy", 3),
        ("pancreas", "pancreas", 10),
        ("VIP", "vip", 5),
    ],
)
def test_a_search_shows_the_word_first_and_little_else(
    kb: KnowledgeBase, query: str, first: str, at_most: int
) -> None:
    found = find_in_glossary(kb, query)
    assert found.named and found.named[0].id == first
    html = client().get("/glossary", params={"q": query}).text
    terms = shown_terms(html)
    assert terms[0] == first and len(terms) <= at_most < len(kb.glossary)


def test_a_misspelling_offers_close_words(kb: KnowledgeBase) -> None:
    found = find_in_glossary(kb, "enucleatoin")
    assert not found.named and "enucleation" in [c.lower() for c in found.close]
    assert "Did you mean" in client().get("/glossary?q=enucleatoin").text


def test_each_letter_of_the_index_lists_just_its_words(kb: KnowledgeBase) -> None:
    web = client()
    html = web.get("/glossary").text
    letters = re.findall(r'href="/glossary\?letter=([A-Z#%0-9]+)#glossary-results"', html)
    assert letters and len(shown_terms(html)) == len(kb.glossary)
    seen = 0
    for letter in letters:
        terms = shown_terms(web.get(f"/glossary?letter={letter}").text)
        assert terms and all(glossary_letter(kb.glossary[t]) == letter for t in terms)
        seen += len(terms)
    assert seen == len(kb.glossary)


def test_what_was_searched_comes_back_escaped() -> None:
    response = client().get("/glossary", params={"q": "<b>x</b>"})
    assert response.status_code == 200 and "<b>x</b>" not in response.text
