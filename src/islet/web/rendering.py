"""Template rendering: the Jinja environment and the shared page context.

Templates read patient text as ``blocks`` (paragraphs and lists of glossary-marked runs, from
:func:`islet.model.marks.blocks`); the ``rich_text`` template partial renders a marked term as
an in-place explanation. No HTML is built here.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import Any, get_args
from urllib.parse import urlencode

import jinja2
from babel.dates import format_date
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from islet import __version__
from islet.i18n import localized, translations
from islet.kb import KnowledgeBase
from islet.language import LANGUAGES, Language
from islet.messages import Message, said
from islet.model import Audience, TumorTypeName
from islet.model.marks import blocks
from islet.sources.record import versions_summary
from islet.text import in_sentence
from islet.translations import in_language
from islet.web.deps import asked_language, language_of
from islet.web.links import item_link
from islet.web.middleware import app_path

HERE = Path(__file__).parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

# Answers to a POSTed question or symptom list: the browser may keep the page in its own private
# cache for 15 minutes, so Back and Forward show it again (no "Confirm Form Resubmission");
# shared caches and proxies may not store it, and the text never appears in an address or log.
ANSWER_CACHE = {"Cache-Control": "private, max-age=900"}

# The page being rendered's language: set by ``render_text`` for the templates' gettext.
rendering_language: ContextVar[Language] = ContextVar("rendering_language", default="en")


def shown(value: object) -> object:
    """What ``{{ value }}`` prints: a core :class:`Message` (or what an error says) in the page's
    language."""
    if isinstance(value, BaseException):
        value = said(value)
    return localized(value, rendering_language.get()) if isinstance(value, Message) else value


environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=shown,
)
environment.add_extension("jinja2.ext.i18n")
environment.install_gettext_callables(  # type: ignore[attr-defined]
    gettext=lambda message: translations(rendering_language.get()).gettext(message),
    ngettext=lambda one, many, n: translations(rendering_language.get()).ngettext(one, many, n),
    newstyle=True,
)


def first_upper(text: object) -> str:
    """The text with its first letter in capitals and the rest as written, so names such as
    VIPoma, ACTH and Cushing keep their capitals (Jinja's own ``capitalize`` lowers them)."""
    value = str(shown(text))
    return value[:1].upper() + value[1:]


def plain_date(iso: object) -> str:
    """An ISO date as people read it: "2025-05-09" -> "May 9, 2025" (as cancer.gov shows it),
    "9 de mayo de 2025" in Spanish."""
    try:
        day = date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return format_date(day, "long", locale=rendering_language.get())


def translated(text: object) -> str:
    """A message marked ``N_`` where it was defined (filled in, if it has parameters), in the
    page's language."""
    return localized(text, rendering_language.get())


environment.filters["capitalize"] = first_upper
environment.filters["translated"] = translated
environment.filters["plain_date"] = plain_date
environment.filters["in_sentence"] = lambda text: in_sentence(str(shown(text)))


def root(request: Request) -> str:
    """The reverse-proxy path prefix this app is served under ('' when none)."""
    prefix: str = request.scope.get("root_path", "")
    return prefix.rstrip("/")


def view_query(request: Request, audience: Audience) -> str:
    """The query string that keeps the professional view, or the patient view's language, on
    links and redirects ('' for the English patient view)."""
    kept = urlencode(kept_view(request, audience))
    return f"?{kept}" if kept else ""


def this_page_with(request: Request, name: str, value: str, default: str) -> str:
    """This page's address with the query parameter ``name`` set to ``value`` (left out when
    it is the ``default``), other query parameters kept."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != name]
    if value != default:
        params.append((name, value))
    query = urlencode(params)
    return root(request) + app_path(request.scope) + (f"?{query}" if query else "")


def kept_view(request: Request, audience: str) -> list[tuple[str, str]]:
    """The query pairs that keep the professional view, or the patient view's language."""
    if audience == "professional":
        return [("audience", "professional")]
    language = language_of(request)
    return [("lang", language)] if language != "en" else []


def address(request: Request, path: str, pairs: list[tuple[str, str]], audience: str) -> str:
    """The address of ``path`` in this app with the query ``pairs``, keeping the professional
    view or the page's language."""
    kept = kept_view(request, audience)
    query = urlencode([pair for pair in pairs if pair not in kept] + kept)
    return f"{root(request)}{path}" + (f"?{query}" if query else "")


def page_context(request: Request, audience: Audience) -> dict[str, Any]:
    """What every template may use: the knowledge base, audience, language, links and dates."""
    language = language_of(request, audience)
    kb: KnowledgeBase = in_language(language, request.app.state.kb)
    prefix, aq = root(request), view_query(request, audience)
    return {
        "lang": language,
        "asked_lang": asked_language(request) or "en",
        "language_urls": {code: this_page_with(request, "lang", code, "en") for code in LANGUAGES},
        "kb": kb,
        "pdq": kb.pdq,
        "audience": audience,
        "root": prefix,
        "aq": aq,
        "patient_url": this_page_with(request, "audience", "patient", "patient"),
        "professional_url": this_page_with(request, "audience", "professional", "patient"),
        "today": date.today().isoformat(),
        "version": __version__,
        "source_versions": versions_summary(),
        "blocks": lambda text: blocks(text, kb.glossary),
        "link_to": lambda item_id: item_link(kb, item_id, prefix, aq),
        "guide_types": get_args(TumorTypeName),
    }


def render(
    request: Request,
    name: str,
    audience: Audience = "patient",
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> Response:
    """The template ``name`` rendered with the page context plus ``context``, as a page."""
    html = render_text(request, name, audience, **context)
    return HTMLResponse(html, status_code=status_code, headers=headers)


def render_text(request: Request, name: str, audience: Audience, **context: Any) -> str:
    """The template ``name`` rendered to a string (a page's body, or the PDF's HTML)."""
    template = environment.get_template(name)
    token = rendering_language.set(language_of(request, audience))
    try:
        return template.render({**page_context(request, audience), **context})
    finally:
        rendering_language.reset(token)
