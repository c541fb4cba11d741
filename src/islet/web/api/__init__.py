"""Islet's REST API under ``/api/v1``: thin routes over the core (no medical logic here).

The API is part of the web layer (beside ``islet.web.pages``), so it may use the web
layer's plumbing (``deps``, ``problems``) while nothing in ``islet.web`` outside ``app`` imports it.
Each area lives in its own module with its own ``router``; a new area (ask, trials) is one module
plus its name in the list below.
"""

from __future__ import annotations

from fastapi import APIRouter

from islet.web.api import ask, calculators, explain, guide, knowledge, trials

router = APIRouter(prefix="/api/v1")
for area in (knowledge, guide, explain, calculators, trials, ask):
    router.include_router(area.router)
