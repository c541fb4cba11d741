"""Save screenshots of Islet's key pages to docs/screenshots/ (run: make screenshots).

Names on the command line make only those shots: ``python scripts/screenshots.py home-es``.

Starts the app on a free loopback port and drives Debian's Chromium through Playwright.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.browser.harness, shared with the browser tests

from tests.browser.harness import launch, running_server  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 1000}
PHONE = {"width": 390, "height": 844}


def describe_symptoms(page: Page) -> None:
    page.get_by_label("What do you notice?").fill(
        "I get shaky and sweaty before meals, and confused"
    )
    page.get_by_role("button", name="Explain").click()


def ask_a_question(page: Page) -> None:
    page.get_by_label("Your question").fill("What is enucleation?")
    page.get_by_role("button", name="Ask", exact=True).click()


def ask_a_question_in_spanish(page: Page) -> None:
    page.get_by_label("Su pregunta").fill("¿Qué es la enucleación?")
    page.get_by_role("button", name="Preguntar", exact=True).click()


def open_a_term(page: Page) -> None:
    page.locator("details.term > summary").first.focus()
    page.keyboard.press("Enter")
    page.locator("details.term[open]").first.scroll_into_view_if_needed()


SHOTS: list[tuple[str, str, dict[str, int], Callable[[Page], None] | None]] = [
    ("home", "/", DESKTOP, None),
    ("home-phone", "/", PHONE, None),
    ("summary-patient", "/summary", DESKTOP, None),
    ("summary-professional", "/summary?audience=professional#hp-ajcc-staging", DESKTOP, None),
    ("glossary-term-open", "/types/insulinoma", DESKTOP, open_a_term),
    ("guide-step", "/guide?tumor_type=insulinoma&asked=tumor_type", DESKTOP, None),
    (
        "guide-results",
        "/guide/options?tumor_type=insulinoma&tumor_count=single&sites=tail&size=small&course=new",
        DESKTOP,
        None,
    ),
    ("guide-results-phone", "/guide/options?tumor_type=gastrinoma&sites=head", PHONE, None),
    (
        "appointment-sheet",
        "/guide/sheet?tumor_type=gastrinoma&tumor_count=single&sites=head",
        DESKTOP,
        None,
    ),
    ("symptoms", "/symptoms", DESKTOP, describe_symptoms),
    ("ask-phone", "/ask", PHONE, ask_a_question),
    ("glossary-search-phone", "/glossary?q=enucleation#glossary-results", PHONE, None),
    ("treatment-enucleation", "/treatments/enucleation", DESKTOP, None),
    # Trial pages: "sample" reads the constructed test records; "fresh" is a new install with no
    # records and no network, as a family would meet it offline.
    (
        "trials-results",
        "/trials?type=gastrinoma&near=55905&radius=500#results-title",
        DESKTOP,
        None,
    ),
    ("trials-fresh-install-offline", "/trials?type=insulinoma&status=recruiting", PHONE, None),
    ("tests", "/tests?type=insulinoma", DESKTOP, None),
    (
        "staging",
        "/clinician/stage?mode=findings&size_cm=3&invades=none&nodes=no&mets=liver",
        DESKTOP,
        None,
    ),
    # Islet en español (issue 17)
    ("home-es", "/?lang=es", PHONE, None),
    (
        "guide-results-es",
        "/guide/options?tumor_type=insulinoma&tumor_count=single&sites=tail&lang=es",
        DESKTOP,
        None,
    ),
    ("ask-phone-es", "/ask?lang=es", PHONE, ask_a_question_in_spanish),
]


def trial_stores(folder: Path) -> dict[str, str]:
    """A store of the constructed test records, and the path of a store that does not exist."""
    from tests.trials_helpers import net_store

    return {
        "sample": str(net_store(folder / "sample.sqlite")),
        "fresh": str(folder / "fresh" / "trials.sqlite"),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))  # bound, never listening: the registry "cannot be reached"
    os.environ["ISLET_CTGOV_API"] = f"http://127.0.0.1:{closed.getsockname()[1]}/api/v2"
    folder = Path(tempfile.mkdtemp(prefix="islet-shots-"))
    stores = trial_stores(folder)
    with running_server() as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        chosen = sys.argv[1:]
        unknown = set(chosen) - {name for name, *_ in SHOTS}
        if unknown:
            raise SystemExit(f"no such screenshot: {', '.join(sorted(unknown))}")
        for name, path, viewport, action in SHOTS:
            if chosen and name not in chosen:
                continue
            os.environ["ISLET_TRIALS_DB"] = stores["fresh" if "fresh" in name else "sample"]
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            page.goto(base_url + path)
            if action:
                action(page)
            target = OUT / f"{name}.png"
            page.screenshot(path=str(target))
            print(f"saved {target.relative_to(ROOT)}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
