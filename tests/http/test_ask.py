"""Ask Islet in the web app: GET /api/v1/ask and the Ask page (issue 6 with issue 5)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from islet.ask import Answer, answer
from tests.tables import load_cases
from tests.webapp import read_page


@pytest.mark.parametrize("case", load_cases("ask_http.yaml"))
def test_api_ask(web: TestClient, case: dict[str, Any]) -> None:
    query = dict(case["query"])
    if "repeat" in case:
        query["q"] = query["q"] * case["repeat"]
    response = web.get("/api/v1/ask", params=query)
    assert response.status_code == case["status"], response.text
    body = response.json()
    if case["status"] == 422:
        assert response.headers["content-type"].startswith("application/problem+json")
        assert case["field"] in {e["field"] for e in body["errors"]}
        return
    assert body["in_scope"] is case["in_scope"]
    if "first" in case:
        assert body["answers"][0]["passage_id"] == case["first"]
    if "count" in case:
        assert len(body["answers"]) == case["count"]
    if not body["in_scope"]:
        assert body["message"] and body["answers"] == []


def test_api_answer_is_the_core_answer(web: TestClient) -> None:
    question = "can an insulinoma come back"
    body = web.get("/api/v1/ask", params={"q": question}).json()
    assert Answer.model_validate(body) == answer(question)


def test_the_ask_page_has_a_form_and_a_nav_link(web: TestClient) -> None:
    response = web.get("/ask")
    assert response.status_code == 200
    page = read_page(response.text)
    assert page.h1 == 1 and not page.duplicate_ids and not page.inline_scripts
    assert 'name="q"' in response.text and 'method="post"' in response.text
    assert "/ask" in read_page(web.get("/").text).links


@pytest.mark.parametrize(
    ("question", "shows"),
    [
        (
            "where do glucagonomas grow",
            ["What the summary says", "tail of the pancreas", "Source: PDQ patient version"],
        ),
        ("how much octreotide should I take", ["Questions about medicines", "pharmacist"]),
        ("should I have the whipple surgery or wait", ["Not covered here", "not advice"]),
        (
            "how do you treat pancreatitis",
            ["Not covered here", "Closest topic the summary covers", "The pancreas and its islet"],
        ),
        ("what is a Whipple", ["Best match Islet found", "Source: PDQ patient version"]),
        ("is my tummy thing related", ["Did you mean", "Possible match"]),
    ],
    ids=["answer", "dosing", "advice", "near-neighbour", "match-in-words", "unsure"],
)
def test_the_ask_page_answers(web: TestClient, question: str, shows: list[str]) -> None:
    response = web.post("/ask", data={"q": question})
    assert response.status_code == 200
    for words in shows:
        assert words in response.text
    assert "matches your question" not in response.text  # no percentage read as certainty
    page = read_page(response.text)
    assert not page.duplicate_ids and not page.blocks_in_paragraphs and not page.style_attributes


@pytest.mark.parametrize(
    ("question", "shows"),
    [
        (
            "what happens if you overdose on octreotide",
            ["Call Poison Control", "1-800-222-1222", "Call 911"],
        ),
        ("what if my sugar drops", ["If these signs are happening now", "Call 911"]),
    ],
    ids=["overdose-topic", "danger-topic"],
)
def test_a_question_about_a_danger_shows_its_note(
    web: TestClient, question: str, shows: list[str]
) -> None:
    """A question about too much of a medicine, or about a danger sign with no number, is
    answered with the note beside it: Poison Control, and when to call 911 (safetyfix14e)."""
    response = web.post("/ask", data={"q": question})
    assert response.status_code == 200
    for words in shows:
        assert words in response.text


def test_the_question_is_echoed_escaped_and_not_in_the_address(web: TestClient) -> None:
    response = web.post("/ask", data={"q": "<script>alert(1)</script> whipple"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text
    assert "whipple" not in str(response.url)


def test_an_unreadable_question_gets_the_form_back_with_the_problem(web: TestClient) -> None:
    response = web.post("/ask", data={"q": "???"})
    assert response.status_code == 422
    assert 'role="alert"' in response.text and "no words" in response.text


def test_a_fact_from_outside_pdq_is_cited_as_itself(web: TestClient) -> None:
    """The professional Ask page may show a fact from outside PDQ (the WHO grading table); its
    source line names that citation and says it is not part of PDQ, never "PDQ external"."""
    question = "what is the Ki-67 index"
    reply = answer(question, audience="professional")
    external = [a for a in reply.answers if a.source.document == "external"]
    assert external, "the professional answer no longer shows the WHO table: pick another question"
    html = web.post("/ask", params={"audience": "professional"}, data={"q": question}).text
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "PDQ external" not in text
    assert "(not part of PDQ)" in text
