"""Islet's REST API under ``/api/v1``: thin routes over the core (no medical logic here).

The API is part of the web layer (beside ``islet.web.pages``), so it may use the web
layer's plumbing (``deps``, ``problems``) while nothing in ``islet.web`` outside ``app`` imports it.
Each area lives in its own module with its own ``router``; a new area (ask, trials) is one module
plus one ``include_router`` line below.
"""

from __future__ import annotations

from fastapi import APIRouter

from islet.web.api import ask, calculators, explain, guide, knowledge, trials

router = APIRouter(prefix="/api/v1")
router.include_router(knowledge.router)
router.include_router(guide.router)
router.include_router(explain.router)
router.include_router(calculators.router)
router.include_router(trials.router)
router.include_router(ask.router)
