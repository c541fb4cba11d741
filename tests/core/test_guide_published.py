"""Published-case style situations (tests/cases/guide/published.yaml): the first treatments a
patient received that PDQ lists for the situation are offered by the guide (they apply, or they
depend on a fact the case does not give), never missing, through the core, the CLI and the API.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from islet.guide import options_for, situation_from
from islet.kb import KnowledgeBase
from tests.tables import load_cases

CASES = load_cases("guide/published.yaml")


def offered(data: dict[str, Any]) -> set[str]:
    return {o["treatment_id"] for group in ("applies", "depends") for o in data[group]}


def check(case: dict[str, Any], data: dict[str, Any]) -> None:
    missing = set(case["received"]) - offered(data)
    assert not missing, f"received, listed by PDQ, but not offered: {sorted(missing)}"
    for option in data["depends"]:
        if option["treatment_id"] in case["received"]:
            # "depends" only on what the case leaves unknown
            assert all(data["situation"][d["fact"]] is None for d in option["depends_on"])


@pytest.mark.parametrize("case", CASES)
def test_received_treatments_are_offered(
    case: dict[str, Any], kb: KnowledgeBase, web: TestClient, runner: CliRunner
) -> None:
    assert set(case["received"]) <= set(kb.treatments), "a row names an unknown treatment"
    audience = case.get("audience")
    data = options_for(situation_from(case["situation"]), kb, audience=audience).model_dump(
        mode="json"
    )
    check(case, data)
    view = ["--audience", audience] if audience else []
    result = runner.invoke(
        app, ["guide", "--situation", "-", "--json", *view], input=json.dumps(case["situation"])
    )
    assert result.exit_code == 0, result.output
    check(case, json.loads(result.stdout))
    query = {"audience": audience} if audience else {}
    answer = web.post("/api/v1/guide", json=case["situation"], params=query)
    assert answer.status_code == 200, answer.text
    check(case, answer.json())
