"""CDS Hooks over HTTP: ``GET /cds-services`` (discovery) and ``POST /cds-services/{id}``.

Thin routes over :mod:`islet.cds`. When trusted issuers are configured every service call must
carry a valid JWT bearer; without them the service answers anyone, which is for testing only.
Errors are problem JSON: 400 for a malformed request, 401 for a missing or bad token, 404 for an
unknown service, 412 when the data cannot be had, 502 when the EHR's FHIR server fails. The
routes are not in the OpenAPI document: the CDS Hooks specification describes them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from islet.cds.auth import KeySets, Unauthorized, verify
from islet.cds.cards import Links
from islet.cds.request import CdsRequestError
from islet.cds.service import answer, discovery, service_ids
from islet.guide import Situation
from islet.settings import Settings
from islet.trials.store import default_db_path
from islet.web.deps import KB
from islet.web.guide_state import GuideState
from islet.web.problems import problem

router = APIRouter(tags=["cds-hooks"], include_in_schema=False)
KEY_SETS = KeySets()
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Max-Age": "600",
}


@router.get("/cds-services")
def cds_discovery(kb: KB) -> dict[str, Any]:
    """The services Islet offers (no patient data, so no token is needed)."""
    return discovery(kb)


@router.post("/cds-services/{service_id}")
async def cds_service(service_id: str, request: Request, kb: KB) -> Response:
    """The cards for one ``patient-view`` call."""
    if service_id not in service_ids():
        return problem(404, "There is no CDS service with this id; see GET /cds-services.")
    settings: Settings = request.app.state.settings
    base = settings.public_url.rstrip("/") or str(request.base_url).rstrip("/")
    if settings.cds_trusted_issuers:
        try:
            verify(
                request.headers.get("authorization"),
                f"{base}/cds-services/{service_id}",
                settings.cds_trusted_issuers,
                KEY_SETS,
            )
        except Unauthorized as error:
            return problem(401, str(error), headers={"WWW-Authenticate": "Bearer"})
    body = await request.body()

    def links_for(situation: Situation) -> Links:
        answers = situation.model_dump(exclude_none=True)
        query = urlencode(GuideState(answers).query())
        return Links(guide=f"{base}/guide/options?{query}", trial_base=f"{base}/trials/")

    try:
        cards = answer(body, kb, links_for, default_db_path())
    except CdsRequestError as error:
        return problem(error.status, str(error))
    return JSONResponse(cards)


class CdsCors:
    """Lets a browser-based CDS client (the public CDS Hooks sandbox) call ``/cds-services``
    from another origin: CORS headers on its answers and on preflight requests."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or "/cds-services" not in path:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            await Response(status_code=204, headers=CORS_HEADERS)(scope, receive, send)
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    *((k.lower().encode(), v.encode()) for k, v in CORS_HEADERS.items()),
                ]
            await send(message)

        await self.app(scope, receive, with_cors)
