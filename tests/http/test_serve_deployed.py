"""`islet serve` as deployed: behind a reverse proxy's path prefix, with two workers, with the
rate limit counting each client behind a proxy.

In process, every address a page gives (links, scripts, styles, forms, redirects) must carry
the prefix. Then real uvicorn processes on free loopback ports: two workers behind the prefix
(set through the environment, as `ISLET_ROOT_PATH=/islet ISLET_WORKERS=2 make run` does), and one
worker with a small rate limit.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from islet.web.middleware import SECURITY_HEADERS
from tests.processes import serving
from tests.webapp import client

PREFIX = "/islet"
PAGES = [
    "/",
    "/summary?audience=professional",
    "/guide",
    "/guide/options?tumor_type=insulinoma&sites=tail",
    "/guide/sheet?tumor_type=vipoma",
    "/guide/ask/size?tumor_type=insulinoma",
    "/symptoms",
    "/tests?type=gastrinoma",
    "/types/insulinoma",
    "/treatments",
    "/glossary",
    "/clinician/stage",
    "/clinician/grade?ki67=5",
    "/ask",
    "/trials",
    "/no-such-page",
]
SITUATION = {"tumor_type": "gastrinoma", "spread": ["liver"], "course": "new"}


class _Addresses(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value:
                self.found.append(value)


def local_addresses(html: str) -> list[str]:
    """Every address in the page that points into the site (not anchors or other sites)."""
    reader = _Addresses()
    reader.feed(html)
    return [a for a in reader.found if a.startswith("/") and not a.startswith("//")]


@pytest.fixture(scope="module")
def behind() -> TestClient:
    return client(root_path=PREFIX)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("proxy", ["strips", "keeps", "uvicorn-doubled"])
def test_every_address_on_a_page_carries_the_prefix(
    behind: TestClient, page: str, proxy: str
) -> None:
    # What reaches the app: the proxy took the prefix off, left it on, or left it on and
    # uvicorn put the root path in front again.
    sent = {"strips": page, "keeps": PREFIX + page, "uvicorn-doubled": PREFIX + PREFIX + page}
    response = behind.get(sent[proxy])
    assert response.status_code in (200, 404)
    assert (response.status_code == 404) == (page == "/no-such-page")
    addresses = local_addresses(response.text)
    assert addresses, "a page without links to the rest of the site"
    assert [a for a in addresses if not a.startswith(PREFIX + "/") and a != PREFIX] == []


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/types/Insulinoma", "/islet/types/insulinoma"),
        ("/trials/NCT00510068/screening", "/islet/trials/NCT00510068"),
        (
            "/guide?tumor_type=vipoma&asked=tumor_count&asked=sites&asked=size&asked=resectable"
            "&asked=spread&asked=liver_dominant_severe_symptoms&asked=course"
            "&asked=responding_to_acid_drugs&asked=residual_after_surgery&asked=men1",
            "/islet/guide/options?tumor_type=vipoma",
        ),
    ],
)
def test_redirects_carry_the_prefix(behind: TestClient, path: str, location: str) -> None:
    response = behind.get(path)
    assert response.status_code in (303, 307)
    assert response.headers["location"].startswith(location)


def test_the_api_and_its_problems_work_behind_the_prefix(behind: TestClient) -> None:
    assert behind.post("/api/v1/guide", json=SITUATION).status_code == 200
    problem = behind.post("/api/v1/guide", json={"resectable": 1})
    assert problem.status_code == 422
    assert problem.headers["content-type"] == "application/problem+json"
    assert problem.json()["field"] == "resectable"
    assert behind.get("/openapi.json").status_code == 200


def test_two_workers_behind_a_prefix_serve_pages_api_and_static_files(tmp_path: Path) -> None:
    env = {"ISLET_ROOT_PATH": PREFIX, "ISLET_WORKERS": "2", "ISLET_RATE_LIMIT": "0"}
    with serving(tmp_path, env=env) as server:
        assert len(server.workers()) == 2
        with httpx.Client(base_url=server.base, timeout=60.0) as browser:
            for path in ("/summary", f"{PREFIX}/summary"):  # either kind of proxy
                page = browser.get(path)
                assert page.status_code == 200
                assert f'href="{PREFIX}/static/css/islet.css"' in page.text
                assert f'href="{PREFIX}/guide"' in page.text
                for name, value in SECURITY_HEADERS.items():
                    assert page.headers[name] == value
                assert "server" not in page.headers  # no software banner
            assert browser.get("/static/css/islet.css").status_code == 200
            # The app holds no state: any worker gives the same answer, every time.
            answers = [browser.post("/api/v1/guide", json=SITUATION) for _ in range(12)]
            assert {a.status_code for a in answers} == {200}
            assert len({a.text for a in answers}) == 1
    assert f"links carry the proxy prefix {PREFIX}" in server.output()
    assert "Traceback" not in server.output()


def test_the_rate_limit_counts_each_client_behind_a_local_proxy(tmp_path: Path) -> None:
    # uvicorn trusts X-Forwarded-For from 127.0.0.1 (FORWARDED_ALLOW_IPS for other proxies), so
    # each person behind a reverse proxy on the same machine has their own allowance.
    limited = serving(tmp_path, "--root-path", PREFIX, env={"ISLET_RATE_LIMIT": "3"})
    with limited as server, httpx.Client(base_url=server.base, timeout=60.0) as browser:
        one = {"X-Forwarded-For": "198.51.100.1"}
        other = {"X-Forwarded-For": "198.51.100.2"}
        codes = [browser.get("/api/v1/health", headers=one).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        refused = browser.get("/api/v1/health", headers=one)
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.headers["content-type"] == "application/problem+json"
        assert browser.get("/api/v1/health", headers=other).status_code == 200
        assert browser.get("/summary", headers=one).status_code == 200  # pages not counted
