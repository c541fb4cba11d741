"""The ASGI app factory: knowledge, pages, API, static files, error handling and hardening.

The app holds no state beyond the immutable knowledge base, so several workers and a reverse-
proxy path prefix (``root_path``) work without coordination.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from limits.storage import Storage

from islet import __version__
from islet import kb as kb_module
from islet.datafiles import check_data
from islet.kb import KnowledgeBase
from islet.settings import Settings, current
from islet.web import problems
from islet.web.api import openapi
from islet.web.api import router as api_router
from islet.web.api.cds import CdsCors
from islet.web.api.cds import router as cds_router
from islet.web.cache import PageCache
from islet.web.middleware import (
    BodySizeLimit,
    HeadAsGet,
    NeverCrash,
    ProxyPrefix,
    SecurityHeaders,
)
from islet.web.pages import router as pages_router
from islet.web.ratelimit import RateLimit, storage_for
from islet.web.rendering import STATIC_DIR


def create_app(settings: Settings | None = None, knowledge_dir: Path | None = None) -> FastAPI:
    """A ready web app. Loads and validates the knowledge first: invalid knowledge raises
    ``KnowledgeError`` here, so a broken install never starts half-working."""
    settings, kb, storage = preflight(settings, knowledge_dir)
    app = FastAPI(
        title="Islet API",
        version=__version__,
        description=(
            "Source-linked information about pancreatic neuroendocrine tumors (islet cell "
            "tumors) from NCI's PDQ summary. Information, not medical advice."
        ),
        # The interactive docs load scripts from a CDN, which the security policy forbids;
        # the OpenAPI document itself stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.kb = kb
    app.state.settings = settings
    problems.install(app)
    app.include_router(api_router)
    openapi.install(app)
    app.include_router(cds_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Added innermost first: the security headers wrap everything, including 413 and 429.
    app.add_middleware(PageCache)
    if storage is not None:
        app.add_middleware(
            RateLimit,
            per_minute=settings.rate_limit,
            respond=problems.error_response,
            # Made before the app so that a wrong storage setting stops start-up with its message.
            storage=storage,
        )
    app.add_middleware(
        BodySizeLimit, limit=settings.max_body_bytes, respond=problems.error_response
    )
    app.add_middleware(NeverCrash, respond=problems.error_response)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(CdsCors)
    app.add_middleware(ProxyPrefix)
    app.add_middleware(HeadAsGet)
    return app


def preflight(
    settings: Settings | None = None, knowledge_dir: Path | None = None
) -> tuple[Settings, KnowledgeBase, Storage | None]:
    """What ``create_app`` checks before it builds anything (the settings, the knowledge and
    every data file), and what it builds the app from: ``islet serve`` runs it before any worker
    starts, so broken knowledge or settings stop start-up with a clear message."""
    settings = settings or current()
    kb = kb_module.load(knowledge_dir) if knowledge_dir else kb_module.load()
    check_data(kb)
    return settings, kb, storage_for(settings.rate_limit_storage) if settings.rate_limit else None
