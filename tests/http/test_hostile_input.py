"""Security: headers on every kind of response, script payloads escaped on every page that takes
input, the pages (which the OpenAPI fuzzing does not reach) fuzzed with hostile text, and the
rate limit per client.

tests/http/test_security.py covers the policy itself, the size limit and the token bucket; this
file covers the rest of the surface.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from islet.model import Situation
from islet.settings import Settings
from islet.web.app import create_app
from islet.web.middleware import SECURITY_HEADERS
from tests.tables import load_cases
from tests.trials_helpers import net_store
from tests.webapp import client, read_page

PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "' onfocus='alert(1)' autofocus='",
    "</textarea><svg onload=alert(1)>",
]
PAGE_CASES = [c for c in load_cases("private_inputs.yaml") if c.values[0]["id"].startswith("page-")]


@pytest.fixture(scope="module", autouse=True)
def trials_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The trial pages read a private store of the constructed NET trials."""
    db = net_store(tmp_path_factory.mktemp("store") / "trials.sqlite")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ISLET_TRIALS_DB", str(db))
        yield


def with_payload(value: Any, payload: str) -> Any:
    if isinstance(value, str):
        return value.replace("{m}", payload)
    if isinstance(value, list):
        return [with_payload(v, payload) for v in value]
    if isinstance(value, dict):
        return {k: with_payload(v, payload) for k, v in value.items()}
    return value


def assert_safe_page(html: str, payload: str | None = None) -> None:
    """No script or handler but Islet's own; the payload, if any, never comes back raw."""
    page = read_page(html)
    assert page.inline_scripts == 0
    assert set(page.script_sources) <= {"/static/js/islet.js"}
    assert page.event_handlers == []
    assert page.style_attributes == 0
    if payload is not None:
        assert payload not in html


def assert_security_headers(headers: Any) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name


@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "tag", "attribute", "textarea"])
@pytest.mark.parametrize("case", PAGE_CASES)
def test_every_page_that_takes_input_escapes_it(
    web: TestClient, case: dict[str, Any], payload: str
) -> None:
    args: dict[str, Any] = {}
    for key, name in (("params", "params"), ("form", "data")):
        if key in case:
            args[name] = with_payload(case[key], payload)
    path = case["path"].replace("{m}", quote(payload, safe=""))
    response = web.request(case["method"], path, **args)
    assert response.status_code < 500
    assert_security_headers(response.headers)
    if response.headers.get("content-type", "").startswith("text/html"):
        assert_safe_page(response.text, payload)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("HEAD", "/summary", 200),  # as GET, without the body
        ("DELETE", "/api/v1/guide", 405),
        ("PUT", "/summary", 405),
        ("GET", "/types/Insulinoma", 307),
        ("GET", "/guide?tumor_type=vipoma&asked=tumor_count&asked=sites&asked=size", 200),
        ("GET", "/trials/NCT00510068/screening", 303),
        ("GET", "/api/v1/trials?age=500", 422),
        ("GET", "/api/v1/trials/NCT99999999", 404),
        ("POST", "/api/v1/guide", 422),  # not JSON at all
        ("GET", "/static/no-such-file.css", 404),
        ("GET", "/trials", 200),
        ("GET", "/ask", 200),
    ],
)
def test_every_kind_of_response_carries_the_headers(
    web: TestClient, method: str, path: str, status: int
) -> None:
    content = b"{not json" if method == "POST" else None
    headers = {"content-type": "application/json"} if content else None
    response = web.request(method, path, content=content, headers=headers)
    assert response.status_code == status
    assert_security_headers(response.headers)
    if status >= 400 and path.startswith("/api/"):
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == status


@pytest.mark.parametrize(
    ("path", "field", "size", "status"),
    [
        ("/symptoms", "text", 70_000, 413),  # over the 64 kB body limit: refused before reading
        ("/symptoms", "text", 3_000, 422),  # within it, but longer than the field allows
        ("/ask", "q", 70_000, 413),
        ("/trials/NCT00510068/screening", "prior", 70_000, 413),
    ],
)
def test_page_forms_are_limited_too(
    web: TestClient, path: str, field: str, size: int, status: int
) -> None:
    response = web.post(path, data={field: "x" * size})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert_security_headers(response.headers)
    assert_safe_page(response.text)
    assert "x" * 200 not in response.text  # the oversized text is not sent back


def test_the_rate_limit_answers_with_the_headers_and_counts_per_client() -> None:
    app = create_app(Settings(rate_limit=2))
    first = TestClient(app, client=("192.0.2.1", 50000))
    second = TestClient(app, client=("192.0.2.2", 50000))
    codes = [first.get("/api/v1/health").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    refused = first.get("/api/v1/health")
    assert_security_headers(refused.headers)
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json()["status"] == 429
    assert second.get("/api/v1/health").status_code == 200  # another client has its own bucket


def test_the_rate_limit_can_be_turned_off() -> None:
    unlimited = client(rate_limit=0)
    assert {unlimited.get("/api/v1/health").status_code for _ in range(400)} == {200}


# --- Fuzzing the pages ---------------------------------------------------------------------------
# The HTML pages are not in the OpenAPI document, so schemathesis never reaches them: here every
# page that reads input gets hostile text in each of its parameters.

HOSTILE = st.lists(
    st.sampled_from(["<script>", "</p>", '"', "'", "<img onerror=x>", "&", "%", "\\", "{{7*7}}"])
    | st.text(max_size=6),
    max_size=4,
).map("".join)
GUIDE_FACTS = [*Situation.model_fields, "asked", "audience"]  # the guide pages' query
PAGES: dict[str, tuple[str, list[str]]] = {
    "guide": ("GET /guide", GUIDE_FACTS),
    "guide-options": ("GET /guide/options", GUIDE_FACTS),
    "guide-sheet": ("GET /guide/sheet", GUIDE_FACTS),
    "guide-ask": ("GET /guide/ask/{x}", GUIDE_FACTS),
    "stage": (
        "GET /clinician/stage",
        ["mode", "t", "n", "m", "size_cm", "invades", "nodes", "mets", "tumors"],
    ),
    "grade": ("GET /clinician/grade", ["ki67", "mitoses", "differentiation"]),
    "tests": ("GET /tests", ["type", "audience"]),
    "summary": ("GET /summary", ["audience"]),
    "entity": ("GET /types/{x}", ["audience"]),
    "topic": ("GET /topics/{x}", ["audience"]),
    "glossary": ("GET /glossary/{x}", ["audience"]),
    "trials": (
        "GET /trials",
        ["type", "status", "phase", "intervention_type", "age", "sex", "near", "radius", "nct"],
    ),
    "trial": ("GET /trials/{x}", ["near", "radius"]),
    "shortlist": ("GET /trials/shortlist", ["nct", "near", "radius"]),
    "symptoms": ("POST /symptoms", ["text", "symptom"]),
    "ask": ("POST /ask", ["q", "audience"]),
    "screening": (
        "POST /trials/{x}/screening",
        ["age", "sex", "tumor_type", "grade", "ki67", "men1", "prior", "no_prior", "near"],
    ),
}
FUZZ_APP = client()


@st.composite
def page_requests(draw: st.DrawFn, name: str) -> tuple[str, str, list[tuple[str, str]]]:
    route, fields = PAGES[name]
    method, path = route.split(" ")
    segment = draw(HOSTILE.filter(lambda s: s.strip(" ./") != ""))
    path = path.replace("{x}", quote(segment, safe=""))
    chosen = draw(st.lists(st.sampled_from(fields), max_size=len(fields) + 2))
    return method, path, [(field, draw(HOSTILE)) for field in chosen]


@pytest.mark.parametrize("name", list(PAGES))
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_pages_never_fail_and_stay_safe_with_hostile_input(name: str, data: st.DataObject) -> None:
    method, path, pairs = data.draw(page_requests(name))
    if method == "GET":
        response = FUZZ_APP.get(path, params=pairs)
    else:
        response = FUZZ_APP.post(path, data=dict(pairs))
    assert response.status_code < 500, (method, path, pairs)
    assert_security_headers(response.headers)
    if response.headers.get("content-type", "").startswith("text/html"):
        assert_safe_page(response.text)
