"""Calmer guide results (issue 14 point 3): "Not known yet" only for facts that matter for this
situation, and "tumor", not "cancer", where PDQ calls the tumor type usually benign."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from islet.kb import KnowledgeBase
from tests.tables import load_cases


def not_known_yet(html: str) -> list[str]:
    found = re.search(r'<details class="unknown-facts">(.*?)</details>', html, re.S)
    assert found, "no 'Not known yet' list"
    return [item.strip() for item in re.findall(r"<li>([^<·]*)", found.group(1))]


@pytest.mark.parametrize("case", load_cases("guide_not_known_yet.yaml"))
def test_not_known_yet_lists_only_facts_that_matter_here(
    web: TestClient, case: dict[str, Any]
) -> None:
    shown = not_known_yet(web.get(f"/guide/options?{case['situation']}").text)
    for label in case["listed"]:
        assert label in shown
    for label in case["not_listed"]:
        assert label not in shown


def section(html: str, start: str, end: str) -> str:
    """The text between two markers of a page, tags removed."""
    part = html.split(start, 1)[1].split(end, 1)[0]
    return re.sub(r"<[^>]+>", " ", part)


def usually_benign(kb: KnowledgeBase) -> list[str]:
    return [t.id for t in kb.tumor_types.values() if t.behaviour == "usually-benign"]


def test_insulinoma_is_the_usually_benign_type(kb: KnowledgeBase) -> None:
    assert usually_benign(kb) == ["insulinoma"]  # PDQ patient version, types of pNETs


@pytest.mark.parametrize(
    "situation", ["", "&tumor_count=single&sites=tail", "&spread=liver&resectable=false"]
)
def test_a_usually_benign_tumor_is_called_a_tumor(
    web: TestClient, kb: KnowledgeBase, situation: str
) -> None:
    """What the guide asks and says about the person's own tumor: every question step, the
    'Not known yet' list, the settling questions and the reasons its options are listed."""
    for tumor_type in usually_benign(kb):
        html = web.get(f"/guide/options?tumor_type={tumor_type}{situation}").text
        said = [
            section(html, 'id="situation-title"', 'class="hint"'),
            section(html, 'id="next-title"', "</section>"),
            *re.findall(r"Why it is listed:</strong>[^<]*", html),
            *re.findall(r"Answer: [^<]*", html),
        ]
        for fact in re.findall(r"/guide/ask/(\w+)\?", html):
            step = web.get(f"/guide/ask/{fact}?tumor_type={tumor_type}").text
            said.append(section(step, "<h1", "</form>"))
        assert len(said) > 3
        spoken = [text for text in said if "cancer" in text.lower()]
        assert not spoken, spoken
