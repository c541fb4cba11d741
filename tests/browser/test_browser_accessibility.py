"""axe-core on every page type: no serious or critical accessibility violations (WCAG 2.1 AA)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

AXE = Axe()
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def symptom_answer(page: Page) -> None:
    page.get_by_label("What do you notice?").fill("watery diarrhea, thirsty, no rash")
    with page.expect_navigation():  # check the answer page, not the one being left
        page.get_by_role("button", name="Explain").click()


def ask_a_question(page: Page) -> None:
    page.get_by_label("Your question").fill("Can an insulinoma come back?")
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()


def open_a_term(page: Page) -> None:
    page.locator("details.term > summary").first.click()


PAGES: list[tuple[str, Callable[[Page], None] | None]] = [
    ("/", None),
    ("/summary", open_a_term),
    ("/summary?audience=professional", None),
    ("/types", None),
    ("/types/gastrinoma", None),
    ("/tests?type=insulinoma", None),
    ("/tests/mri", None),
    ("/treatments", None),
    ("/treatments/surgery", None),
    ("/patterns/vip-excess", None),
    ("/glossary", None),
    ("/glossary/insulin", None),
    ("/guide", None),
    ("/guide?tumor_type=insulinoma&asked=tumor_type", None),
    ("/guide/options?tumor_type=insulinoma&tumor_count=single&sites=tail", None),
    ("/guide/options?tumor_type=bogus", None),
    ("/guide/sheet?tumor_type=gastrinoma&sites=head", None),
    ("/symptoms", None),
    ("/symptoms", symptom_answer),
    ("/ask", None),
    ("/ask", ask_a_question),
    ("/clinician", None),
    ("/clinician/stage?mode=findings&size_cm=3&invades=none&nodes=no&mets=liver", None),
    ("/clinician/grade?ki67=25&differentiation=well", None),
    ("/no-such-page", None),
    # Islet en español (issue 17)
    ("/?lang=es", None),
    ("/summary?lang=es", None),
    ("/types/insulinoma?lang=es", None),
    ("/symptoms?lang=es", None),
    ("/guide/options?tumor_type=insulinoma&tumor_count=single&sites=tail&lang=es", None),
]


@pytest.mark.parametrize(
    ("path", "action"),
    PAGES,
    ids=[f"{p}{'+' + a.__name__ if a else ''}" for p, a in PAGES],
)
def test_no_serious_accessibility_violations(
    page: Page, base_url: str, path: str, action: Callable[[Page], None] | None
) -> None:
    page.goto(base_url + path)
    if action:
        action(page)
    results = AXE.run(page, options=OPTIONS)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


def test_axe_finds_what_it_should(page: Page) -> None:
    page.set_content('<html lang="en"><title>t</title><img src="x.png"><input type="text"></html>')
    results = AXE.run(page, options=OPTIONS)
    found = {v["id"] for v in results.response["violations"]}
    assert {"image-alt", "label"} <= found
