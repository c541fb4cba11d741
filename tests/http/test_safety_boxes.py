"""Safety first in every box a person types into (issue 11), not only Ask and symptoms.

One table: texts × entry points (the glossary search and look-up, the trial finder's condition,
the screening form's earlier treatments) × interfaces (CLI JSON, CLI text, REST API, web page).
An emergency or a crisis, in English or Spanish, gets its help first, with the same ``safety``
block as Ask's, and the box still does its work; ordinary words get none. In the boxes a
medicine's name is ordinary content ("stopped octreotide last month" is an earlier treatment),
so only emergency, crisis and a possible overdose are shown there (``islet.safety.boxes``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from islet.errors import TrialDataError
from islet.i18n import gettext_for
from islet.language import Language
from islet.safety import help_first, triage
from islet.trials.eligibility import PersonFacts
from islet.trials.query import TrialQuery
from islet.trials.search import search, show

STUDY = "NCT00510068"  # a constructed NET record of the test store
PANEL_TITLES = {
    "emergency": "Urgent: get emergency help now",
    "crisis": "You are not alone: help is here now",
    "medication": "Questions about medicines",
}


@dataclass(frozen=True)
class Typed:
    text: str
    level: str | None  # the help shown first; None: none at all
    lang: Language = "en"


TEXTS = [
    Typed("i took all my pills", "emergency"),
    Typed("my chest hurts and my left arm is numb", "emergency"),
    Typed("i dont want to live anymore", "crisis"),
    Typed("I took too many pills", "medication"),  # a possible overdose: Poison Control first
    Typed("me tomé todas las pastillas", "emergency", "es"),
    Typed("quiero morirme", "crisis", "es"),
    Typed("lanreotide", None),
    Typed("surgery in 2021, then everolimus", None),
    Typed("stopped octreotide last month", None),  # an earlier treatment, not a question
    Typed("cirugía en 2021, luego everolimus", None, "es"),
    Typed("stopped octreotide last month\ni dont want to live anymore", "crisis"),
]


@dataclass(frozen=True)
class Seen:
    """What an interface showed: the ``safety`` block (JSON) or whether the help came first."""

    level: str | None
    first: bool | None = None  # text and pages: the help comes before everything else


def _cli(runner: CliRunner, args: list[str], typed: Typed, as_json: bool) -> Seen:
    result = runner.invoke(app, [*args, "--lang", typed.lang, *(["--json"] if as_json else [])])
    assert result.exit_code in (0, 2), result.output  # 2: no glossary word is called that
    if as_json:
        safety = json.loads(result.stdout).get("safety") if result.stdout.strip() else None
        # an unknown word prints no JSON: its help goes to stderr with the error
        level = safety["level"] if safety else _panel_level(result.stderr)
        return Seen(level)
    level = _panel_level(result.output)
    return Seen(level, first=level is not None)


def _panel_level(output: str) -> str | None:
    """The level of the safety panel that opens ``output`` (None: it opens with no panel)."""
    first = output.strip().splitlines()[0] if output.strip() else ""
    for level, title in PANEL_TITLES.items():
        if any(gettext_for(lang)(title) in first for lang in ("en", "es")):
            return level
    return None


def _page(html: str) -> Seen:
    main = html[html.index('id="main"') :]
    if 'class="safety-alert' not in main:
        return Seen(None)
    alert = main.index('class="safety-alert')
    level = main[alert:].split('"')[1].removeprefix("safety-alert safety-")
    return Seen(level, first=alert < main.index("<h1"))


def _json(body: dict[str, Any]) -> Seen:
    return Seen(body["safety"]["level"] if body.get("safety") else None)


Way = Callable[[TestClient, CliRunner, Typed], Seen]
WAYS: dict[str, Way] = {
    "glossary-cli-json": lambda api, cli, t: _cli(cli, ["glossary", t.text], t, as_json=True),
    "glossary-cli": lambda api, cli, t: _cli(cli, ["glossary", t.text], t, as_json=False),
    "glossary-api": lambda api, cli, t: _json(
        api.get(f"/api/v1/glossary/{quote(t.text, safe='')}", params={"lang": t.lang}).json()
    ),
    "glossary-page": lambda api, cli, t: _page(
        api.get("/glossary", params={"q": t.text, "lang": t.lang}).text
    ),
    "condition-cli-json": lambda api, cli, t: _cli(
        cli, ["trials", "search", "--condition", t.text], t, as_json=True
    ),
    "condition-cli": lambda api, cli, t: _cli(
        cli, ["trials", "search", "--condition", t.text], t, as_json=False
    ),
    "condition-api": lambda api, cli, t: _json(
        api.get("/api/v1/trials", params={"condition": t.text, "lang": t.lang}).json()
    ),
    "prior-cli-json": lambda api, cli, t: _cli(
        cli, ["trials", "show", STUDY, "--prior", t.text], t, True
    ),
    "prior-cli": lambda api, cli, t: _cli(
        cli, ["trials", "show", STUDY, "--prior", t.text], t, False
    ),
    "prior-api": lambda api, cli, t: _json(
        api.post(
            f"/api/v1/trials/{STUDY}/screening",
            params={"lang": t.lang},
            json={"person": {"prior_treatments": [t.text]}},
        ).json()
    ),
    "prior-page": lambda api, cli, t: _page(
        api.post(f"/trials/{STUDY}/screening", params={"lang": t.lang}, data={"prior": t.text}).text
    ),
    # a form the API rejects (an age that is no number): the words typed still get their help
    "prior-api-rejected": lambda api, cli, t: _json(
        api.post(
            f"/api/v1/trials/{STUDY}/screening",
            params={"lang": t.lang},
            json={"person": {"age": "old", "prior_treatments": [t.text]}},
        ).json()
    ),
    "prior-page-rejected": lambda api, cli, t: _page(
        api.post(
            f"/trials/{STUDY}/screening",
            params={"lang": t.lang},
            data={"prior": t.text, "age": "old"},
        ).text
    ),
}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("typed", TEXTS, ids=lambda t: f"{t.lang}:{t.text[:30]}")
def test_every_box_shows_emergency_and_crisis_help_first(
    typed: Typed, way: str, trials_web: TestClient, runner: CliRunner
) -> None:
    seen = WAYS[way](trials_web, runner, typed)
    assert seen.level == typed.level
    if seen.first is not None and typed.level is not None:
        assert seen.first, "the help comes before everything else"


def test_the_box_still_does_its_work_after_the_help(trials_web: TestClient) -> None:
    page = trials_web.get("/glossary", params={"q": "i dont want to live anymore"}).text
    assert page.index('class="safety-alert') < page.index('id="glossary-results"')
    assert "No word in the glossary fits" in page
    screened = trials_web.post(
        f"/api/v1/trials/{STUDY}/screening",
        json={"person": {"age": 54.0, "prior_treatments": ["i dont want to live anymore"]}},
    ).json()
    assert screened["safety"]["level"] == "crisis" and screened["screening"]["checks"]
    searched = trials_web.get("/api/v1/trials", params={"condition": "i took all my pills"}).json()
    assert searched["safety"]["level"] == "emergency" and "hits" in searched


def test_a_filter_refused_before_the_box_was_read_still_shows_its_help(
    trials_web: TestClient,
) -> None:
    refused = trials_web.get("/api/v1/trials", params={"condition": "i want to die", "phase": "x"})
    assert refused.status_code == 422 and refused.json()["safety"]["level"] == "crisis"
    plain = trials_web.get("/api/v1/trials", params={"condition": "insulinoma", "phase": "x"})
    assert plain.status_code == 422 and "safety" not in plain.json()


def test_an_error_after_the_box_was_read_carries_its_help(tmp_path: Path) -> None:
    unreadable = tmp_path / "trials.db"
    unreadable.write_bytes(b"not a trial store" * 64)
    person = PersonFacts(prior_treatments=["i dont want to live anymore"])
    with pytest.raises(TrialDataError) as raised:
        show(STUDY, unreadable, person=person)
    assert raised.value.safety is not None and raised.value.safety.level == "crisis"
    with pytest.raises(TrialDataError) as raised:
        search(TrialQuery(condition="i took all my pills"), unreadable)
    assert raised.value.safety is not None and raised.value.safety.level == "emergency"


def test_a_medicine_in_the_earlier_treatments_box_is_content_not_a_question() -> None:
    # The triage itself reads it as a medicine change; the boxes do not show that reply.
    assert triage("stopped octreotide last month").level == "medication"
    assert help_first("stopped octreotide last month") is None
    listed = help_first("stopped octreotide last month", "i dont want to live anymore")
    assert listed is not None and listed.level == "crisis"


def test_the_safety_block_is_asks_shape_and_published(trials_web: TestClient) -> None:
    ask = trials_web.get("/api/v1/ask", params={"q": "i took all my pills"}).json()["safety"]
    box = trials_web.get("/api/v1/trials", params={"condition": "i took all my pills"}).json()[
        "safety"
    ]
    assert box == ask
    schemas = trials_web.get("/openapi.json").json()["components"]["schemas"]
    for name in ("GlossaryEntry", "TrialSearchResult", "TrialDetail", "Problem"):
        safety = schemas[name]["properties"]["safety"]
        assert {"$ref": "#/components/schemas/Safety"} in safety["anyOf"], name
