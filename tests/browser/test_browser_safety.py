"""Safety first (issue 11) in a real browser: on a phone, an emergency or crisis reply is an
alert at the top of the page, above the fold, with numbers to tap, and passes axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.test_browser_accessibility import AXE, OPTIONS

pytestmark = pytest.mark.browser

CASES = [
    ("/ask", "#question", "I passed out and my sugar is 40", "tel:911"),
    ("/ask", "#question", "i dont want to live anymore", "tel:988"),
    ("/symptoms", "#symptom-text", "my chest hurts and my left arm is numb", "tel:911"),
    ("/glossary", "#glossary-q", "i took all my pills", "tel:911"),
]


@pytest.mark.parametrize(
    ("path", "field", "text", "link"), CASES, ids=["low-sugar", "crisis", "chest", "glossary"]
)
def test_the_alert_is_first_and_above_the_fold_on_a_phone(
    phone: Page, base_url: str, path: str, field: str, text: str, link: str
) -> None:
    phone.goto(base_url + path)
    phone.fill(field, text)
    with phone.expect_navigation():
        phone.locator(f"{field} >> xpath=ancestor::form").locator("button[type=submit]").click()
    alert = phone.locator('[role="alert"]').first
    assert alert.is_visible()
    box = alert.bounding_box()
    assert box is not None and box["y"] < 844, "the alert starts above the fold"
    heading = phone.locator("main h1").first.bounding_box()
    assert heading is not None and box["y"] < heading["y"], "the alert comes before the page"
    call = alert.locator(f'a[href="{link}"]')
    assert call.count() == 1 and call.is_visible()
    results = AXE.run(phone, options=OPTIONS)
    serious = [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious
