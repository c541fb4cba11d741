"""Black-box acceptance of the REST API (issue 5) and of Ask Islet (issue 6) over HTTP and CLI.

Requests and expectations: tests/cases/routes_and_pages.yaml. The app is made with
``create_app`` as a deployment makes it (the rate limit is switched off so that this table of
requests does not meet it; the limit has its own tests).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from tests.tables import CASES

TABLES: dict[str, Any] = yaml.safe_load(
    (CASES / "routes_and_pages.yaml").read_text(encoding="utf-8")
)


def rows(table: str) -> list[Any]:
    return [pytest.param(row, id=str(row.get("id", row.get("q")))) for row in TABLES[table]]


@pytest.mark.parametrize("row", rows("requests"))
def test_every_route_answers_as_the_issue_says(row: dict[str, Any], web: TestClient) -> None:
    kwargs: dict[str, Any] = {}
    if "json" in row:
        kwargs["json"] = row["json"]
    if "content" in row:
        kwargs["content"] = row["content"]
        kwargs["headers"] = {"content-type": "application/json"}
    answer = web.request(row["method"], row["url"], **kwargs)
    wanted = row["status"] if isinstance(row["status"], list) else [row["status"]]
    assert answer.status_code in wanted, answer.text[:300]
    assert answer.status_code < 500
    assert "Traceback" not in answer.text
    body = answer.json()
    for key in row.get("keys", []):
        assert key in body, (key, list(body))
    if answer.status_code >= 400:
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert body["status"] == answer.status_code and body["detail"]
    if "field" in row:
        assert body["field"].split(".")[0] == row["field"], body


def test_openapi_lists_every_route_the_issues_name(web: TestClient) -> None:
    paths = web.get("/openapi.json").json()["paths"]
    wanted = {
        "/api/v1/guide": "post",
        "/api/v1/symptoms": "post",
        "/api/v1/tests": "get",
        "/api/v1/stage": "post",
        "/api/v1/grade": "post",
        "/api/v1/topics/{topic_id}": "get",
        "/api/v1/treatments": "get",
        "/api/v1/glossary/{term}": "get",
        "/api/v1/ask": "get",
        "/api/v1/trials": "get",
    }
    for path, method in wanted.items():
        assert method in paths.get(path, {}), path


def test_treatments_route_lists_what_the_cli_lists(web: TestClient, runner: CliRunner) -> None:
    listed = runner.invoke(app, ["treatments", "--json"])
    assert listed.exit_code == 0
    cli_ids = {t["id"] for t in json.loads(listed.stdout)}
    assert {t["id"] for t in web.get("/api/v1/treatments").json()} == cli_ids


@pytest.mark.parametrize("audience", ["patient", "professional"])
def test_every_tumor_type_test_and_treatment_opens_in_both_audiences(
    audience: str, web: TestClient, runner: CliRunner
) -> None:
    kinds = {
        "types": [t["id"] for t in json.loads(runner.invoke(app, ["types", "--json"]).stdout)],
        "treatments": [t["id"] for t in web.get("/api/v1/treatments").json()],
        "tests": [
            t["id"]
            for part in ("general", "type_specific")
            for t in web.get("/api/v1/tests").json()[part]
        ],
    }
    for item_ids in kinds.values():
        for item_id in item_ids:
            answer = web.get(f"/api/v1/topics/{item_id}", params={"audience": audience})
            assert answer.status_code == 200, item_id
            data = answer.json()
            assert data["id"] == item_id and data["text"]
            if audience == "patient":
                assert "external" not in data and "professional" not in data


def test_a_topic_page_exists_for_every_type_test_and_treatment(
    web: TestClient, runner: CliRunner
) -> None:
    pages = {
        "types": [t["id"] for t in json.loads(runner.invoke(app, ["types", "--json"]).stdout)],
        "treatments": [t["id"] for t in web.get("/api/v1/treatments").json()],
        "tests": [t["id"] for t in web.get("/api/v1/tests").json()["general"]],
    }
    for kind, item_ids in pages.items():
        for item_id in item_ids:
            page = web.get(f"/{kind}/{item_id}")
            assert page.status_code == 200, f"/{kind}/{item_id}"
            assert page.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("row", rows("ask_in_scope"))
def test_ask_answers_lay_questions_with_sources(
    row: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["ask", row["q"], "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["in_scope"] is True
    assert data["answers"]
    for answer in data["answers"]:
        assert {"text", "section", "source", "score"} <= set(answer)
        assert 0 <= answer["score"] <= 1
    assert row["word"].lower() in data["answers"][0]["text"].lower()
    over_http = web.get("/api/v1/ask", params={"q": row["q"]})
    assert over_http.status_code == 200
    assert over_http.json()["answers"][0]["text"] == data["answers"][0]["text"]


@pytest.mark.parametrize("row", rows("ask_out_of_scope"))
def test_ask_declines_what_the_summary_does_not_cover(
    row: dict[str, Any], runner: CliRunner
) -> None:
    result = runner.invoke(app, ["ask", row["q"], "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["in_scope"] is False
    assert data["answers"] == []
    assert data.get("reason") == row["reason"]
    assert data["message"]


@pytest.mark.parametrize("question", ["", "   ", "?!", "x" * 5000])
def test_ask_refuses_empty_or_huge_questions_with_exit_2(question: str, runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", question, "--json"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


GUIDE_QUERY = [
    ("tumor_type", "insulinoma"),
    ("tumor_count", "single"),
    ("sites", "tail"),
    ("size", "small"),
]


def test_the_guide_page_reads_the_situation_from_the_address(web: TestClient) -> None:
    page = web.get("/guide/options", params=GUIDE_QUERY)
    assert page.status_code == 200
    assert "/treatments/enucleation" in page.text  # each option links to its treatment page
    assert "<svg" in page.text  # the pancreas diagram
    contradiction = web.get(
        "/guide/options", params=[("tumor_count", "none_found"), ("sites", "head")]
    )
    assert contradiction.status_code == 422
    assert "Traceback" not in contradiction.text


def test_the_appointment_sheet_downloads_as_pdf(web: TestClient) -> None:
    sheet = web.get("/guide/sheet.pdf", params=GUIDE_QUERY)
    assert sheet.status_code == 200
    assert sheet.headers["content-type"] == "application/pdf"
    assert sheet.content.startswith(b"%PDF-")


def test_the_summary_has_two_versions_with_glossary_in_place(web: TestClient) -> None:
    patient = web.get("/summary")
    professional = web.get("/summary", params={"audience": "professional"})
    assert patient.status_code == professional.status_code == 200
    assert patient.text != professional.text
    assert "<details" in patient.text
