"""The HTML pages. Each module holds one area's routes; all are left out of the OpenAPI schema."""

from __future__ import annotations

from fastapi import APIRouter

from islet.web.pages import ask, clinician, entities, explain, guide, home, summary, trials

router = APIRouter(include_in_schema=False)
router.include_router(home.router)
router.include_router(summary.router)
router.include_router(entities.router)
router.include_router(guide.router)
router.include_router(explain.router)
router.include_router(clinician.router)
router.include_router(ask.router)
router.include_router(trials.router)
