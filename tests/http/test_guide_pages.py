"""The guide in the browser's terms: step by step, results, appointment sheet and PDF."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape
from starlette.datastructures import QueryParams

from islet.guide import options_for
from islet.guide.data import load_guide_data
from islet.model import Situation, fact_kind, fact_values
from islet.web.guide_state import FACTS, NONE, GuideState, read_state
from tests.tables import load_cases
from tests.webapp import read_page


def shown(text: str) -> str:
    return str(escape(text))


def question_shown(html: str) -> str:
    """The fact the step page asks about (the name of its inputs)."""
    for fact in FACTS:
        if f'name="{fact}" value=' in html and f'id="q-{fact}-' in html:
            return fact
    raise AssertionError("no question on the page")


@pytest.mark.parametrize("case", load_cases("web_guide.yaml"))
def test_results_show_what_the_guide_says(web: TestClient, case: dict[str, Any]) -> None:
    response = web.get(f"/guide/options?{case['query']}")
    assert response.status_code == 200
    html = response.text
    result = options_for(Situation.model_validate(case["situation"]), audience="patient")
    # One card per treatment, in the best group any PDQ bullet that names it reaches.
    best: dict[str, str] = {}
    for group in ("applies", "depends", "excluded"):
        for option in getattr(result, group):
            best.setdefault(option.treatment_id, group)
            assert shown(option.why) in html, option.why
    for treatment_id, group in best.items():
        section = html.split(f'id="{group}-title"')[1].split("</section>")[0]
        assert f'id="option-{treatment_id}"' in section, (group, treatment_id)
    assert html.count('class="option"') == len(best)
    for gap in result.gaps:
        assert shown(gap.message) in html
    for question in result.next_questions:
        assert shown(question.question) in html
    for site in case["situation"].get("sites", []):
        assert f"part-{site} chosen" in html
    assert ("part-liver chosen" in html) is ("liver" in case["situation"].get("spread", []))


@pytest.mark.parametrize("case", load_cases("web_guide.yaml"))
def test_the_sheet_fits_one_printed_page(web: TestClient, case: dict[str, Any]) -> None:
    response = web.get(f"/guide/sheet?{case['query']}")
    assert response.status_code == 200
    assert "For my appointment" in response.text
    assert "Questions to ask my care team" in response.text
    result = options_for(Situation.model_validate(case["situation"]), audience="patient")
    for option in result.applies:
        assert shown(option.name) in response.text


@pytest.mark.parametrize(
    "query",
    [
        "tumor_type=insulinoma&tumor_count=single&sites=tail",
        "tumor_type=vipoma&liver_dominant_severe_symptoms=true",  # two alerts first
        "tumor_type=nonfunctional&spread=liver&course=progressive&resectable=false",
        "tumor_type=insulinoma&men1=true&course=recurrent&audience=professional",
        # the busiest sheets: spread, a recurrence, MEN1, an alert; Spanish runs longer
        "tumor_type=gastrinoma&spread=liver&course=recurrent&men1=true",
        "tumor_type=nonfunctional&spread=liver&spread=distant&course=new&men1=true&audience=professional",
        "tumor_type=vipoma&liver_dominant_severe_symptoms=true&lang=es",
        "tumor_type=nonfunctional&spread=liver&course=recurrent&men1=true&lang=es",
        "tumor_type=gastrinoma&spread=liver&course=recurrent&men1=true&lang=es&audience=professional",
    ],
)
def test_pdf_download_is_one_page(web: TestClient, query: str) -> None:
    from weasyprint import CSS, HTML

    from islet.web import pdf

    pages: list[int] = []
    original = HTML.write_pdf

    def counting(self: HTML, *args: Any, **kwargs: Any) -> bytes:
        pages.append(len(self.render(stylesheets=[CSS(filename=str(pdf.PDF_STYLESHEET))]).pages))
        result: bytes = original(self, *args, **kwargs)
        return result

    HTML.write_pdf = counting  # type: ignore[method-assign]
    try:
        response = web.get(f"/guide/sheet.pdf?{query}")
    finally:
        HTML.write_pdf = original  # type: ignore[method-assign]
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"%PDF-")
    assert pages == [1]


def test_first_step_asks_the_tumor_type(web: TestClient) -> None:
    html = web.get("/guide").text
    assert question_shown(html) == "tumor_type"
    for choice in load_guide_data().question("tumor_type").choices:
        assert f'value="{choice.value}"' in html
    assert 'value="" checked' in html  # "I don't know" is the default


@pytest.mark.parametrize("tumor_type", ["insulinoma", "gastrinoma", "vipoma"])
def test_next_step_asks_what_settles_most(web: TestClient, tumor_type: str) -> None:
    response = web.get(f"/guide?tumor_type={tumor_type}&asked=tumor_type")
    assert response.status_code == 200
    result = options_for(Situation(tumor_type=tumor_type), audience="patient")  # type: ignore[arg-type]
    assert question_shown(response.text) == result.next_questions[0].fact


def test_i_dont_know_is_not_asked_again(web: TestClient) -> None:
    first = question_shown(web.get("/guide?tumor_type=insulinoma&asked=tumor_type").text)
    response = web.get(f"/guide?tumor_type=insulinoma&asked=tumor_type&{first}=&asked={first}")
    assert question_shown(response.text) != first


def test_when_nothing_is_left_to_ask_the_results_follow(web: TestClient) -> None:
    query = "tumor_type=insulinoma&" + "&".join(f"asked={fact}" for fact in FACTS)
    response = web.get(f"/guide?{query}")
    assert response.status_code == 303
    location = urlsplit(response.headers["location"])
    assert location.path == "/guide/options"
    assert dict(parse_qsl(location.query))["tumor_type"] == "insulinoma"


def test_walking_every_step_ends_at_the_results(web: TestClient) -> None:
    query = ""
    for _ in range(len(FACTS) + 1):
        response = web.get(f"/guide?{query}")
        if response.status_code == 303:
            break
        fact = question_shown(response.text)
        hidden = [
            (name, value)
            for name, value in _hidden_inputs(response.text)
            if name not in ("audience",)
        ]
        answer = "gastrinoma" if fact == "tumor_type" else ""
        query = "&".join(f"{n}={v}" for n, v in [*hidden, (fact, answer)])
    else:
        pytest.fail("the guide kept asking")
    assert web.get(response.headers["location"]).status_code == 200


def _hidden_inputs(html: str) -> list[tuple[str, str]]:
    out = []
    for chunk in html.split('<input type="hidden" name="')[1:]:
        name, rest = chunk.split('"', 1)
        out.append((name, rest.split('value="', 1)[1].split('"', 1)[0]))
    return out


@pytest.mark.parametrize("path", ["/guide", "/guide/options"])
@pytest.mark.parametrize("case", load_cases("web_guide_errors.yaml"))
def test_bad_answers_are_asked_again(web: TestClient, path: str, case: dict[str, Any]) -> None:
    response = web.get(f"{path}?{case['query']}")
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert case["field"] in response.text
    assert question_shown(response.text) == case["field"]
    assert "Traceback" not in response.text
    alert = response.text.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert f"{case['field']}:" not in alert  # the message in words, not the field's name
    assert case.get("says", "") in alert


@pytest.mark.parametrize("path", ["/guide/sheet", "/guide/sheet.pdf"])
def test_bad_answers_on_the_sheet_are_a_calm_422(web: TestClient, path: str) -> None:
    response = web.get(f"{path}?tumor_type=bogus")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "tumor_type" in response.text


def test_ask_page_changes_one_answer_and_keeps_the_rest(web: TestClient) -> None:
    html = web.get("/guide/ask/size?tumor_type=insulinoma&size=small&sites=tail").text
    assert question_shown(html) == "size"
    assert 'value="small" checked' in html
    assert 'action="/guide/options"' in html
    hidden = _hidden_inputs(html)
    assert ("tumor_type", "insulinoma") in hidden
    assert ("sites", "tail") in hidden
    assert ("size", "small") not in hidden  # the question itself carries it
    assert ("asked", "size") in hidden


def test_ask_page_for_an_unknown_question_is_404(web: TestClient) -> None:
    assert web.get("/guide/ask/favourite_color").status_code == 404


def test_professional_view_is_kept_through_the_guide(web: TestClient) -> None:
    html = web.get("/guide?audience=professional").text
    assert ("audience", "professional") in _hidden_inputs(html)
    results = web.get("/guide/options?tumor_type=insulinoma&audience=professional").text
    assert "/guide/sheet?tumor_type=insulinoma&amp;audience=professional" in results


def test_result_page_structure(web: TestClient) -> None:
    page = read_page(web.get("/guide/options?tumor_type=gastrinoma").text)
    assert not page.blocks_in_paragraphs
    assert not page.duplicate_ids


# --- the state in the address ---------------------------------------------------------------


def _answer(fact: str) -> st.SearchStrategy[Any]:
    values = list(fact_values(fact))
    if fact_kind(fact) == "many":
        return st.lists(st.sampled_from(values), unique=True)
    return st.sampled_from(values)


STATES = st.builds(
    GuideState,
    answers=st.fixed_dictionaries({}, optional={fact: _answer(fact) for fact in FACTS}),
    asked=st.lists(st.sampled_from(FACTS), unique=True).map(tuple),
)


@given(STATES)
def test_state_survives_the_address(state: GuideState) -> None:
    assert read_state(QueryParams(state.query())) == state


@pytest.mark.parametrize(
    ("query", "fact", "value", "chosen"),
    [
        ("spread=none", "spread", NONE, True),
        ("spread=none", "spread", "liver", False),
        ("spread=liver", "spread", "liver", True),
        ("spread=liver", "spread", NONE, False),
        ("", "spread", NONE, False),
        ("resectable=false", "resectable", False, True),
        ("resectable=false", "resectable", True, False),
        ("", "resectable", False, False),
        ("size=small", "size", "small", True),
    ],
)
def test_chosen_answers(query: str, fact: str, value: str | bool, chosen: bool) -> None:
    assert read_state(QueryParams(query)).chosen(fact, value) is chosen


def test_blank_answers_and_unknown_parameters_are_ignored() -> None:
    state = read_state(QueryParams("tumor_type=&size=%20&colour=red&asked=nonsense&asked=size"))
    assert state.answers == {}
    assert state.asked == ("size",)


VIPOMA = "tumor_type=vipoma&tumor_count=single&sites=tail"


@pytest.mark.parametrize("path", ["/guide/options", "/guide/sheet"])
def test_alerts_come_first_on_results_and_sheet(web: TestClient, path: str) -> None:
    html = web.get(f"{path}?{VIPOMA}&liver_dominant_severe_symptoms=true").text
    urgent, vipoma = html.index("You said most of the tumor"), html.index("watery diarrhea")
    assert "Get care now" in html and "Please note" in html
    assert urgent < vipoma < html.index("Options PDQ lists for this situation")
    assert vipoma < html.index("My situation" if "sheet" in path else "What you told Islet")
    # what PDQ says and Islet's own safety advice are told apart in the text and the sources
    assert "not PDQ&#39;s" in html or "not PDQ's" in html
    assert "Islet&#39;s" in html and "safety note" in html


def test_the_pdf_sheet_starts_with_the_alerts(web: TestClient) -> None:
    from islet.web import pdf

    seen: list[str] = []
    original = pdf.render_pdf

    def keep(html: str) -> bytes:
        seen.append(html)
        return original(html)

    pdf_module_render = pdf.render_pdf
    import islet.web.pages.guide as guide_pages

    guide_pages.render_pdf = keep  # type: ignore[assignment]
    try:
        response = web.get(f"/guide/sheet.pdf?{VIPOMA}")
    finally:
        guide_pages.render_pdf = pdf_module_render  # type: ignore[assignment]
    assert response.status_code == 200
    assert seen and seen[0].index("watery diarrhea") < seen[0].index("My situation")


GLUCAGONOMA_BODY = "tumor_type=glucagonoma&tumor_count=single&sites=body&size=large"


def test_the_professional_view_shows_professional_only_bullets(web: TestClient) -> None:
    html = web.get(f"/guide/options?{GLUCAGONOMA_BODY}&audience=professional").text
    applies = html.split('id="applies-title"')[1].split("</section>")[0]
    assert "/treatments/distal-pancreatectomy" in applies
    assert "Listed only in PDQ" in applies and "version for health professionals" in applies
    assert "lists more options for this situation" not in html


def test_the_patient_view_says_the_professional_version_lists_more(web: TestClient) -> None:
    html = web.get(f"/guide/options?{GLUCAGONOMA_BODY}").text
    applies = html.split('id="applies-title"')[1].split("</section>")[0]
    assert "/treatments/distal-pancreatectomy" not in applies
    assert "lists more options for this situation" in html
    sheet = web.get(f"/guide/sheet?{GLUCAGONOMA_BODY}").text
    assert "lists more options for this situation" in sheet


def test_the_audience_switch_keeps_the_answers(web: TestClient) -> None:
    html = web.get(f"/guide/options?{GLUCAGONOMA_BODY}").text
    assert "audience=professional" in html
    switch = html.split('data-audience="professional"')[0].rsplit('href="', 1)[1]
    assert "tumor_type=glucagonoma" in switch and "sites=body" in switch


def test_the_men1_question_can_be_asked_and_answered(web: TestClient) -> None:
    page = web.get("/guide/ask/men1?tumor_type=insulinoma")
    assert page.status_code == 200
    assert question_shown(page.text) == "men1"
    result = web.get("/guide/options?tumor_type=insulinoma&men1=true").text
    assert "MEN1" in result and "cures MEN1 less often" in result
