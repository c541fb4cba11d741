"""HEAD on every route answers exactly as GET does (status and headers), without a body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from islet import kb as kb_module
from islet.settings import Settings
from islet.web.app import create_app
from islet.web.links import PAGES
from tests.trials_helpers import net_store

KB = kb_module.load()
APP = create_app(Settings(rate_limit=0))
NCT = "NCT00428597"  # in the trial fixtures
FOLDERS = {folder: collection for collection, folder in PAGES.items()}
# A known value for each path parameter; a route with a new parameter must add one here.
KNOWN = {"query": "insulinoma", "topic_id": "insulinoma", "term": "enucleation"}
KNOWN |= {"nct_id": NCT, "fact": "tumor_type", "service_id": "islet-pnet-options"}
PARAMETER = re.compile(r"{(\w+)(:\w+)?}")


def sample(path: str, name: str) -> str:
    folder = path.strip("/").split("/")[0]
    if name == "item_id" and folder in FOLDERS:
        return next(iter(KB.collection(FOLDERS[folder])))
    assert name in KNOWN, f"add a sample value for {{{name}}} in {path} to KNOWN"
    return KNOWN[name]


def route_paths(routes: list[Any]) -> Iterator[str]:
    """The path of every route, through included routers (FastAPI >= 0.120 keeps those as
    routers with their own route contexts; older versions copy the routes in)."""
    for route in routes:
        if isinstance(route, Mount):
            yield f"{route.path}/css/islet.css"
        elif hasattr(route, "effective_route_contexts"):
            yield from (context.path for context in route.effective_route_contexts())
        elif isinstance(route, Route):
            yield route.path


def addresses() -> Iterator[str]:
    """Every route's address, once filled with known ids and once with an unknown one."""
    for path in dict.fromkeys(route_paths(APP.routes)):
        yield PARAMETER.sub(lambda m, path=path: sample(path, m.group(1)), path)
        if PARAMETER.search(path):
            yield PARAMETER.sub("no-such-thing", path)


ADDRESSES = sorted(set(addresses()))


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = net_store(tmp_path_factory.mktemp("trials") / "trials.sqlite")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ISLET_TRIALS_DB", str(store))
        yield TestClient(APP, follow_redirects=False)


def test_the_static_sample_exists() -> None:
    assert (Path(__file__).parents[2] / "src/islet/web/static/css/islet.css").is_file()


def test_every_route_is_covered() -> None:
    assert {"/", "/summary", "/api/v1/health", "/openapi.json"} <= set(ADDRESSES)
    assert len(ADDRESSES) > 40


@pytest.mark.parametrize("address", ADDRESSES)
def test_head_answers_like_get_without_a_body(web: TestClient, address: str) -> None:
    got = web.get(address)
    head = web.head(address)
    assert got.status_code < 500
    assert (head.status_code, head.headers.multi_items()) == (
        got.status_code,
        got.headers.multi_items(),
    )
    assert head.content == b""
