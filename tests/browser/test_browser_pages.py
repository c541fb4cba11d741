"""Glossary terms by keyboard, the patient/professional switch, the symptom form, small screens."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_open_a_glossary_term_with_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "/types/insulinoma")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('details.term > summary')"):
            break
    else:
        pytest.fail("no glossary term can be reached with Tab")
    term = page.locator("details.term:has(summary:focus)")
    definition = term.locator(".term-def")
    expect(definition).to_be_hidden()
    page.keyboard.press("Enter")
    expect(term).to_have_attribute("open", "")
    expect(definition).to_be_visible()
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()
    assert page.evaluate("document.activeElement.matches('details.term > summary')")


def test_switch_between_patient_and_professional(page: Page, base_url: str) -> None:
    page.goto(base_url + "/summary")
    expect(page.get_by_text("Patient version", exact=True)).to_be_visible()
    expect(page.locator("#hp-incidence")).to_have_count(0)
    page.get_by_role("link", name="Health professionals").click()
    expect(page).to_have_url(re.compile(r"/summary\?audience=professional$"))
    expect(page.get_by_text("Health professional version", exact=True)).to_be_visible()
    expect(page.locator("#hp-incidence")).to_have_count(1)
    expect(page.get_by_role("link", name="Health professionals")).to_have_attribute(
        "aria-current", "true"
    )
    page.get_by_role("link", name="Treatment guide").click()
    expect(page).to_have_url(re.compile(r"/guide\?(.*&)?audience=professional"))
    page.get_by_role("link", name="Patients and families").click()
    expect(page).not_to_have_url(re.compile("audience"))


def test_symptoms_with_a_red_flag_come_first(page: Page, base_url: str) -> None:
    page.goto(base_url + "/symptoms")
    page.get_by_label("What do you notice?").fill("I get shaky and sweaty and then confused")
    page.get_by_role("button", name="Explain").click()
    urgent = page.locator("aside.red-flags").first
    expect(urgent).to_be_visible()
    answer = page.locator("section.answer")
    assert urgent.bounding_box()["y"] < answer.bounding_box()["y"]  # type: ignore[index]
    expect(page.locator("article.pattern-result").first).to_contain_text("insulin")
    expect(page.get_by_label("What do you notice?")).to_have_value(
        "I get shaky and sweaty and then confused"
    )


@pytest.mark.parametrize("path", ["/", "/summary", "/guide/options?tumor_type=gastrinoma"])
def test_small_screens_need_no_sideways_scrolling(phone: Page, base_url: str, path: str) -> None:
    phone.goto(base_url + path)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # On a phone the main links sit behind the header's Menu button (a <details>, no script).
    phone.locator("header details.menu > summary").click()
    expect(phone.get_by_role("navigation", name="Main")).to_be_visible()
