"""What a person on a phone or a laptop meets (issue 14): a compact header, pages that never
scroll sideways, answers in view, Back and Forward without an error page, a glossary search,
the symptom lists, and a trial page that never shows a command. Real Chromium, no JavaScript
needed for any of it (the pages are also checked with JavaScript turned off), axe-core clean.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# Pages people reach on a phone, with long words and addresses among them.
PAGES = [
    "/",
    "/summary",
    "/summary?audience=professional",
    "/guide/options",
    "/guide/options?tumor_type=gastrinoma&spread=liver",
    "/guide/options?tumor_type=insulinoma&lang=es",
    "/guide/sheet?tumor_type=insulinoma&sites=tail",
    "/glossary",
    "/glossary?q=enucleation",
    "/treatments/enucleation",
    "/types/vipoma",
    "/trials",
    "/trials?type=gastrinoma&near=55905",
    "/symptoms",
    "/ask",
    "/tests",
    "/?lang=es",
    "/trials?lang=es",
]


@pytest.fixture(autouse=True)
def fresh_install(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No imported trial records (and, from conftest, no reachable registry)."""
    monkeypatch.setenv("ISLET_TRIALS_DB", str(tmp_path_factory.mktemp("fresh") / "trials.sqlite"))


def new_tab(browser: Browser, size: str, javascript: bool = False) -> Page:
    """A tab in a context of its own at ``size`` ("phone" or "laptop")."""
    context = browser.new_context(
        viewport=PHONE if size == "phone" else LAPTOP,
        is_mobile=size == "phone",
        java_script_enabled=javascript,
    )
    return context.new_page()


@pytest.fixture(params=["phone", "laptop"])
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    tab = new_tab(browser, request.param)
    yield tab
    tab.context.close()


@pytest.fixture
def phone_screen(browser: Browser) -> Iterator[Page]:
    tab = new_tab(browser, "phone")
    yield tab
    tab.context.close()


def serious_violations(page: Page, prepare: Callable[[Page], None] | None = None) -> list[str]:
    """axe-core on the page shown in ``page`` (at the same size, reached again by its address
    and ``prepare``): axe needs JavaScript, which the pages under test run without."""
    context = page.context.browser.new_context(viewport=page.viewport_size)  # type: ignore[union-attr]
    try:
        checked = context.new_page()
        checked.goto(page.url)
        if prepare is not None:
            prepare(checked)
        results = AXE.run(checked, options=AXE_OPTIONS)
    finally:
        context.close()
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def header_height(page: Page) -> float:
    box = page.locator("header.site-header").bounding_box()
    assert box is not None
    return box["height"]


def page_width(page: Page) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


# Pages new or changed for issue 14, also checked with axe-core at both sizes.
AXE_PAGES = {"/glossary?q=enucleation", "/treatments/enucleation", "/trials", "/summary"}


@pytest.mark.parametrize("path", PAGES)
def test_no_page_is_wider_than_the_screen(screen: Page, base_url: str, path: str) -> None:
    screen.goto(base_url + path)
    assert page_width(screen) <= (screen.viewport_size or PHONE)["width"]
    if path in AXE_PAGES:
        assert not serious_violations(screen)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/guide/options?tumor_type=insulinoma&sites=tail",
        "/ask",
        "/?lang=es",
        "/guide/options?tumor_type=insulinoma&lang=es",
        "/guide/options?audience=professional",
        "/guide/options?audience=professional&lang=es",
    ],
)
def test_no_header_takes_more_than_a_quarter_of_a_phone_screen(
    phone_screen: Page, base_url: str, path: str
) -> None:
    """In English and Spanish, for patients and professionals."""
    phone_screen.goto(base_url + path)
    assert header_height(phone_screen) <= 0.25 * PHONE["height"]


def test_the_header_takes_at_most_a_quarter_of_a_phone_screen(screen: Page, base_url: str) -> None:
    screen.goto(base_url + "/summary")
    height = (screen.viewport_size or PHONE)["height"]
    assert header_height(screen) <= 0.25 * height
    # The menu opens without JavaScript and lists every part of Islet.
    nav = screen.get_by_role("navigation", name="Main")
    if (screen.viewport_size or PHONE)["width"] < 768:
        assert not nav.get_by_role("link", name="Glossary").is_visible()
        screen.locator("header.site-header details.menu > summary").click()
    assert nav.get_by_role("link", name="Clinical trials").is_visible()
    assert nav.get_by_role("link", name="Glossary").is_visible()
    assert not serious_violations(screen)


ANSWER_FORMS = [
    ("/ask", ("Your question", "What is a Whipple?"), "Ask", "What the summary says"),
    (
        "/symptoms",
        ("What do you notice?", "watery diarrhea for weeks"),
        "Explain",
        "What Islet found",
    ),
]


def shown_without_error(tab: Page, base_url: str, heading: Locator) -> None:
    """The page in the tab is Islet's (not Chromium's error page) and shows ``heading``."""
    assert tab.url.startswith(base_url), tab.url  # an error page is chrome-error://...
    assert "ERR_CACHE_MISS" not in tab.content()
    assert heading.is_visible()


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("size", ["phone", "laptop"])
@pytest.mark.parametrize(("path", "fill", "button", "says"), ANSWER_FORMS)
def test_back_and_forward_after_an_answer_never_show_an_error(
    browser: Browser,
    base_url: str,
    size: str,
    javascript: bool,
    path: str,
    fill: tuple[str, str],
    button: str,
    says: str,
) -> None:
    tab = new_tab(browser, size, javascript)
    try:
        tab.goto(base_url + "/")
        tab.goto(base_url + path)
        tab.get_by_label(fill[0]).fill(fill[1])
        with tab.expect_navigation():
            tab.get_by_role("button", name=button, exact=True).click()
        answer = tab.get_by_role("heading", name=says)
        form = tab.get_by_label(fill[0])
        shown_without_error(tab, base_url, answer)
        # The answer is scrolled into view: its heading is inside the screen.
        box = answer.bounding_box()
        assert box is not None and -1 <= box["y"] < (tab.viewport_size or PHONE)["height"]
        if not javascript:

            def answer_again(checked: Page) -> None:
                checked.get_by_label(fill[0]).fill(fill[1])
                with checked.expect_navigation():
                    checked.get_by_role("button", name=button, exact=True).click()

            assert not serious_violations(tab, answer_again)

        # Back from the answer: the empty form again; Forward: the answer again.
        tab.go_back()
        assert tab.url == base_url + path
        shown_without_error(tab, base_url, form)
        tab.go_forward()
        shown_without_error(tab, base_url, answer)
        # Leave the answer by a link, then Back: the answer, not "Confirm Form Resubmission".
        with tab.expect_navigation():
            tab.locator("header a.brand").click()
        tab.go_back()
        shown_without_error(tab, base_url, answer)
        # Back to the start page and Forward twice to the answer.
        tab.go_back()
        tab.go_back()
        assert tab.url == base_url + "/"
        tab.go_forward()
        shown_without_error(tab, base_url, form)
        tab.go_forward()
        shown_without_error(tab, base_url, answer)
    finally:
        tab.context.close()


def test_the_glossary_search_shows_the_term_not_the_whole_glossary(
    screen: Page, base_url: str
) -> None:
    screen.goto(base_url + "/glossary")
    everything = screen.locator("dl.glossary dt").count()
    whole_height: int = screen.evaluate("document.documentElement.scrollHeight")
    # The address alone, as a link or a bookmark would open it.
    screen.goto(base_url + "/glossary?q=enucleation")
    found = screen.locator("dl.glossary dt")
    assert 1 <= found.count() < everything / 10
    assert found.first.inner_text().lower().startswith("enucleation")
    assert found.first.is_visible()
    assert screen.evaluate("document.documentElement.scrollHeight") < whole_height / 5
    screen.goto(base_url + "/glossary")
    screen.get_by_label("Find a word").fill("enucleation")
    with screen.expect_navigation():
        screen.get_by_role("button", name="Find", exact=True).click()
    terms = screen.locator("dl.glossary dt")
    assert "q=enucleation" in screen.url
    assert 1 <= terms.count() < everything / 10
    assert terms.first.inner_text().lower().startswith("enucleation")
    # The A–Z index leads to the words of one letter.
    with screen.expect_navigation():  # count the words only once the letter's page has loaded
        screen.get_by_role("navigation", name="Glossary A to Z").get_by_role(
            "link", name="V", exact=True
        ).click()
    assert "letter=V" in screen.url
    assert terms.count() and all(t.lower().startswith("v") for t in terms.all_inner_texts())
    assert not serious_violations(screen)


def answer_with_the_symptom(checked: Page) -> None:
    checked.get_by_label("What do you notice?").fill("watery diarrhea for weeks")
    with checked.expect_navigation():
        checked.get_by_role("button", name="Explain", exact=True).click()


def test_symptoms_show_matched_lists_first_and_fold_the_others(screen: Page, base_url: str) -> None:
    screen.goto(base_url + "/symptoms")
    screen.get_by_label("What do you notice?").fill("watery diarrhea for weeks")
    with screen.expect_navigation():
        screen.get_by_role("button", name="Explain", exact=True).click()
    shown = screen.locator("section.answer > article.pattern-result h3")
    assert "VIP" in " ".join(shown.all_inner_texts())
    folded = screen.locator("section.answer details.other-patterns")
    assert folded.count() == 1 and folded.get_attribute("open") is None
    assert not folded.locator("article").first.is_visible()
    assert not serious_violations(screen, answer_with_the_symptom)


def test_the_trial_page_without_records_or_network_points_to_a_search(
    screen: Page, base_url: str
) -> None:
    screen.goto(base_url + "/trials?type=insulinoma&status=recruiting")
    text = screen.locator("main").inner_text()
    assert "islet trials" not in text and screen.locator("main code").count() == 0
    assert screen.get_by_role("link", name="NCI's clinical trials search").is_visible()
    link = screen.get_by_role("link", name="Search ClinicalTrials.gov with your filters")
    assert "cond=Insulinoma" in (link.get_attribute("href") or "")
    assert not serious_violations(screen)


def test_the_empty_guide_results_fit_a_phone(screen: Page, base_url: str) -> None:
    """With nothing answered the open options are one line, not a wall of cards: under
    15,000 px on a phone, with the line that says how many and which answers settle most."""
    screen.goto(base_url + "/guide/options")
    assert screen.locator("h1").inner_text() == "Treatment options PDQ lists for this situation"
    height: int = screen.evaluate("document.documentElement.scrollHeight")
    if (screen.viewport_size or PHONE)["width"] == PHONE["width"]:
        assert height < 15_000, f"{height} px"
    summary = screen.locator("section.group-depends > details > summary")
    assert summary.is_visible()
    assert re.search(r"Show the \d+ options", summary.inner_text())
    assert screen.locator("section.group-depends").get_by_text("would settle most").is_visible()
    assert not screen.locator("section.group-depends article.option").first.is_visible()
    assert not serious_violations(screen)


@pytest.mark.parametrize(
    ("path", "block"),
    [
        ("/guide/options?tumor_type=gastrinoma&spread=liver", "section.outlook"),
        ("/guide/options?tumor_type=insulinoma&sites=tail", "section.outlook"),
        ("/guide/sheet?tumor_type=gastrinoma&spread=liver", "p.sheet-outlook"),
        ("/guide/sheet?tumor_type=insulinoma&sites=tail", "p.sheet-outlook"),
        ("/guide/options", "section.outlook"),
    ],
)
def test_results_and_sheet_show_the_outlook_with_its_source(
    screen: Page, base_url: str, path: str, block: str
) -> None:
    screen.goto(base_url + path)
    assert screen.get_by_role("heading", name="What affects the outlook").is_visible()
    outlook = screen.locator(block)
    assert outlook.count() == 1 and outlook.is_visible()
    said = outlook.inner_text()
    assert "can often be cured" in said
    assert "Source: PDQ patient version" in said and "Certain factors affect prognosis" in said
    assert not serious_violations(screen)


def test_the_professional_results_add_the_professional_outlook(screen: Page, base_url: str) -> None:
    screen.goto(base_url + "/guide/options?tumor_type=gastrinoma&audience=professional")
    outlook = screen.locator("section.outlook")
    assert outlook.get_by_role("heading", name="From the health professional version").is_visible()
    assert outlook.inner_text().count("Source: PDQ") == 2
