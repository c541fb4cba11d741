"""The HTML pages. Each module holds one area's routes; all are left out of the OpenAPI schema."""

from __future__ import annotations

from fastapi import APIRouter

from islet.web.pages import ask, clinician, entities, explain, guide, home, summary, trials

router = APIRouter(include_in_schema=False)
for area in (home, summary, entities, guide, explain, clinician, ask, trials):
    router.include_router(area.router)
