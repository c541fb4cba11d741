"""The treatment guide: a short step-by-step form, the grouped options, a print sheet and a PDF.

Every answer lives in the page address, so a result can be bookmarked or shared and the server
keeps nothing. The pages only call ``islet.guide.options_for``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from islet.errors import InvalidSituation
from islet.guide import GuideResult, options_for, situation_from
from islet.guide.data import GuideData, guide_data_in
from islet.guide.result import Audience
from islet.i18n import N_
from islet.kb import KnowledgeBase
from islet.model import Section, Situation, plain_text
from islet.translations import in_language
from islet.web.deps import AudienceQuery, language_of
from islet.web.guide_state import FACTS, NONE, GuideState, query_value, read_state
from islet.web.pdf import render_pdf
from islet.web.problems import error_response
from islet.web.rendering import address, kept_view, render, render_text

router = APIRouter()

OUTLOOK_SECTION = "prognosis"  # PDQ's "Certain factors affect prognosis" section
FIRST_FACT = "tumor_type"  # every PDQ list is per tumor type, so the guide asks it first
FactPath = Annotated[str, Path(pattern="^[a-z0-9_]{1,40}$")]


def knowledge_in(request: Request, audience: Audience) -> tuple[KnowledgeBase, GuideData]:
    """The knowledge and the guide's wording in the page's language (``?lang=es``)."""
    language = language_of(request, audience)
    kb: KnowledgeBase = request.app.state.kb
    return in_language(language, kb), guide_data_in(language)


def marked_parts(situation: Situation) -> list[str]:
    """The parts of the drawing to highlight: the sites chosen, and the liver if named."""
    parts: list[str] = list(situation.sites or [])
    if situation.spread and "liver" in situation.spread:
        parts.append("liver")
    return parts


def short_outlook(section: Section) -> str:
    """The outlook section's patient text on one line, for the printed sheet: its sentences,
    then its list items joined with semicolons."""
    lines = [line.strip() for line in plain_text(section.patient).splitlines() if line.strip()]
    sentences = [line for line in lines if not line.startswith("- ")]
    items = [line[2:].strip().rstrip(".") for line in lines if line.startswith("- ")]
    listed = "; ".join(item[:1].lower() + item[1:] for item in items)
    return " ".join(sentences) + (f" {listed}." if listed else "")


def step_page(
    request: Request,
    audience: AudienceQuery,
    state: GuideState,
    fact: str,
    action: str,
    error: InvalidSituation | None = None,
) -> Response:
    """The question about ``fact``; after ``error``, the question about the fact at fault."""
    if error is not None:
        fact = error.field if error.field in FACTS else FIRST_FACT
    _, data = knowledge_in(request, audience)
    question = data.question(fact)
    hidden = [(k, v) for k, v in state.query(without=fact) if not (k == "asked" and v == fact)]
    hidden += [("asked", fact), *kept_view(request, audience)]
    return render(
        request,
        "guide_step.html",
        audience,
        status_code=422 if error else 200,
        question=question,
        dont_know=data.dont_know,
        state=state,
        hidden=hidden,
        action=action,
        number=len([f for f in state.asked if f != fact]) + 1,
        error=error,
        none_value=NONE,
        query_value=query_value,
    )


def result_context(request: Request, state: GuideState, audience: Audience) -> dict[str, Any]:
    situation = situation_from(state.answers)
    kb, data = knowledge_in(request, audience)
    result: GuideResult = options_for(situation, kb, data, audience=audience)
    outlook = kb.sections.get(OUTLOOK_SECTION)
    # "Not known yet" lists only the facts that would change something here.
    relevant = {question.fact for question in result.next_questions}
    return {
        "result": result,
        "cards": result.cards(),
        "relevant": relevant,
        "outlook": outlook,
        "outlook_short": short_outlook(outlook) if outlook else None,
        "situation": situation,
        "rows": data.answered(state.answers),
        "marked": marked_parts(situation),
        "state": state,
        "options_url": address(request, "/guide/options", state.query(), audience),
        "sheet_url": address(request, "/guide/sheet", state.query(), audience),
        "pdf_url": address(request, "/guide/sheet.pdf", state.query(), audience),
        "ask_url": lambda fact: address(request, f"/guide/ask/{fact}", state.query(), audience),
    }


@router.get("/guide")
def guide(request: Request, audience: AudienceQuery = "patient") -> Response:
    """The next question worth asking, or the results when nothing is left to ask."""
    state = read_state(request.query_params)
    try:
        situation = situation_from(state.answers)
    except InvalidSituation as error:
        return step_page(request, audience, state, FIRST_FACT, "/guide", error)
    if FIRST_FACT not in state.answers and FIRST_FACT not in state.asked:
        return step_page(request, audience, state, FIRST_FACT, "/guide")
    kb, data = knowledge_in(request, audience)
    result = options_for(situation, kb, data, audience=audience)
    question = result.next_question({*state.answers, *state.asked})
    if question is not None:
        return step_page(request, audience, state, question.fact, "/guide")
    return RedirectResponse(address(request, "/guide/options", state.query(), audience), 303)


@router.get("/guide/ask/{fact}")
def ask(request: Request, fact: FactPath, audience: AudienceQuery = "patient") -> Response:
    """One question, to change or give a single answer; goes straight back to the results."""
    if fact not in FACTS:
        return error_response(
            request, 404, N_("Unknown question"), N_("The guide has no such question.")
        )
    return step_page(request, audience, read_state(request.query_params), fact, "/guide/options")


@router.get("/guide/options")
def options(request: Request, audience: AudienceQuery = "patient") -> Response:
    """The options PDQ lists for the situation in the address, grouped."""
    state = read_state(request.query_params)
    try:
        context = result_context(request, state, audience)
    except InvalidSituation as error:
        return step_page(request, audience, state, FIRST_FACT, "/guide/options", error)
    return render(request, "guide_result.html", audience, **context)


@router.get("/guide/sheet")
def sheet(request: Request, audience: AudienceQuery = "patient") -> Response:
    """A one-page "for my appointment" sheet, made to be printed."""
    context = result_context(request, read_state(request.query_params), audience)
    return render(request, "guide_sheet.html", audience, **context)


@router.get("/guide/sheet.pdf")
def sheet_pdf(request: Request, audience: AudienceQuery = "patient") -> Response:
    """The appointment sheet as a PDF download, made in memory and never stored."""
    context = result_context(request, read_state(request.query_params), audience)
    html = render_text(request, "guide_sheet_pdf.html", audience, **context)
    return Response(
        render_pdf(html),
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="islet-appointment-sheet.pdf"'},
    )
