"""The trial finder in a real Chromium: search near a place, open and screen a study, make a
printable shortlist of two, with axe-core on every page on the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_browser_accessibility import AXE, OPTIONS
from tests.trials_helpers import net_store

pytestmark = pytest.mark.browser

CABINET, RADIANT = "NCT03375320", "NCT00510068"


@pytest.fixture
def trial_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The constructed NET fixtures as the store; the live server reads the same setting."""
    db = net_store(tmp_path / "trials.sqlite")
    monkeypatch.setenv("ISLET_TRIALS_DB", str(db))
    return db


def serious_violations(page: Page) -> list[str]:
    results = AXE.run(page, options=OPTIONS)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} at "
        f"{[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_search_screen_and_shortlist_two_trials(
    page: Page, base_url: str, trial_store: Path
) -> None:
    problems: list[str] = []
    page.goto(base_url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clinical trials").click()
    expect(page.locator("h1")).to_have_text("Find clinical trials for pancreatic NETs")
    problems += serious_violations(page)

    # Search: recruiting or completed studies within 5000 miles of a US ZIP code.
    page.get_by_label("Recruiting", exact=True).check()
    page.get_by_label("Completed", exact=True).check()
    page.get_by_label("US ZIP code, or latitude,longitude").fill("55905")
    page.get_by_label("Within this many miles").fill("5000")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results-title")).to_have_text("2 studies found")
    cabinet = page.locator(f"article#hit-{CABINET}, article[aria-labelledby='hit-{CABINET}']")
    expect(cabinet).to_contain_text("2 locations, including 2 near you")
    expect(cabinet).to_contain_text("Sanford Joe Lueken Cancer Center")
    problems += serious_violations(page)

    # Open a study and screen it; the facts go in the POST body, not the address.
    cabinet.get_by_role("link").first.click()
    expect(page.locator("h1")).to_contain_text("Cabozantinib")
    page.get_by_label("Age in years").fill("54")
    page.get_by_label("Tumor grade").select_option("3")
    page.get_by_label("Treatments you have had for this tumor").fill("octreotide, everolimus")
    page.get_by_role("button", name="Check the criteria").click()
    expect(page.locator(".screening .big")).to_contain_text("met")
    expect(page.locator(".check-group-undetermined h4")).to_contain_text("Undetermined")
    assert page.url == f"{base_url}/trials/{CABINET}/screening#screen-title"
    expect(page.get_by_label("Age in years")).to_have_value("54")
    problems += serious_violations(page)

    # Back to the results (the place is kept), pick two, make the shortlist.
    page.get_by_role("link", name="Search for other studies").click()
    page.get_by_label(f"Add {CABINET} to my shortlist").check()
    page.get_by_label(f"Add {RADIANT} to my shortlist").check()
    page.get_by_role("button", name="Make my shortlist").click()
    expect(page.locator("h1")).to_have_text("My clinical trial shortlist")
    assert f"nct={CABINET}&nct={RADIANT}" in page.url
    items = page.locator("section.shortlist-item")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text(f"https://clinicaltrials.gov/study/{CABINET}")
    expect(page.get_by_role("button", name="Print this list")).to_be_visible()
    problems += serious_violations(page)

    # On paper: only the list, without the site's header and buttons.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this list")).to_be_hidden()
    expect(items.nth(1)).to_be_visible()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "path",
    [
        "/trials?near=55905&radius=5000",
        f"/trials/{CABINET}?near=55905",
        f"/trials/shortlist?nct={CABINET}&nct={RADIANT}",
    ],
)
def test_trial_pages_fit_a_small_screen(
    phone: Page, base_url: str, trial_store: Path, path: str
) -> None:
    phone.goto(base_url + path)
    expect(phone.locator("h1")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
