"""Walking the guide as a person would, in a real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from islet.guide import options_for
from islet.guide.situation import situation_from
from islet.model import fact_kind
from islet.web.guide_state import FACTS, NONE
from tests.tables import load_cases

pytestmark = pytest.mark.browser


def asked_fact(page: Page) -> str:
    for fact in FACTS:
        if page.locator(f'input[id^="q-{fact}-"]').count():
            return fact
    raise AssertionError("the step shows no question")


def answer(page: Page, fact: str, value: Any) -> None:
    if fact_kind(fact) == "many":
        for item in value or []:
            page.locator(f'input[name="{fact}"][value="{item}"]').check()
    elif value is None:
        page.get_by_label("I don't know").check()
    else:
        page.locator(f'input[name="{fact}"][value="{value}"]').check()


def expected_situation(answers: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fact, value in answers.items():
        if fact_kind(fact) == "many":
            out[fact] = [] if value == [NONE] else value
        elif fact_kind(fact) == "yesno":
            out[fact] = value == "true"
        else:
            out[fact] = value
    return out


@pytest.mark.parametrize("case", load_cases("browser_guide_walks.yaml"))
def test_walk_the_guide(browser: Browser, base_url: str, case: dict[str, Any]) -> None:
    context = browser.new_context(java_script_enabled=case["javascript"])
    page = context.new_page()
    page.goto(base_url + "/")
    with page.expect_navigation():
        page.get_by_role("link", name="I have a diagnosis").click()
    asked: list[str] = []
    while page.locator("h1", has_text="Treatment guide").count():
        fact = asked_fact(page)
        assert fact not in asked, f"{fact} asked twice"
        asked.append(fact)
        answer(page, fact, case["answers"].get(fact))
        with page.expect_navigation():  # read the next step only once it has loaded
            page.get_by_role("button", name="Next").click()
    expect(page.locator("h1")).to_have_text("Treatment options PDQ lists for this situation")
    assert asked[0] == "tumor_type"

    result = options_for(situation_from(expected_situation(case["answers"])), audience="patient")
    applies = page.locator("section.group-applies")
    for option in result.applies:
        expect(
            applies.locator(f'a[href^="/treatments/{option.treatment_id}"]').first
        ).to_be_visible()
    treatments = {o.treatment_id for o in result.applies + result.depends + result.excluded}
    assert page.locator("article.option").count() == len(treatments)  # one card per treatment
    for site in case["answers"].get("sites", []):
        expect(page.locator(f"svg.pancreas .part-{site}")).to_have_class(f"part part-{site} chosen")
    liver = "liver" in case["answers"].get("spread", [])
    assert page.locator("svg.pancreas .part-liver.chosen").count() == int(liver)
    # The address holds the situation: reloading it shows the same page.
    url = page.url
    page.reload()
    assert page.url == url
    assert page.locator("article.option").count() == len(treatments)
    context.close()


def test_download_the_appointment_sheet(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/options?tumor_type=insulinoma&tumor_count=single&sites=tail")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the sheet as PDF").click()
    download = info.value
    assert download.suggested_filename == "islet-appointment-sheet.pdf"
    path = download.path()
    assert path.read_bytes().startswith(b"%PDF-")


def test_the_sheet_can_be_printed(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guide/options?tumor_type=vipoma")
    page.get_by_role("link", name="Sheet for my appointment").click()
    expect(page.locator("h1")).to_have_text("For my appointment")
    expect(page.get_by_role("button", name="Print this sheet")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this sheet")).to_be_hidden()


def test_a_vipoma_result_starts_with_the_urgent_alert(phone: Page, base_url: str) -> None:
    # severe symptoms make an urgent alert (role "alert"), shown before the VIPoma note
    phone.goto(base_url + "/guide/options?tumor_type=vipoma&liver_dominant_severe_symptoms=true")
    alert = phone.get_by_role("alert").first
    expect(alert).to_contain_text("Call 911")
    note = phone.get_by_role("note").filter(has_text="watery diarrhea").first
    expect(note).to_be_visible()
    assert alert.bounding_box()["y"] < note.bounding_box()["y"]  # type: ignore[index]
    box = alert.bounding_box()
    assert box is not None and box["y"] < phone.locator("#applies-title").bounding_box()["y"]  # type: ignore[index]
