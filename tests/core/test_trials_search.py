"""Search and show over a store of real, constructed and synthetic records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from islet.errors import UnknownTerm
from islet.trials.eligibility import PersonFacts
from islet.trials.geo import Point, miles_between, parse_place, parse_point
from islet.trials.importer import import_files
from islet.trials.search import (
    TrialQuery,
    normalize_intervention_types,
    normalize_phases,
    normalize_statuses,
    search,
    show,
)
from tests.tables import load_cases
from tests.trials_helpers import REAL, REAL_V2_FILES, SNAPSHOT, net_files, study, write_page

SYNTHETIC = [
    study(
        nct_id="NCT90000001",
        conditions=["Insulinoma"],
        status="RECRUITING",
        phases=["PHASE2"],
        sex="FEMALE",
        min_age="18 Years",
        max_age="65 Years",
        interventions=[("DRUG", "synthetic drug A")],
        locations=[
            ("Site A", 44.02, -92.47, "RECRUITING"),
            ("Site B", 44.50, -92.47, "NOT_YET_RECRUITING"),
            ("Site C", 40.0, -100.0, None),
        ],
    ),
    study(
        nct_id="NCT90000002",
        conditions=["Gastrinoma"],
        status="NOT_YET_RECRUITING",
        phases=["PHASE1", "PHASE2"],
        sex="MALE",
        min_age="6 Months",
        max_age="17 Years",
        interventions=[("PROCEDURE", "synthetic procedure")],
        locations=[("Site D", 44.03, -92.47, None)],
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search")
    path = folder / "trials.sqlite"
    synthetic = write_page(folder / "synthetic.json", SYNTHETIC)
    files = [REAL / f for f in REAL_V2_FILES] + net_files() + [synthetic]
    report = import_files(files, path, snapshot_date=SNAPSHOT)
    assert report.total_in_store == 16
    return path


@pytest.mark.parametrize("case", load_cases("trials_search.yaml"))
def test_search(case: dict[str, Any], db: Path) -> None:
    query = dict(case["query"])
    if "near" in query:
        query["near"] = Point(**query["near"])
    result = search(TrialQuery(**query), db)
    ids = [hit.nct_id for hit in result.hits]
    if "expect" in case:
        assert ids == case["expect"]
    assert set(case.get("includes", [])) <= set(ids)
    assert not set(case.get("excludes", [])) & set(ids)
    assert result.total == case.get("total", len(ids))
    assert result.searched == 16
    assert result.snapshot_date == SNAPSHOT
    hits = {hit.nct_id: hit for hit in result.hits}
    for nct_id, summary in case.get("summaries", {}).items():
        assert hits[nct_id].location_summary == summary
    for nct_id, nearest in case.get("nearest", {}).items():
        site = hits[nct_id].nearest_recruiting_site
        if nearest is None:
            assert site is None
        else:
            assert site is not None
            assert (site.facility, site.distance_miles) == (nearest["facility"], nearest["miles"])


def test_a_hit_says_which_names_matched_and_where_the_record_lives(db: Path) -> None:
    [hit] = search(TrialQuery(condition="endocrine tumour"), db).hits
    assert hit.nct_id == "NCT00353496"
    assert hit.matched_terms == ["endocrine tumour"]
    assert hit.url == "https://clinicaltrials.gov/study/NCT00353496"
    hits = {h.nct_id: h for h in search(TrialQuery(tumor_type="insulinoma"), db).hits}
    assert hits["NCT90000001"].matched_terms == ["Insulinoma"]
    assert "islet cell tumor" in hits["NCT00428597"].matched_terms
    assert hits["NCT00428597"].ages == "people of any age (the record sets no age limit)"
    assert hits["NCT90000001"].ages == "people aged 18 years to 65 years"


def test_show_lists_sites_nearest_first_and_screens_only_with_facts(db: Path) -> None:
    detail = show("nct00510068", db, near=Point(lat=53.55, lon=-113.47), radius_miles=200)
    assert detail.trial.nct_id == "NCT00510068"
    assert [s.city for s in detail.sites[:2]] == ["Edmonton", "Calgary"]
    assert detail.sites[0].distance_miles == 0.0
    assert detail.location_summary == "7 locations, including 2 near you"
    assert detail.screening is None
    assert show("NCT00510068", db, person=PersonFacts()).screening is None
    screened = show("NCT00510068", db, person=PersonFacts(age=40)).screening
    assert screened is not None and screened.checks[0].outcome == "pass"


@pytest.mark.parametrize(
    ("nct_id", "suggestion"), [("NCT00510069", ["NCT00510068"]), ("hello", []), ("NCT99999999", [])]
)
def test_show_an_unknown_trial(db: Path, nct_id: str, suggestion: list[str]) -> None:
    with pytest.raises(UnknownTerm) as raised:
        show(nct_id, db)
    assert raised.value.suggestions == suggestion


def test_an_unknown_tumor_type_is_an_error(db: Path) -> None:
    with pytest.raises(UnknownTerm, match="Did you mean: gastrinoma"):
        search(TrialQuery(tumor_type="gastrinomma"), db)


@pytest.mark.parametrize(
    ("normalize", "given", "codes"),
    [
        (normalize_statuses, ["recruiting"], ["RECRUITING"]),
        (
            normalize_statuses,
            ["not-yet-recruiting", "Recruiting"],
            ["NOT_YET_RECRUITING", "RECRUITING"],
        ),
        (
            normalize_statuses,
            ["open"],
            ["RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"],
        ),
        (normalize_phases, ["2", "phase 3", "PHASE2"], ["PHASE2", "PHASE3"]),
        (normalize_phases, ["early-1", "na"], ["EARLY_PHASE1", "NA"]),
        (
            normalize_intervention_types,
            ["drug", "dietary supplement"],
            ["DRUG", "DIETARY_SUPPLEMENT"],
        ),
    ],
)
def test_filter_values_are_normalised(normalize: Any, given: list[str], codes: list[str]) -> None:
    assert normalize(given) == codes


@pytest.mark.parametrize(
    ("normalize", "given", "suggests"),
    [
        (normalize_statuses, "recruting", "RECRUITING"),
        (normalize_phases, "5", None),
        (normalize_intervention_types, "drugs", "DRUG"),
    ],
)
def test_unknown_filter_values_are_errors(normalize: Any, given: str, suggests: str | None) -> None:
    with pytest.raises(UnknownTerm) as raised:
        normalize([given])
    if suggests:
        assert raised.value.suggestions[0] == suggests


def test_a_query_with_bad_values_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="unknown trial status 'recruting'"):
        TrialQuery(statuses=["recruting"])
    with pytest.raises(ValidationError):
        TrialQuery(age=-1)
    with pytest.raises(ValidationError):
        TrialQuery(radius_miles=0)


@pytest.mark.parametrize("case", load_cases("trials_distances.yaml"))
def test_distances(case: dict[str, Any]) -> None:
    a = Point(lat=case["a"][0], lon=case["a"][1])
    b = Point(lat=case["b"][0], lon=case["b"][1])
    assert miles_between(a, b) == pytest.approx(case["miles"], abs=0.1)
    assert miles_between(b, a) == pytest.approx(miles_between(a, b))


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("44.02,-92.47", (44.02, -92.47)),
        (" 44.02 , -92.47 ", (44.02, -92.47)),
        ("-90,180", (-90, 180)),
    ],
)
def test_a_place_is_read_as_lat_lon(text: str, point: tuple[float, float]) -> None:
    assert parse_point(text) == Point(lat=point[0], lon=point[1])


@pytest.mark.parametrize("text", ["91,0", "0,181", "44.02", "Rochester", "44.02;-92.47", ""])
def test_a_bad_place_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"LAT,LON|latitude"):
        parse_point(text)


@pytest.mark.parametrize("text", ["55905", "55905-1234", " 55905 "])
def test_a_us_zip_code_is_a_place(text: str) -> None:
    # ZIP 55905 is Rochester, Minnesota, in the offline table of the zipcodes package.
    point = parse_place(text)
    assert miles_between(point, Point(lat=44.02, lon=-92.47)) < 2
    assert parse_place("44.02,-92.47") == Point(lat=44.02, lon=-92.47)


# 09000 is a military (APO) code: the offline table gives it 0,0, which is no place.
@pytest.mark.parametrize("text", ["00000", "1234", "Rochester", "09000"])
def test_an_unknown_zip_code_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"ZIP"):
        parse_place(text)
