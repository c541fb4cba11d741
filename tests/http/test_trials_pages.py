"""The clinical trial pages: search, one study with its screening, the printable shortlist.

Every page runs over a store built from the constructed NET fixtures (tests/fixtures/trials);
what a page shows is checked against the API or the core (``islet.trials.show``), so the web
layer cannot drift from the one function that answers each question.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from markupsafe import escape

from islet.trials import PersonFacts, show
from islet.trials.importer import import_files
from tests.tables import CASES
from tests.trials_helpers import SNAPSHOT, net_store, write_page
from tests.webapp import PAYLOAD, assert_echoed_safely, client, read_page

ESCAPED = str(escape(PAYLOAD))
MARKER = "zq-private-marker-qz"
CABINET, CLARINET, RADIANT = "NCT03375320", "NCT00353496", "NCT00510068"


def cases(section: str) -> list[Any]:
    """The rows of one section of tests/cases/web_trials.yaml, as pytest params."""
    table = yaml.safe_load((CASES / "web_trials.yaml").read_text(encoding="utf-8"))
    return [pytest.param(row, id=row["id"]) for row in table[section]]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = net_store(tmp_path / "trials.sqlite")
    monkeypatch.setenv("ISLET_TRIALS_DB", str(path))
    return path


@pytest.fixture
def web(db: Path) -> TestClient:
    return client()


def hit_ids(html: str) -> list[str]:
    """The NCT numbers of the search results, in the order shown."""
    return re.findall(r'<article class="card trial-hit" aria-labelledby="hit-(NCT\d{8})"', html)


def group(html: str, outcome: str) -> str:
    """The HTML of one outcome group (met / not met / undetermined) of a screening."""
    start = html.index(f'class="check-group check-group-{outcome}"')
    return html[start : html.index("</div>", start)]


def shown(text: str) -> str:
    return str(escape(text))


# --- Search -------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("search"))
def test_search_shows_what_the_api_finds(web: TestClient, case: dict[str, Any]) -> None:
    response = web.get(f"/trials?{case['query']}")
    assert response.status_code == 200, response.text[:500]
    api = web.get("/api/v1/trials", params=case["api"]).json()
    assert hit_ids(response.text) == [hit["nct_id"] for hit in api["hits"]]
    assert hit_ids(response.text) == case["ids"]
    for hit in api["hits"]:
        assert shown(hit["title"]) in response.text
        assert shown(hit["location_summary"].capitalize()) in response.text
    for text in case.get("contains", []):
        assert text in response.text, f"missing {text!r}"


def test_a_result_links_to_its_study_keeping_the_place(web: TestClient) -> None:
    html = web.get("/trials?near=55905&radius=300").text
    assert f'href="/trials/{CABINET}?near=55905&amp;radius=300"' in html
    assert 'name="nct" value="NCT03375320"' in html  # a box to add it to the shortlist
    assert 'action="/trials/shortlist"' in html


def test_without_a_place_there_is_no_nearest_site(web: TestClient) -> None:
    html = web.get("/trials").text
    assert "Give a place in the search to see it." in html
    assert "near you" not in html


def test_chosen_studies_stay_ticked_across_searches(web: TestClient) -> None:
    html = web.get(f"/trials?status=RECRUITING&nct={CLARINET}&nct={CABINET.lower()}").text
    assert f'id="pick-{CABINET}" name="nct" value="{CABINET}" checked' in html
    # CLARINET is not among these results, yet stays on the list, and the search form keeps it.
    assert f'id="kept-{CLARINET}" name="nct" value="{CLARINET}" checked' in html
    assert f'<input type="hidden" name="nct" value="{CLARINET}">' in html


def test_the_search_form_offers_every_filter(web: TestClient) -> None:
    html = web.get("/trials").text
    for name in ("type", "status", "phase", "intervention_type", "age", "sex", "near", "radius"):
        assert f'name="{name}"' in html, name
    assert '<form method="get" action="/trials#results-title"' in html  # results in view
    assert "Only the study team can decide who can join a study." in html


@pytest.mark.parametrize("case", cases("bad"))
def test_bad_input_is_a_calm_page(web: TestClient, case: dict[str, Any]) -> None:
    response = web.request(case["method"], case["path"], data=case.get("data"))
    assert response.status_code == case["status"], response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    for text in case["says"]:
        assert text in response.text, f"missing {text!r}"
    assert "Traceback" not in response.text


# --- One study and its screening ----------------------------------------------------------------


def test_a_study_page_shows_the_record(web: TestClient, db: Path) -> None:
    response = web.get(f"/trials/{RADIANT}?near=53.55,-113.47&radius=100")
    assert response.status_code == 200
    detail = show(RADIANT, db)
    html = response.text
    assert shown(detail.trial.brief_title) in html
    assert "7 locations, including 1 near you" in html
    assert f'href="{detail.url}"' in html
    assert "Edmonton" in html.split('id="sites-title"')[1].split("<li>")[1]  # nearest first
    for line in ("Adult men or women aged 18 years or older", "WHO performance status 0-2"):
        assert line in html
    assert "Only the study team can decide who can join a study." in html
    assert '<form method="post" action="/trials/NCT00510068/screening#screen-title"' in html
    assert 'class="screening"' not in html  # nothing is screened before the person asks


@pytest.mark.parametrize("case", cases("screening"))
def test_screening_shows_what_the_core_finds(
    web: TestClient, db: Path, case: dict[str, Any]
) -> None:
    response = web.post(f"/trials/{case['nct']}/screening", data=case["form"])
    assert response.status_code == 200, response.text[:500]
    html = response.text
    if case["person"] is None:
        assert "Nothing to check yet" in html
        assert 'class="check ' not in html
        return
    result = show(case["nct"], db, person=PersonFacts.model_validate(case["person"])).screening
    assert result is not None
    assert f"{result.met} met · {result.not_met} not met · {result.undetermined} undetermined" in (
        html
    )
    for outcome in ("pass", "fail", "undetermined"):
        checks = [c for c in result.checks if c.outcome == outcome]
        section = group(html, outcome)
        assert section.count('<li class="check') == len(checks), outcome
        for check in checks:
            assert shown(check.message) in section
    for rule, outcome in case["expect"].items():
        outcomes = {c.outcome for c in result.checks if c.rule == rule}
        assert outcomes == {outcome}, rule
    assert shown(result.note) in html


def test_undetermined_stays_undetermined(web: TestClient) -> None:
    """Facts not given are never read as "no": with only an age, the criteria on tumor type,
    grade and Ki-67 stay undetermined, never met or not met."""
    html = web.post(f"/trials/{CLARINET}/screening", data={"age": "50"}).text
    assert group(html, "fail").count('<li class="check') == 0
    met = group(html, "pass")
    assert met.count('<li class="check') == 1
    assert "you gave your age as 50" in met  # CLARINET's record sets no age limit
    undetermined = group(html, "undetermined")
    assert undetermined.count('<li class="check') == 4
    for words in ("you did not give a grade", "you did not give a Ki-67 index", "which type"):
        assert words in undetermined


def test_screening_keeps_the_facts_out_of_addresses_and_logs(
    web: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        response = web.post(
            f"/trials/{CABINET}/screening",
            data={"age": "61", "prior": f"octreotide, {MARKER}", "near": "55905", "radius": "300"},
        )
    assert response.status_code == 200
    assert "location" not in response.headers
    # Kept only by the browser itself, so Back shows it again (no shared cache may store it).
    assert response.headers["cache-control"] == "private, max-age=900"
    page = read_page(response.text)
    assert MARKER in response.text  # shown back in the form, to be changed
    assert not [link for link in page.links if MARKER in link or "61" in link.split("?")[-1]]
    assert 'action="/trials/NCT03375320/screening#screen-title"' in response.text
    assert MARKER not in caplog.text
    # The place came in the body too, and stays in the body of the next screening.
    assert '<input type="hidden" name="near" value="55905">' in response.text
    assert "2 locations, including 1 near you" in response.text


def test_the_screening_address_alone_leads_back_to_the_study(web: TestClient) -> None:
    response = web.get(f"/trials/{RADIANT}/screening?audience=professional")
    assert response.status_code == 303
    assert response.headers["location"] == f"/trials/{RADIANT}?audience=professional"


def test_the_screening_redirect_stays_on_its_path(web: TestClient) -> None:
    response = web.get("/trials/a%3Fb%23c/screening")
    assert response.status_code == 303
    assert response.headers["location"] == "/trials/A%3FB%23C"


def test_the_screening_form_shows_the_answers_again(web: TestClient) -> None:
    data = {"age": "70", "sex": "male", "grade": "2", "men1": "yes", "tumor_type": "insulinoma"}
    html = web.post(f"/trials/{RADIANT}/screening", data=data).text
    assert 'name="age" maxlength="10" autocomplete="off" value="70"' in html
    assert 'id="f-sex-male" name="sex" value="male" checked' in html
    assert '<option value="2" selected>' in html
    assert 'id="f-men1-yes" name="men1" value="yes" checked' in html
    assert '<option value="insulinoma" selected>' in html


# --- Shortlist ----------------------------------------------------------------------------------


def test_the_shortlist_is_made_from_its_address_alone(web: TestClient, db: Path) -> None:
    path = f"/trials/shortlist?nct={CABINET}&nct={RADIANT}&nct={CABINET}&near=55905&radius=300"
    response = web.get(path)
    assert response.status_code == 200
    assert "set-cookie" not in response.headers
    html = response.text
    assert html.count('class="shortlist-item"') == 2  # the repeated number counts once
    for nct_id in (CABINET, RADIANT):
        detail = show(nct_id, db)
        assert shown(detail.trial.brief_title) in html
        assert f">{detail.url}</a>" in html  # spelled out for paper
    assert "2 locations, including 1 near you" in html
    assert "Sanford Joe Lueken Cancer Center" in html
    assert "Only the study team can decide who can join a study." in html
    assert 'href="/static/css/print.css" media="print"' in html
    assert 'href="/static/css/trials.css"' in html
    assert "print-sheet" in html
    assert "data-print" in html
    assert 'href="/trials?nct=NCT03375320&amp;nct=NCT00510068&amp;near=55905&amp;radius=300"' in (
        html
    )
    # A fresh app, sharing nothing with the first, gives the same list.
    again = client().get(path).text
    assert again.count('class="shortlist-item"') == 2


def test_an_empty_shortlist_says_how_to_make_one(web: TestClient) -> None:
    response = web.get("/trials/shortlist")
    assert response.status_code == 200
    assert "No studies chosen yet" in response.text


def test_a_shortlist_names_studies_it_cannot_find(web: TestClient) -> None:
    response = web.get(f"/trials/shortlist?nct={RADIANT}&nct=NCT99999999")
    assert response.status_code == 200
    assert "Not in Islet's saved records: NCT99999999" in response.text
    assert response.text.count('class="shortlist-item"') == 1


def test_a_shortlist_has_a_limit(web: TestClient) -> None:
    picks = "&".join(f"nct=NCT{n:08d}" for n in range(21))
    response = web.get(f"/trials/shortlist?{picks}")
    assert response.status_code == 422
    assert "choose at most 20 studies" in response.text


# --- No store, escaping, structure --------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/trials", 200),
        ("GET", "/trials?type=insulinoma&near=55905", 200),
        ("GET", f"/trials/{RADIANT}", 404),
        ("POST", f"/trials/{RADIANT}/screening", 404),
        ("GET", f"/trials/shortlist?nct={RADIANT}", 404),
    ],
)
def test_without_trials_the_pages_point_to_other_searches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str, path: str, status: int
) -> None:
    store = tmp_path / "none" / "trials.sqlite"
    monkeypatch.setenv("ISLET_TRIALS_DB", str(store))
    response = client().request(method, path, data={"age": "50"} if method == "POST" else None)
    assert response.status_code == status
    assert "NCI's clinical trials search" in response.text
    assert "clinicaltrials.gov/search?" in response.text
    assert "islet trials" not in response.text
    assert not store.exists()
    assert str(tmp_path) not in response.text


def test_an_empty_store_searches_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "trials.sqlite"
    import_files([write_page(tmp_path / "empty.json", [])], store, snapshot_date=SNAPSHOT)
    monkeypatch.setenv("ISLET_TRIALS_DB", str(store))
    response = client().get("/trials")
    assert response.status_code == 200
    assert "could not search ClinicalTrials.gov just now" in response.text


def test_an_unreadable_store_is_a_calm_503(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "trials.sqlite"
    store.write_text("not a database at all " * 100, encoding="utf-8")
    monkeypatch.setenv("ISLET_TRIALS_DB", str(store))
    response = client().get("/trials")
    assert response.status_code == 503
    assert "cannot be read" in response.text
    assert "NCI's clinical trials search" in response.text
    assert str(tmp_path) not in response.text


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("GET", f"/trials?type={PAYLOAD}", None),
        ("GET", f"/trials?age={PAYLOAD}", None),
        ("GET", f"/trials?near={PAYLOAD}", None),
        ("GET", f"/trials?near=55905&radius={PAYLOAD}", None),
        ("GET", f"/trials?status={PAYLOAD}", None),
        ("GET", f"/trials?phase={PAYLOAD}", None),
        ("GET", f"/trials?intervention_type={PAYLOAD}", None),
        ("GET", f"/trials?sex={PAYLOAD}", None),
        ("GET", f"/trials?nct={PAYLOAD}", None),
        ("GET", f"/trials/{PAYLOAD[:20]}", None),
        ("GET", f"/trials/{RADIANT}?near={PAYLOAD}", None),
        ("GET", f"/trials/shortlist?nct={PAYLOAD}", None),
        ("POST", f"/trials/{RADIANT}/screening", {"prior": f"octreotide, {PAYLOAD}"}),
        ("POST", f"/trials/{RADIANT}/screening", {"age": PAYLOAD}),
        ("POST", f"/trials/{RADIANT}/screening", {"ki67": PAYLOAD, "grade": PAYLOAD}),
        ("POST", f"/trials/{RADIANT}/screening", {"tumor_type": PAYLOAD, "men1": PAYLOAD}),
        ("POST", f"/trials/{RADIANT}/screening", {"near": PAYLOAD}),
    ],
)
def test_echoed_text_is_escaped(
    web: TestClient, method: str, path: str, data: dict[str, str] | None
) -> None:
    assert_echoed_safely(web.request(method, path, data=data))


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("GET", f"/trials?age={PAYLOAD}", None),
        ("GET", f"/trials?near={PAYLOAD}", None),
        ("GET", f"/trials?status={PAYLOAD}", None),
        ("GET", f"/trials?type={PAYLOAD}", None),
        ("GET", f"/trials/shortlist?nct={PAYLOAD}", None),
        ("POST", f"/trials/{RADIANT}/screening", {"prior": PAYLOAD}),
        ("POST", f"/trials/{RADIANT}/screening", {"age": PAYLOAD}),
    ],
)
def test_what_was_typed_comes_back_escaped(
    web: TestClient, method: str, path: str, data: dict[str, str] | None
) -> None:
    response = web.request(method, path, data=data)
    assert response.status_code in (200, 422)
    assert ESCAPED in response.text


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("GET", "/trials", None),
        ("GET", "/trials?near=55905&radius=300&nct=NCT00353496", None),
        ("GET", "/trials?age=old&status=x", None),
        ("GET", f"/trials/{CABINET}?near=55905", None),
        (
            "POST",
            f"/trials/{CABINET}/screening",
            {"age": "54", "grade": "3", "prior": "octreotide"},
        ),
        ("POST", f"/trials/{CABINET}/screening", {"grade": "9"}),
        ("GET", f"/trials/shortlist?nct={CABINET}&nct={RADIANT}", None),
        ("GET", "/trials/NCT00510069", None),
    ],
)
def test_trial_pages_are_sound_html_without_inline_code(
    web: TestClient, method: str, path: str, data: dict[str, str] | None
) -> None:
    page = read_page(web.request(method, path, data=data).text)
    assert page.h1 == 1
    assert not page.duplicate_ids, page.duplicate_ids
    assert not page.blocks_in_paragraphs
    assert page.inline_scripts == 0
    assert page.script_sources == ["/static/js/islet.js"]
    assert page.event_handlers == []
    assert page.style_attributes == 0


def test_home_and_navigation_lead_to_the_trials(web: TestClient) -> None:
    home = read_page(web.get("/").text)
    # the wide-screen navigation, the same links behind the phone menu, and the home page list
    assert home.links.count("/trials") == 3
    summary = read_page(web.get("/summary?audience=professional").text)
    assert "/trials?audience=professional" in summary.links


def test_professional_view_is_kept_through_the_forms(web: TestClient) -> None:
    html = web.get("/trials?audience=professional").text
    assert html.count('<input type="hidden" name="audience" value="professional">') == 2
    study = web.get(f"/trials/{RADIANT}?audience=professional").text
    assert 'action="/trials/NCT00510068/screening?audience=professional#screen-title"' in study


def test_links_follow_a_reverse_proxy_prefix(db: Path) -> None:
    html = client(root_path="/islet").get("/trials").text
    assert f'href="/islet/trials/{CABINET}"' in html
    assert 'action="/islet/trials/shortlist"' in html
    assert 'href="/islet/static/css/trials.css"' in html
