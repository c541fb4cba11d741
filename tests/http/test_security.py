"""Hardening: security headers, escaping, size and rate limits, no stack traces, no logging of
what people enter, and a path prefix behind a reverse proxy."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from islet.errors import IsletError
from islet.settings import DEFAULTS, Settings, current
from islet.web.app import create_app
from islet.web.cache import PAGE_CACHE_CONTROL
from islet.web.middleware import CONTENT_SECURITY_POLICY, SECURITY_HEADERS
from tests.webapp import PAYLOAD, assert_echoed_safely, client, read_page

ESCAPED = "&lt;script&gt;"
MARKER = "zq-private-marker-qz"

RESPONSES = [
    ("GET", "/", 200),
    ("GET", "/summary?audience=professional", 200),
    ("GET", "/static/css/islet.css", 200),
    ("GET", "/openapi.json", 200),
    ("GET", "/api/v1/health", 200),
    ("POST", "/api/v1/guide", 200),
    ("GET", "/no-such-page", 404),
    ("GET", "/api/v1/topics/no-such-topic", 404),
    ("GET", "/summary?audience=x", 422),
    ("GET", "/guide/sheet.pdf?tumor_type=gastrinoma", 200),
]

KNOWLEDGE_ONLY = {"/", "/summary?audience=professional"}


@pytest.mark.parametrize(("method", "path", "status"), RESPONSES)
def test_every_response_carries_the_security_headers(
    web: TestClient, method: str, path: str, status: int
) -> None:
    response = web.request(method, path, json={} if method == "POST" else None)
    assert response.status_code == status
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    if path.startswith("/static/"):
        expected_cache = "public, max-age=3600"
    elif path in KNOWLEDGE_ONLY:  # the same for everyone: browsers and CDNs may keep it
        expected_cache = PAGE_CACHE_CONTROL
    else:
        expected_cache = "no-store"
    assert response.headers["cache-control"] == expected_cache


def test_the_policy_forbids_inline_scripts_and_framing() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert SECURITY_HEADERS["Referrer-Policy"] == "no-referrer"
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/summary",
        "/guide",
        "/guide/options?tumor_type=vipoma",
        "/guide/sheet?tumor_type=vipoma",
        "/symptoms",
        "/tests",
        "/types/gastrinoma",
        "/clinician/stage",
        "/clinician/grade",
        "/no-such-page",
    ],
)
def test_pages_need_no_inline_script_or_style(web: TestClient, path: str) -> None:
    page = read_page(web.get(path).text)
    assert page.inline_scripts == 0
    assert page.script_sources == ["/static/js/islet.js"]
    assert page.event_handlers == []
    assert page.style_attributes == 0  # the policy would block them


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("GET", f"/types/{PAYLOAD}", None),
        ("GET", f"/topics/{PAYLOAD}", None),
        ("GET", f"/glossary/{PAYLOAD}", None),
        ("GET", f"/guide/options?tumor_type={PAYLOAD}", None),
        ("GET", f"/guide?sites={PAYLOAD}", None),
        ("GET", f"/guide/ask/size?tumor_type={PAYLOAD}", None),
        ("GET", f"/tests?type={PAYLOAD}", None),
        ("GET", f"/clinician/stage?mode=categories&t={PAYLOAD}&n=N0&m=M0", None),
        ("GET", f"/clinician/stage?mode=findings&tumors=1&size_cm={PAYLOAD}", None),
        ("GET", f"/clinician/grade?ki67={PAYLOAD}", None),
        ("GET", f"/summary?x={PAYLOAD}", None),
        ("POST", "/symptoms", {"text": f"shaky {PAYLOAD}"}),
        ("POST", "/symptoms", {"text": "", "symptom": PAYLOAD}),
    ],
)
def test_what_people_type_is_escaped(
    web: TestClient, method: str, path: str, data: dict[str, str] | None
) -> None:
    assert_echoed_safely(web.request(method, path, data=data))


def test_the_symptom_text_comes_back_escaped(web: TestClient) -> None:
    response = web.post("/symptoms", data={"text": f"shaky {PAYLOAD}"})
    assert response.status_code == 200
    assert ESCAPED in response.text


@pytest.mark.parametrize("chunked", [False, True])
def test_request_bodies_are_limited(chunked: bool) -> None:
    small = client(max_body_bytes=1000)
    body = b'{"tumor_type": "' + b"x" * 2000 + b'"}'
    content: bytes | Iterator[bytes] = iter([body[:500], body[500:]]) if chunked else body
    response = small.post(
        "/api/v1/guide", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 413
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    ok = small.post("/api/v1/guide", json={"tumor_type": "vipoma"})
    assert ok.status_code == 200


def test_a_false_content_length_is_refused() -> None:
    response = client().post("/api/v1/guide", content=b"{}", headers={"content-length": "abc"})
    assert response.status_code in (400, 413)


def test_the_api_is_rate_limited_per_client() -> None:
    limited = client(rate_limit=3)
    codes = [limited.get("/api/v1/health").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = limited.get("/api/v1/health")
    assert refused.headers["content-type"] == "application/problem+json"
    assert int(refused.headers["retry-after"]) >= 1
    assert limited.get("/summary").status_code == 200  # pages are not counted


def failing_app(message: str) -> TestClient:
    app = create_app(Settings(rate_limit=0))
    broken = APIRouter()

    @broken.get("/api/v1/broken")
    @broken.get("/broken")
    def explode() -> None:
        raise RuntimeError(message)

    app.router.routes[:0] = broken.routes
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(("path", "kind"), [("/broken", "text/html"), ("/api/v1/broken", "json")])
def test_an_unexpected_error_is_a_calm_500_without_details(
    caplog: pytest.LogCaptureFixture, path: str, kind: str
) -> None:
    with caplog.at_level(logging.DEBUG):
        response = failing_app(MARKER).get(path)
    assert response.status_code == 500
    assert kind in response.headers["content-type"]
    assert MARKER not in response.text
    assert "Traceback" not in response.text
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert MARKER not in caplog.text
    assert "RuntimeError" in caplog.text  # the type is logged, the message is not


def test_nothing_people_enter_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    web = client()
    with caplog.at_level(logging.DEBUG):
        web.get(f"/guide/options?tumor_type={MARKER}")
        web.get(f"/guide/sheet.pdf?tumor_type=gastrinoma&asked={MARKER}")
        web.get(f"/types/{MARKER}")
        web.post("/symptoms", data={"text": f"shaky {MARKER}"})
        web.post("/api/v1/symptoms", json={"text": f"I feel {MARKER}"})
        web.post("/api/v1/guide", json={"tumor_type": MARKER})
        web.post("/api/v1/stage", json={"size_cm": MARKER})
        web.get(f"/api/v1/glossary/{MARKER}")
    # The test client's own request log is not the server's; everything else must be clean.
    server_logs = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert not [line for line in server_logs if MARKER in line]


def test_links_follow_a_reverse_proxy_prefix() -> None:
    behind = client(root_path="/islet")
    html = behind.get("/summary").text
    assert 'href="/islet/static/css/islet.css"' in html
    assert 'src="/islet/static/js/islet.js"' in html
    assert 'href="/islet/guide"' in html
    response = behind.get("/types/Insulinoma")
    assert response.headers["location"] == "/islet/types/insulinoma"
    results = behind.get("/guide/options?tumor_type=vipoma").text
    assert 'href="/islet/guide/sheet?tumor_type=vipoma"' in results


def test_apps_share_nothing() -> None:
    one, two = client(), client()
    situation = {"tumor_type": "insulinoma", "sites": ["tail"]}
    assert one.post("/api/v1/guide", json=situation).json() == (
        two.post("/api/v1/guide", json=situation).json()
    )
    assert one.get("/guide/options?tumor_type=vipoma").text == (
        two.get("/guide/options?tumor_type=vipoma").text
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, (DEFAULTS.max_body_bytes, DEFAULTS.rate_limit)),
        ({"ISLET_RATE_LIMIT": "0"}, (DEFAULTS.max_body_bytes, 0)),
        ({"ISLET_MAX_BODY_BYTES": "2048", "ISLET_RATE_LIMIT": " 10 "}, (2048, 10)),
        ({"ISLET_RATE_LIMIT": "many"}, None),
        ({"ISLET_MAX_BODY_BYTES": "-1"}, None),
    ],
)
def test_settings_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: tuple[int, int] | None
) -> None:
    monkeypatch.delenv("ISLET_RATE_LIMIT", raising=False)
    monkeypatch.delenv("ISLET_MAX_BODY_BYTES", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if expected is None:
        with pytest.raises(IsletError):
            current()
    else:
        found = current()
        assert (found.max_body_bytes, found.rate_limit) == expected


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/ask", {"q": "what is a whipple?"}),
        ("/symptoms", {"text": "watery diarrhea for weeks"}),
    ],
)
def test_answers_to_a_form_are_kept_only_by_the_browser(
    web: TestClient, path: str, data: dict[str, str]
) -> None:
    """Back and Forward show a POSTed answer again from the browser's own cache; a shared
    cache or proxy may not store it, and the form page itself is never cached."""
    answer = web.post(path, data=data)
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "private, max-age=900"
    assert web.get(path).headers["cache-control"] == "no-store"
