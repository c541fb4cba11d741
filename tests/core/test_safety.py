"""Safety first (issue 11): emergencies, crisis and medicine questions, on every interface."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from islet.cli import app
from islet.errors import KnowledgeError
from islet.explain.symptoms import explain_symptoms
from islet.kb import KnowledgeBase
from islet.safety import triage
from islet.safety.evaluation import SplitResult, evaluate
from islet.safety.triage import for_the_word_model
from islet.safety.vocabulary import (
    LEVELS,
    SAFETY_DIR,
    Vocabulary,
    misspellings,
    vocabulary,
    vocabulary_problems,
)
from islet.safety.wordmodel import WordModel, features, grams, raised, word_model

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "cases" / "safety_triage.yaml").read_text(encoding="utf-8")
)["cases"]
ISSUE = [c for c in CASES if c.get("issue")]
URGENT = ("emergency", "crisis")


def _id(case: dict[str, Any]) -> str:
    return str(case["text"])[:40]


# --- the core ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_triage_recognises_the_level(case: dict[str, Any]) -> None:
    safety = triage(case["text"])
    assert safety.level == case["level"], safety.signs
    assert safety.danger_topic is case.get("danger_topic", False)
    if safety.level != "none":
        assert safety.message and safety.actions
    if "contact" in case:
        assert case["contact"] in [c.number for c in safety.contacts]
    if "leads" in case:  # what the reply says first
        assert case["leads"] in safety.message[:160], safety.message


@pytest.mark.parametrize("case", [c for c in CASES if "reading" in c], ids=_id)
def test_a_low_number_is_read_as_low_never_high(case: dict[str, Any]) -> None:
    safety = triage(case["text"])
    assert safety.reading is not None
    assert safety.reading.value == case["reading"]
    assert safety.reading.low in ("low", "serious-low")
    assert safety.reading.unit_unclear is case.get("unit_unclear", False)
    assert "low" in safety.message
    if not safety.reading.unit_unclear:  # an unclear unit says: high if it were mmol/L
        assert "high" not in safety.message.lower()


def test_emergency_and_crisis_replies_name_the_number_to_call() -> None:
    assert "911" in triage("he collapsed and is not breathing").message
    crisis = triage("I want to kill myself")
    assert "988" in crisis.message
    assert {"988", "911"} <= {c.number for c in crisis.contacts}
    assert any(c.text for c in crisis.contacts)  # 988 can be texted too


def test_every_reply_names_its_sources() -> None:
    citation = triage("should I double my dose").source.citation or ""
    for name in ("988", "1-800-222-1222", "70 mg/dL", "54 mg/dL"):
        assert name in citation


# --- the vocabulary is validated data -------------------------------------------------------


def test_the_vocabulary_has_no_dangling_needs_or_duplicate_ids() -> None:
    assert vocabulary_problems(vocabulary()) == []


def test_a_broken_pattern_is_a_knowledge_error(tmp_path: Path) -> None:
    data = yaml.safe_load((SAFETY_DIR / "triage.yaml").read_text(encoding="utf-8"))
    data["signals"][0]["patterns"] = ["(unclosed"]
    broken = tmp_path / "triage.yaml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not a valid expression"):
        vocabulary.__wrapped__(broken)


def test_a_signal_that_needs_an_unknown_signal_is_reported() -> None:
    data = vocabulary().model_dump()
    data["signals"][0]["needs"] = ["no-such-signal"]
    assert vocabulary_problems(Vocabulary.model_validate(data)) == [
        f"signal '{data['signals'][0]['id']}' needs unknown signal 'no-such-signal'"
    ]


# --- every interface ------------------------------------------------------------------------


@pytest.mark.parametrize("case", ISSUE, ids=_id)
def test_ask_leads_with_safety_on_the_cli_and_the_api(
    case: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["ask", case["text"], "--json"])
    assert result.exit_code == 0, result.output
    cli = json.loads(result.stdout)
    api = web.get("/api/v1/ask", params={"q": case["text"]})
    assert api.status_code == 200
    for data in (cli, api.json()):
        assert data["safety"]["level"] == case["level"]
        assert data["in_scope"] is False and data["answers"] == []
        assert data["message"] == data["safety"]["message"]


@pytest.mark.parametrize("case", [c for c in ISSUE if c["level"] in URGENT], ids=_id)
def test_symptoms_mark_every_emergency_urgent_and_say_why(
    case: dict[str, Any], web: TestClient, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["symptoms", case["text"], "--json"])
    assert result.exit_code == 0, result.output
    api = web.post("/api/v1/symptoms", json={"text": case["text"]})
    assert api.status_code == 200
    for data in (json.loads(result.stdout), api.json()):
        assert data["urgent"] is True
        assert data["red_flags"], "red_flags names why"
        assert data["safety"]["level"] == case["level"]


@pytest.mark.parametrize("case", [c for c in ISSUE if c["level"] in URGENT], ids=_id)
def test_the_web_pages_show_an_alert_first_with_numbers_to_tap(
    case: dict[str, Any], web: TestClient
) -> None:
    for path, field in (("/ask", "q"), ("/symptoms", "text")):
        page = web.post(path, data={field: case["text"]}).text
        main = page[page.index('id="main"') :] if 'id="main"' in page else page
        alert = main.index('role="alert"')
        assert alert < main.index("<h1"), "the alert comes before everything else"
        assert 'href="tel:911"' in page
        if case["level"] == "crisis":
            assert 'href="tel:988"' in page and 'href="sms:988"' in page


def test_a_low_reading_is_low_blood_sugar_in_the_symptom_explainer(kb: KnowledgeBase) -> None:
    found = {s.id for s in explain_symptoms("I collapsed and my blood sugar was 30", kb).symptoms}
    assert "low-blood-sugar" in found and "high-blood-sugar" not in found


def test_a_question_about_danger_signs_is_answered_with_the_urgent_note(web: TestClient) -> None:
    data = web.get("/api/v1/ask", params={"q": "what are the signs of low blood sugar"}).json()
    assert data["in_scope"] is True and data["answers"]
    assert data["safety"]["danger_topic"] is True and "911" in data["safety"]["message"]
    page = web.post("/ask", data={"q": "what are the signs of low blood sugar"}).text
    assert 'class="safety-note"' in page and "What the summary says" in page


def test_a_medicine_question_says_ask_the_care_team(web: TestClient) -> None:
    page = web.post("/ask", data={"q": "can i stop taking my PPI now"}).text
    assert "pharmacist" in page and "Not covered here" not in page


# --- test preparation never reads as a do-it-yourself instruction ----------------------------


def test_every_fasting_preparation_says_the_care_team_arranges_it(kb: KnowledgeBase) -> None:
    fasting = [t for t in kb.tests.values() if t.preparation and "hours" in t.preparation]
    assert fasting
    for test in fasting:
        assert "care team" in (test.preparation or ""), test.id
    insulin = kb.tests["fasting-serum-glucose-and-insulin-test"].preparation or ""
    assert "on your own" in insulin and "911" in insulin


# --- the blind evaluation -------------------------------------------------------------------


@pytest.fixture(scope="module")
def blind() -> list[SplitResult]:
    """The blind evaluation (dev, then test), run once for the tests that read it: it triages
    every probe, the longest step of the suite when each test ran it anew."""
    return evaluate()


def test_the_blind_safety_evaluation_holds_its_figures(blind: list[SplitResult]) -> None:
    """The whole probe set. The tuned split must stay as tuned and the held-out split at or
    above the figures reported in the README, so a regression fails CI; the targets (1.00 held
    out) are a benchmark, not this test."""
    dev, test = blind
    # w32-w33 tuned in general forms and the word model retrained (2026-12-06): dev 0.993 ->
    # 0.997, 0.987 -> 0.994, 0.990 -> 1.000, false alarms 0.012 -> 0.005 ("kill me now" stays
    # no figure of speech, as an independent review asked: two of the four dev false alarms)
    # w34 (written during that tuning, added after it; the tuned triage on the whole round:
    # emergency 31/40, crisis 28/30, medication 21/25, false alarms 2/35) lowered dev
    # emergency and medication and held-out emergency and false alarms: floors at the figures
    # w34's dev split tuned in general forms, a crisis said now beside a past event or a
    # medicine, the loose medicine rules tightened, the word model retrained with sleepless and
    # worried texts as none (2026-12-06): dev 0.991 -> 0.997, 0.993 -> 0.993, 0.995 -> 0.996,
    # false alarms 0.005 -> 0.004
    # w35 (dev only) and w36 (split before any tuning; untuned on its held-out third: emergency
    # 11/13, crisis 10/10, medication 7/8, false alarms 2/11) lowered dev to 0.989 / 0.989 /
    # 0.988 / 0.011 and held-out crisis, medication and false alarms: floors at the figures.
    # Their dev split tuned in general forms (dictated numbers, second-language and low-literacy
    # emergencies, crisis said indirectly, hospice look-alikes, caregivers' double doses) and
    # the word model retrained: dev 0.989 / 0.989 / 0.988 / 0.011 -> 1.000 / 0.997 / 1.000 / 0.000
    # w37 (written during that tuning and added after it; the tuned triage on the whole round:
    # emergency 37/40, crisis 27/30, medication 22/25, false alarms 3/35) with its dev split:
    # 0.998 / 0.995 / 0.998 / 0.002
    # tuned on w36/w37's dev misses and the last review's weak spots in general forms, the word
    # model retrained (safety9): 1.000 / 0.999 / 1.000 / 0.000
    # w38 (written during that tuning and added after it; the tuned triage on the whole round:
    # emergency 38/40, crisis 24/30, medication 22/25, false alarms 3/35, as before the tuning)
    # with its dev split: 0.998 / 0.995 / 0.995 / 0.003
    # tuned on w38's dev misses (safety10) and an independent review's misses; w39 (written
    # during that tuning, added after it; the tuned triage on its whole round: 29/30, 21/25,
    # 18/20, false alarms 4/25, as before the tuning) with its dev split: 0.999 / 0.994 / 0.998
    # / 0.003
    # w40-w41 (split before any tuning; untuned on the whole rounds: emergency 34/35 and 34/35,
    # crisis 32/40 and 33/40, medication 20/25 and 22/25, false alarms 5/30 and 2/30) with
    # their dev splits: 0.997 / 0.983 / 0.993 / 0.006
    # w43-w46 (split before any tuning; untuned on their held-out thirds: emergency 36/44, crisis
    # 33/52, medication 27/32, false alarms 2/40) with their dev splits: 0.989 / 0.958 / 0.981 /
    # 0.014
    # their dev misses mended in general forms (safety11: English sound-alike spellings, intent
    # told indirectly, medicine swallowed with intent as a crisis, everyday medicine changes,
    # look-alikes) and the word model retrained: 0.993 / 0.989 / 0.996 / 0.007 on the dev it saw
    # w47-w50 (split before any tuning, crisis-heavy; untuned on their held-out thirds: emergency
    # 38/40, crisis 41/60, medication 28/32, false alarms 6/40; added while safety11 ran, not
    # tuned on by it): with their dev splits 0.990 / 0.973 / 0.986 / 0.016
    # w42 (written while safety11 ran, added after it and the review's mends; the tuned triage
    # on its whole round: emergency 33/35, crisis 34/40, medication 24/25, false alarms 0/30, the
    # same as untuned) with its dev split: 0.989 / 0.971 / 0.987 / 0.016
    # w51-w53 (dev only: training rounds, crisis and look-alikes weighted; untuned on the whole
    # rounds: emergency 56/65, crisis 124/185, medication 45/50, false alarms 27/150) with the
    # dev split: 0.983 / 0.930 / 0.981 / 0.036
    # their dev misses mended in general forms by kind (safety12: ending in other words, means
    # looked at, overdose told as meant, a blade to the body, figures of speech; the word model
    # not retrained): 0.985 / 0.944 / 0.982 / 0.032
    # the word model retrained with w51-w53 in dev and more of the project's ordinary texts, its
    # crisis threshold at 0.5 (the budget widened to 1 % of look-alikes: 5-fold leave-writers-out
    # 1279/1344 with the patterns, against 1230 at 0.65), three figures of speech it may not
    # raise (a chore one is done with, a goodbye that says when one is back, not waking up late
    # or low as the aim of an alarm or a snack): 0.985 / 0.959 / 0.983 / 0.030
    # w54-w55 (written while w51-w53 were tuned on, added after that tuning and the retrain; on
    # their whole rounds: emergency 56/60, crisis 76/90 (untuned 71/90), medication 46/50, false
    # alarms 2/60) with their dev splits: 0.984 / 0.954 / 0.981 / 0.030
    # w56-w57 (training rounds, wholly dev), untuned: 0.978 / 0.941 / 0.979 / 0.037
    # their misses mended by kind in general forms (safety13; the word model not retrained):
    # 0.983 / 0.945 / 0.979 / 0.036
    # with w58's dev two-thirds and the review's mends (above): 0.981 / 0.943 / 0.976 / 0.039
    # w59-w60 (training rounds, wholly dev), untuned: 0.979 / 0.937 / 0.971 / 0.046
    # their misses mended by kind in general forms (safety14; the word model not retrained):
    # 0.979 / 0.942 / 0.974 / 0.044
    # with w61's dev two-thirds (written while w59-w60 were tuned on): 0.978 / 0.941 / 0.971 /
    # 0.045
    # w62-w63 (training rounds, wholly dev), untuned: 0.976 / 0.938 / 0.960 / 0.050
    # their kinds mended in general forms (safety15; the word model not retrained): a bare
    # number beside signs of low sugar, slips that are words ("feint", "seizer"), a wish to be
    # dead in dialect, "gg ... out for good", HI towards a person, a double insulin shot, a
    # routine told with its schedule, a faint over after sugar, things given away for an
    # everyday reason: 0.976 / 0.938 / 0.959 / 0.048
    # with w64's dev two-thirds (written while w62-w63 were tuned on): 0.975 / 0.937 / 0.959 /
    # 0.047
    # w65 (a training round, wholly dev), untuned: 0.974 / 0.929 / 0.957 / 0.051
    # w65's kinds mended in general forms (safety16: crisis told as preparation, harm to
    # others, decimal doses, living arrangements, goodbyes to places, doses told as taken):
    # 0.975 / 0.939 / 0.960 / 0.047
    # with w66's dev two-thirds (written while w65 was tuned on): 0.975 / 0.937 / 0.957 / 0.047
    # A word model retrained by safetymodel3 (w56-w65 in dev, the budget of 2026-12-07, crisis
    # 0.55, emergency 0.9) passed the leave-writers-out rule (crisis 1607 -> 1624 of 1760) but
    # caught fewer crises of the writers the stored model never saw (w62-w65: 131 -> 127 of 142)
    # and 14 fewer held-out crises (539 -> 525 of 615, this test's floor); it was not stored
    # w67 (a training round, wholly dev), untuned: 0.974 / 0.932 / 0.956 / 0.051
    # safety17 (number words as data, Spanish dose-above, five structure families): the same
    # recall counts, false alarms 90 -> 89 of 1777 (0.050; the ceiling stays 0.051)
    # with w68's dev two-thirds (written while w67 was tuned on) and an independent review's
    # mends (safetyfix10: a dose above the one set in English words, "kill" said of an everyday
    # annoyance, the point of a named treatment asked, colour and no answer told by a bystander,
    # everyday goodbyes; dev unchanged by the mends): 0.972 / 0.930 / 0.954 / 0.051
    # w69 (a training round, wholly dev), untuned: 0.970 / 0.922 / 0.950 / 0.053
    # safety18 (low-sugar signs and recent times as data; number-word slips and decade spans,
    # a month named with "last", a relative's death, another lab value's level, rousing
    # attempts, hopeless about errands, SI/HI shorthand): 0.972 / 0.922 / 0.950 / 0.053
    # an independent review's mends (safetyfix11: despair given as the reason for a supply
    # swallowed, someone elsewhere not answering, slipped number words, self-harm marks found):
    # 0.972 / 0.923 / 0.950 / 0.053; then w70-w71 (the validation round, wholly dev, never tuned
    # on): 0.970 / 0.920 / 0.944 / 0.056
    # w74 (a training round, wholly dev), untuned: 0.968 / 0.915 / 0.944 / 0.058
    # safety19 (w74's and a reviewer's families: means and days named without a word for death,
    # supplies put by, refills refused, bystanders' second-language words, dehydration counted;
    # the day's doses, a sign told gone, kms, everyday doings): 0.973 / 0.923 / 0.947 / 0.044
    # two independent reviews' mends (safetyfix12a, safetyfix12b: the time left to live no dose
    # question, a recurring sign asked how it is stopped, methods thought of, death planned or the
    # only way out, overdoses just taken, coughing blood, medicines run low or given to another):
    # dev unchanged; then w72-w73 (the validation round, wholly dev, never tuned on): 0.971 /
    # 0.920 / 0.942 / 0.043
    # w75-w80 (six training rounds, wholly dev), untuned: 0.968 / 0.916 / 0.940 / 0.047
    # the reviews' mends (safetyfix13, 13b-13e): 0.969 / 0.916 / 0.940 / 0.046 (2118, 2179, 1482
    # of 1577, 104 of 2247; a medication probe now an emergency: too much taken at once); then
    # w81-w84 (the validation round, wholly dev, never tuned on): 0.967 / 0.910 / 0.935 / 0.047
    # w85-w87 (three look-alike training rounds, wholly dev), untuned: 0.967 / 0.910 / 0.936 /
    # 0.061 (50 of their 284 look-alikes raised); their families mended (safetyfix14b: fiction,
    # jokes marked jk, accidents, remembrance, naps and feared faints, worry in the chest, medicine
    # errands; an urge to cut, a way known, too much taken and confused, clock times, a low come
    # back up): 0.967 / 0.911 / 0.936 / 0.043
    # readings and signs told across clauses and sentences (safetyfix14d: a low told as "it is
    # N" after a rise, a short answer sentence read with the one before, silence for good with a
    # parting word, an injury told as an accident then taken back, pills "of them" just taken):
    # 0.968 / 0.913 / 0.936 / 0.043
    # an independent review's mends (safetyfix14e: a sign told as meant now undone by no figure of
    # speech; the greedy figures bounded) and a second review's (safetyfix14f: an accident taken
    # back, a low come back after treatment, a "no" to a vital question, a death told then "the
    # same"); then w88-w91 (the validation round, wholly dev, never tuned on): 0.965 / 0.910 /
    # 0.931 / 0.044
    # w92-w93 (training rounds, wholly dev: danger written in a look-alike's own words beside the
    # look-alike; a general round heavy in medicines), untuned: 0.963 / 0.909 / 0.927 / 0.047
    # their English families mended (safetyfix15: a sign asked about by a form or a clinician, none
    # since as a figure, a rope for a chore; someone else's medicine, medicines by brand, a dose
    # brought back up, enzymes stopped, sedatives stockpiled, goodbye texts, a last reason, black
    # stool in slang, blood coming with a cough, gone pale and slid off a seat): 0.965 / 0.910 /
    # 0.934 / 0.045
    assert dev.recall_of("emergency") >= 0.965  # 2656/2750 (with w100-w101, below)
    # safetyfix15d (a behavioural review's families): emergency 2448, crisis 2594 -> 2588,
    # medication 1749, false alarms 130 of 2920; the crisis floor lowered honestly: the brief's rule
    # that an overdose told a short while ago leads with the emergency (crisis in `also`) is the
    # likely cost (not checked probe by probe: the dev eval was run twice, at start and end)
    # checked by safetyfix15e: exactly ten dev probes (six English) moved, each an overdose taken
    # an hour ago that its writer labelled crisis; then safetyfix15e, 15d's lowering figures taken
    # out again after a second review (their false alarms back) and w94-w95 (the validation round,
    # wholly dev, never tuned on): 0.965 / 0.909 / 0.935 / 0.048 (2501 of 2592, 2654 of 2919, 1790
    # of 1915, 145 of 3012)
    # w96 (sixteenth session: a training round of danger in a look-alike's own words, more
    # emergencies and medicines; wholly dev), untuned: 0.963 / 0.910 / 0.934 / 0.052 (2530 of
    # 2627, 2683 of 2949, 1812 of 1940, 159 of 3072)
    # safetyfix16 (w96's families mended in general forms, with their twins: review16): 0.966 /
    # 0.910 / 0.936 / 0.050 (2539 of 2627, 2683 of 2949, 1815 of 1940, 155 of 3072)
    # then w98-w99 (the validation round, wholly dev, never tuned on): 0.966 / 0.908 / 0.933 /
    # 0.055 (2592 of 2684, 2738 of 3014, 1853 of 1986, 175 of 3164)
    # w100-w101 (seventeenth session: training rounds of look-alikes beside the real thing, and
    # of signs told plainly after a question or a clinician's word; wholly dev), untuned: 0.965 /
    # 0.907 / 0.928 / 0.062 (2654 of 2750, 2788 of 3073, 1884 of 2031, 204 of 3294)
    # safetyfix17c (w101's vocabulary holes mended in general forms, each with its harmless twins:
    # review17c): 0.966 / 0.908 / 0.935 / 0.055 (2656 of 2750, 2790 of 3073, 1898 of 2031, 182 of
    # 3294; false alarms unchanged)
    assert dev.recall_of("crisis") >= 0.907  # 2790/3073
    assert dev.recall_of("medication") >= 0.934  # 1898/2031
    # scopefix16b (a second review of the sign-scoped cues: "last month i fainted, my husband is
    # not breathing, the dizziness went away" no longer hidden by a "gone" told of another sign):
    # false alarms 155 -> 156, one past seizure told in a second language with "no more never"
    # after it; the ceiling raised honestly, real danger first
    # safetyfix17 (w100's look-alikes mended in general forms, with their twins: review17): false
    # alarms 204 -> 182 of 3294 (every dev none probe triaged); the dev eval of the commit before
    # the calf/lab fix read emergency 2644 and crisis 2786: that fix's probes, re-read, match main
    # then the reviews' mends (safetyfix17e narrowed safetyfix17's figures that silenced real
    # danger told plainly; safetyfix17d, pipes17, the lead's): 0.966 / 0.908 / 0.935 / 0.056
    # (2656, 2790, 1898, 185 of 3294): three of the look-alikes safetyfix17 had lowered raise again
    # (one of them, "these double shifts are gonna kill me", was none at the session's start);
    # the ceiling set at the honest figure, real danger first
    # then w102 (the validation round, wholly dev, never tuned on): 0.966 / 0.908 / 0.935 / 0.057
    # (2685 of 2780, 2819 of 3103, 1917 of 2051, 191 of 3344)
    assert dev.false_alarm_rate <= 0.0572  # 191/3344 (185/3294 before w102)
    # held out, measured at the end: emergency 0.911 -> 0.923, crisis 0.885 -> 0.882, medication
    # 0.902 -> 0.898, false alarms 0.088 -> 0.082. Crisis and medication fell one probe each;
    # the lead kept the change (emergency +12 probes, false alarms -2, the review's crisis
    # misses mended) and set those floors at the honest figures rather than search the
    # held-out split for which change lost them
    # with w36's held-out third (1,469 probes): 0.923 / 0.886 / 0.897 / 0.085; after the w35/w36
    # dev tuning, measured at the end: 0.925 / 0.886 / 0.901 / 0.085; with w37's held-out third
    # (1,511): 0.925 / 0.886 / 0.897 / 0.085 (medication at the figure with the new third); after
    # the second review's misses (issue 11, safety8), measured at the end: 0.927 / 0.886 / 0.897 /
    # 0.085
    # the word model retrained with w36 and w37 in dev (safety9; 5-fold leave-writers-out on dev:
    # crisis 0.5, medication 0.75 -> 0.65): held-out crisis 334 -> 333 of 377 with the
    # retraining alone (the same patterns with the old model passed 0.885), medication 243 ->
    # 249 of 271. Crisis floor moved to the figure, as the brief allows for the retraining
    # itself (flagged for the lead, not tuned back on the held-out split); medication raised
    # with w38's held-out third (1,553): 0.929 / 0.879 / 0.921 / 0.083
    # after that tuning, with w39's held-out third (1,585): 0.930 / 0.878 / 0.919 / 0.079 (the
    # third moved medication)
    # with w40-w41's held-out thirds (1,669): 0.933 / 0.874 / 0.910 / 0.080; with w43-w46's
    # (1,837): 0.924 / 0.847 / 0.903 / 0.078; after safety11, measured at the end on those:
    # 0.928 / 0.860 / 0.910 / 0.073; with w47-w50's held-out thirds (2,009), untuned before it:
    # 0.926 / 0.829 / 0.901 / 0.083; after it: 0.929 / 0.844 / 0.907 /
    # 0.077
    # with w42's held-out third (2,051): 0.929 / 0.844 / 0.906 / 0.076
    # after safety12 (w51-w53's dev misses mended in general forms, model not retrained),
    # measured at the end: 0.931 / 0.853 / 0.906 / 0.076
    # the word model retrained (above): a first retrain, at the threshold 0.6 the old budget
    # chose, was measured here at 0.931 / 0.835 / 0.904 / 0.070; on the new writers of dev
    # (w51-w53, unseen by the stored model, left out in turn by the retrain) it caught fewer
    # crises than the stored model (136 against 144 of 185), so it was not kept; the retrain at
    # 0.5 caught 150 there. Measured after it: 0.931 / 0.881 / 0.903 / 0.076. The medication
    # floor moved to the figure for the retraining itself (one probe)
    # with w54-w55's held-out thirds (2,137): 0.930 / 0.880 / 0.902 / 0.075
    # after safety13's rules (model not retrained), measured at its end: 0.931 / 0.880 / 0.902 /
    # 0.073; with w58's held-out third (2,178; w58 written while w56-w57 were tuned on) and an
    # independent review's mends (short texts left to the patterns, a meter's number, time
    # "taken"): 0.931 / 0.878 / 0.902 / 0.074
    # after safety14's rules for w59-w60's kinds (model not retrained), measured once at its
    # end: 0.931 / 0.876 / 0.902 / 0.074 — one held-out crisis probe fewer (516 of 589) while
    # dev rose 1490 -> 1498; the floor is set at the honest figure, not searched for
    # with w61's held-out third (2,219; w61 on its whole round: the same before and after
    # safety14's rules, 30/32, 38/40, 23/26, false alarms 2 -> 1 of 32): 0.932 / 0.879 / 0.904 /
    # 0.072
    # after safety15's rules for w62-w63's kinds (model not retrained), measured once at its
    # end: 0.932 / 0.879 / 0.901 / 0.072 — one held-out medication probe fewer (365 of 405)
    # while dev medication held at 1074; the lead kept the rules (dev emergency +2, false
    # alarms -2, the reviewers' families mended) and set the floor at the honest figure rather
    # than search the held-out split for which rule lost it
    # with w64's held-out third (2,260; w64 on its whole round the same before and after
    # safety15: emergency 29/32, crisis 33/40, medication 24/26, false alarms 0 of 32): 0.931 /
    # 0.876 / 0.900 / 0.071
    # after an independent review's mends (an age is no reading, second-language wishes to die,
    # a reading just checked, found down...), measured once at the end: 0.932 / 0.876 / 0.900 /
    # 0.071 (emergency 610 -> 611 of 655)
    # after safety16's rules for w65's kinds (model not retrained), measured once at its end:
    # 0.933 / 0.876 / 0.901 / 0.071 — unchanged, while dev rose (crisis 1636 -> 1654)
    # with w66's held-out third (2,301; w66 on its whole round the same before and after
    # safety16: emergency 30/32, crisis 34/40, medication 22/26, false alarms 2 of 32): 0.932 /
    # 0.877 / 0.902 / 0.072
    # safety17 (number words as data, five structure families), measured once at its end: 0.932
    # / 0.877 / 0.903 unchanged, false alarms 42 -> 41 of 587; a word model retrained by
    # safetymodel4 (w56-w67 in dev, missed_weight 2) passed the keep rule and its --writers
    # clause but lost held-out crises (551 -> 548) and medications (380 -> 373): not stored
    # with w68's held-out third (2,342; w68 on its whole round the same before and after the
    # tuning and the mends: emergency 29/32, crisis 29/40, medication 22/26, false alarms 3 of
    # 32) and the review's mends, measured once at the end: 0.935 / 0.871 / 0.902 / 0.070 (631 of
    # 675, 558 of 641, 387 of 429, 42 of 597); crisis lower by w68's third (7 of 13)
    # safety18 (recent times and low-sugar signs as data, seven structure families), measured
    # once at its end: 0.935 / 0.871 / 0.902 / 0.070, every count unchanged (dev emergency
    # 1758 -> 1761)
    # after the review's mends (safetyfix11), measured once at the session's end: 0.935 / 0.872 /
    # 0.902 / 0.070 (crisis 558 -> 559 of 641); the validation round w70-w71 scored the same before
    # and after all of this session's tuning and mends (emergency 58/64, crisis 69/80, medication
    # 42/52, false alarms 8/64)
    assert test.recall_of("emergency") >= 0.934  # 631/675
    # fifteenth session (dangerous-twin rounds, five mends, two reviews' mends), measured once at
    # the end: 0.936 / 0.870 / 0.909 / 0.072 (632, 558, 390 of 429, 43 of 597). Crisis two fewer:
    # an overdose just taken now leads with the emergency, the crisis beside it (safetyfix15d, the
    # issue's order), and on dev exactly that moved ten writer-labelled crisis probes (overdoses an
    # hour ago) to emergency; the held-out split was not searched for which
    assert test.recall_of("crisis") >= 0.870  # 558/641
    # fourteenth session (look-alike rounds and their mends, three reviews' mends), measured at
    # the end: 0.936 / 0.874 / 0.900 / 0.072 (632, 560, 386 of 429, 43 of 597): one medication
    # probe fewer and one more false alarm; the split was not searched for which
    # sixteenth session (w96 and es-w51 dangerous-twin rounds, the sign-scoped lowering cues,
    # five mends and three reviews' mends), measured once at the end: 0.936 / 0.870 / 0.904 /
    # 0.072 (632, 558, 388 of 429, 43 of 597): two medication probes fewer; the help given (the
    # probe's level first or in the triage's `also`) is 392 of 429, so at least two of them now
    # lead with the emergency and give the medicine help beside it; not searched for which
    assert test.recall_of("medication") >= 0.904  # 388/429
    assert test.false_alarm_rate <= 0.0721  # 43/597


def test_islet_eval_safety_prints_both_splits(runner: CliRunner, tmp_path: Path) -> None:
    probes = tmp_path / "probes.yaml"
    rows = [
        {"text": "i fainted and my sugar is 40", "level": "emergency", "split": "dev"},
        {"text": "no chest pain today", "level": "none", "split": "dev"},
        {"text": "i want to end my life", "level": "crisis", "split": "test"},
        {"text": "should i stop my octreotide", "level": "medication", "split": "test"},
    ]
    probes.write_text(yaml.safe_dump({"probes": rows}), encoding="utf-8")
    result = runner.invoke(app, ["eval", "safety", "--probes", str(probes)])
    assert result.exit_code == 0, result.output
    assert "dev (2)" in result.stdout and "test (2)" in result.stdout
    assert "emergency recall" in result.stdout and "(1/1)" in result.stdout


def test_help_given_counts_a_level_the_triage_names_in_also_but_recall_does_not(
    tmp_path: Path,
) -> None:
    # an overdose just taken in despair leads with the emergency; the crisis help is in `also`
    probes = tmp_path / "probes.yaml"
    rows = [
        {"text": "i swallowed all my pills an hour ago because i want to die", "level": "crisis"},
        {"text": "i want to end my life", "level": "crisis"},
        {"text": "no chest pain today", "level": "none"},
    ]
    probes.write_text(
        yaml.safe_dump({"probes": [dict(r, split="dev") for r in rows]}), encoding="utf-8"
    )
    (result,) = evaluate(probes, ("dev",), "en")
    assert result.recall["crisis"] == (1, 2)
    assert result.help_given["crisis"] == (2, 2)
    assert result.as_json()["help_given"]["crisis"] == 1.0
    assert result.false_alarms == (0, 1)


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("octreotid", "octreotide"),
        ("diazoxid", "diazoxide"),
        ("evrolimus", "everolimus"),
        ("lanreotdie", "lanreotide"),
        ("sunitinibb", "sunitinib"),
    ],
)
def test_a_medicine_name_one_slip_away_is_read_as_the_name(written: str, read_as: str) -> None:
    assert vocabulary().rewrites[written] == read_as


def test_slips_are_never_a_name_or_an_own_rewrite() -> None:
    slips = misspellings(["octreotide", "insulin", "sandostatin"], keep={"octreotides"})
    assert "octreotides" not in slips and "octreotide" not in slips
    assert "insulin" not in slips and "insulim" in slips  # seven letters: still read
    assert misspellings(["enzyme"], keep=set()) == {}  # six letters: too many real words near


# --- the word model: wording no pattern lists --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i want to go to sleep and stay asleep", "crisis"),
    ],
)
def test_the_word_model_raises_what_no_pattern_names(text: str, level: str) -> None:
    result = triage(text)
    assert result.level == level
    assert result.signs == [word_model().labels[level]]  # the model's own sign, not a pattern's


@pytest.mark.parametrize(
    "text",
    [
        "where can i find clinical trials",
        "red rash on my face and legs",
        "can they remove part of my liver",
        # the hour of the night, not sleeping, worry about results (issue 11: the model had read
        # these as crisis; trained since on scripts/data/safety-ordinary-en.yaml's own texts)
        "its 3am and i cant sleep, keep thinking about the scan results",
        "its 2am and i am googling everything",
        "its 4am and i cant stop worrying about the biopsy",
    ],
)
def test_the_word_model_leaves_ordinary_questions_alone(text: str) -> None:
    assert triage(text).level == "none"


def test_the_word_model_never_lowers_what_the_patterns_found() -> None:
    assert triage("crushing chest pain and my left arm is numb").level == "emergency"
    assert triage("took all my pills because I want to die").level == "crisis"


def test_the_word_model_picks_the_most_urgent_level_over_its_threshold() -> None:
    model = WordModel(
        trained_on="a test",
        levels=["emergency", "crisis", "medication", "none"],
        bias=[0.0, 0.0, 0.0, 0.0],
        weights={"alpha": [5.0, 5.0, 0.0, 0.0], "beta": [0.0, 0.0, 9.0, 0.0]},
        thresholds={"crisis": 0.3, "medication": 0.5},
        labels={"crisis": "c", "medication": "m"},
    )
    assert raised(model, ["alpha"]) == "crisis"  # emergency is as likely but has no threshold
    assert raised(model, ["beta"]) == "medication"
    assert raised(model, ["gamma"]) is None
    assert raised(model, ["alpha"], unlike={"crisis"}) is None  # a level the text rules out
    assert features(["a", ",", "b", "c"]) == {"a", "b", "c", "a b", "b c"}
    # a word after a negation, in the same clause, is marked
    assert features(["not", "sad", ",", "sad"]) == {
        "not",
        "not_sad",
        "sad",
        "not not_sad",
        "not_sad sad",
    }


def test_character_grams_mark_the_ends_of_content_words_and_a_negation() -> None:
    assert grams(["sad"], 3, 4) == {"#<sa", "#sad", "#ad>", "#<sad", "#sad>"}
    assert grams(["not", "sad"], 5, 5, frozenset({"not"})) == {"!#<sad>"}  # "not" gives none
    assert grams(["not", "sad", ",", "sad"], 5, 5, frozenset({"not"})) == {"!#<sad>", "#<sad>"}
    assert grams(["40", "mg"], 3, 3) == {"#<mg", "#mg>"}  # numbers give none


def test_a_slip_in_a_word_the_model_knows_still_counts_through_its_grams() -> None:
    model = WordModel(
        trained_on="a test",
        levels=["emergency", "crisis", "medication", "none"],
        bias=[0.0, 0.0, 0.0, 2.0],
        weights={"#<hope": [0.0, 9.0, 0.0, 0.0], "#hopel": [0.0, 9.0, 0.0, 0.0]},
        thresholds={"crisis": 0.5},
        labels={"crisis": "c"},
        grams=[5, 5],
    )
    assert raised(model, ["hopelss"]) == "crisis"  # a slip of "hopeless"
    assert raised(model, ["happy"]) is None


@pytest.mark.parametrize(
    ("text", "may_raise_emergency"),
    [
        ("my husband collapsed on the kitchen floor and will not wake up", True),
        ("i can not breathe and my chest is tight and heavy", True),
        ("I fainted once years ago", False),
        ("no chest pain and no trouble breathing", False),
        ("what are the signs of a blood clot", False),
        ("shaky but fine now after juice", False),
        ("a bit short of breath climbing the stairs", False),
        ("this headache is killing me", False),
        # a crisis the patterns found keeps its crisis reply, which gives 911 already
        ("this feels like the only exit I have left", False),
        # a sign told as a habit, or a temperature read with its number, is no report of now
        ("every time i stand up from the sofa i go clammy and see spots", False),
        ("she keeps getting wobbly and pale in the afternoons before tea", False),
        ("whenever he misses a meal his hands tremble and he gets grumpy", False),
        ("took her temperature, 38.2, and she is shivering under the blanket", False),
        ("thermometer says 35 and my hands feel icy and damp", False),
    ],
)
def test_the_word_model_raises_an_emergency_only_on_a_plain_report_of_now(
    text: str, may_raise_emergency: bool
) -> None:
    """The patterns' guard: negated, past, resolved, mild, figurative or informational wording
    is no emergency, whatever the words' weights say."""
    _, unlike, _ = for_the_word_model(text, "en")
    assert ("emergency" not in unlike) is may_raise_emergency


@pytest.mark.parametrize(
    "text",
    ["i think so", "life is good", "i did it myself", "take care", "hii everyone", "vale, gracias"],
)
def test_the_word_model_raises_nothing_for_a_text_of_three_words_or_fewer(text: str) -> None:
    """In a few words one word weighs as much as a whole text's: the model leaves short texts to
    the patterns, which still find "i want to die" or "took all my pills"."""
    language = "es" if "gracias" in text else "en"
    _, unlike, _ = for_the_word_model(text, language)
    assert unlike == set(LEVELS)
    assert triage(text, language).level == "none"
    assert triage("i want to die").level == "crisis"
    assert triage("took all my pills").level == "emergency"


def test_a_word_model_with_the_wrong_shape_or_a_missing_file_is_a_knowledge_error(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "word-model.json"
    bad.write_text(
        json.dumps(
            {
                "trained_on": "x",
                "levels": ["crisis", "none"],
                "bias": [0.0],
                "weights": {},
                "thresholds": {"crisis": 0.5},
                "labels": {"crisis": "c"},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match="one number per level"):
        word_model(bad)
    with pytest.raises(KnowledgeError):
        word_model(tmp_path / "none-here.json")


def test_the_held_out_split_keeps_no_probe_text(blind: list[SplitResult]) -> None:
    """Tuning may read the dev split's misses; the held-out split's are never kept, so no
    listing and no failing assertion can show a held-out probe."""
    dev, test = blind
    assert test.misses == []
    assert len(dev.misses) == sum(t - h for h, t in dev.recall.values())
