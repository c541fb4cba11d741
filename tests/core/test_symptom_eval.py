"""``islet eval symptoms``: the symptom explainer scored on cases, per split (issues 11 and 17).

The scoring runs on a tiny fixture written for these tests (tests/fixtures/symptom-eval.yaml),
never on the blind texts; only the floor test at the end runs the blind sets, and reads nothing
but their aggregate figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from islet.cli import app
from islet.errors import IsletError
from islet.explain.evaluation import evaluate, load_cases
from islet.language import Language

FIXTURE = Path(__file__).parents[1] / "fixtures" / "symptom-eval.yaml"


def test_each_figure_counts_what_it_says() -> None:
    dev, test = evaluate("en", ("dev", "test"), FIXTURE)
    assert (dev.count, test.count) == (4, 2)
    assert dev.counts["recall"] == (4, 5)  # weight-loss is labelled but not in the text
    assert dev.counts["precision"] == (4, 4)
    assert dev.counts["negation"] == (1, 1)  # "no diarrhea" is not reported as present
    assert dev.counts["top1"] == (3, 3) and dev.counts["top3"] == (3, 3)
    assert dev.counts["none_right"] == (1, 1)  # a sprained ankle is none of PDQ's signs
    assert test.counts["recall"] == (3, 3)
    assert test.counts["top1"] == (1, 2)  # yellow eyes is not Cushing syndrome
    assert test.counts["none_right"] == (0, 0) and test.rate("none_right") == 1.0


def test_misses_are_kept_for_the_dev_split_only() -> None:
    dev, test = evaluate("en", ("dev", "test"), FIXTURE)
    assert [(m.missed, m.extra) for m in dev.misses] == [(["weight-loss"], [])]
    assert test.misses == []  # the held-out split has a miss, and it is not kept


def test_one_split_can_be_asked_for() -> None:
    (only,) = evaluate("en", ("test",), FIXTURE)
    assert only.split == "test" and only.count == 2


SPANISH = {
    "cases": [
        {"text": "me pongo tembloroso y sudoroso", "found": ["low-blood-sugar"],
         "first": "insulin-excess", "split": "dev"},
        {"text": "agruras, pero no tengo úlceras", "found": ["acid-reflux"],
         "absent": ["recurring-stomach-ulcers"], "split": "test"},
    ]
}  # fmt: skip


def test_spanish_cases_are_read_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "symptoms-es.yaml"
    path.write_text(yaml.safe_dump(SPANISH, allow_unicode=True), encoding="utf-8")
    dev, test = evaluate("es", ("dev", "test"), path)
    assert dev.counts["recall"] == (1, 1) and dev.counts["top1"] == (1, 1)
    assert test.counts["recall"] == (1, 1) and test.counts["negation"] == (1, 1)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ({"text": "x", "found": ["shaky-hands"], "split": "dev"}, "unknown sign id 'shaky-hands'"),
        ({"text": "x", "found": [], "absent": ["rash"], "split": "dev"}, "unknown sign id 'rash'"),
        ({"text": "x", "found": [], "first": "insulinoma", "split": "dev"}, "unknown pattern id"),
        ({"text": "x", "found": [], "split": "train"}, "split"),
        ({"text": "", "found": [], "split": "dev"}, "text"),
        ({"found": [], "split": "dev"}, "text"),
    ],
)
def test_a_bad_case_is_a_clear_error(tmp_path: Path, case: dict[str, object], message: str) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(yaml.safe_dump({"cases": [case]}), encoding="utf-8")
    with pytest.raises(IsletError, match=message):
        load_cases(path)


def test_the_command_prints_both_splits_and_dev_misses_only(runner: CliRunner) -> None:
    result = runner.invoke(app, ["eval", "symptoms", "--cases", str(FIXTURE), "--misses"])
    assert result.exit_code == 0, result.output
    assert "sign recall" in result.stdout and "test (2)" in result.stdout
    assert "a rash on my legs" in result.stdout  # the dev miss
    assert "yellow eyes" not in result.stdout  # the held-out miss is never printed


def test_the_command_gives_json(runner: CliRunner) -> None:
    args = ["eval", "symptoms", "--cases", str(FIXTURE), "--split", "dev", "--json", "--misses"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["split"] for s in data["splits"]] == ["dev"]
    assert data["splits"][0]["counts"]["recall"] == [4, 5]
    assert [m["missed"] for m in data["misses"]] == [["weight-loss"]]


def test_the_command_without_cases_says_so(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["eval", "symptoms", "--cases", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
    assert "no symptom cases" in result.output and "Traceback" not in result.output


# --- the blind sets: floors under the figures in the README ------------------------------------

# (language, split) -> floor per figure: the tuned split as tuned, the held-out split at or a
# little under its final figures, so that a regression fails CI. Only aggregates are read.
FLOORS: dict[tuple[str, str], dict[str, float]] = {
    # sym-w5 and sym-es-w4 (split before any tuning) lowered the figures they moved; floors at
    # the untuned figures with them, raised after symptoms5 where its figures rose. The English
    # held-out precision (0.919 -> 0.918, 401 of 437) and pattern top-1 (0.966 -> 0.957, one
    # text of 116) fell with it while recall rose (0.831 -> 0.839); the lead kept the change and
    # set those two floors at the honest figures rather than search the held-out split for them.
    # A negated list closed by "nor"/"ni", or by a new statement after plain items (an
    # independent review): English dev recall 459 -> 460 of 489, precision 459 of 492 -> 460 of
    # 494 (the un-negated "dry mouth" of one dev text reads as a sign its writer did not label)
    # sym-w6 and sym-es-w5 (split before any tuning), untuned: floors at those figures where
    # they moved (English held-out precision 458/503, negation 81/86; Spanish held-out
    # negation 43/44, top-3 76/82)
    # symptoms6 (a text of one complaint, how far a negation reaches, everyday forms of signs):
    # floors raised to its final figures, truncated; the English held-out figures did not move
    # sym-w7 and sym-es-w6 (split before any tuning), untuned: floors at those figures where
    # they moved
    # symptoms7 (a question its writer answers, a negated verb before a new one, long words
    # mistyped, a weight as two numbers, a diagnosis just given, a nurse's shorthand): floors
    # raised to its final figures, truncated
    # sym-w8 and sym-es-w7 (split before any tuning), untuned: floors at those figures where
    # they moved
    # symptoms8 (signs several lists share weighed, not naming dehydration, and symptoms shown
    # by the same signs read as one; an answer after a comma; a sign said to be well; a place
    # that puts a name elsewhere; Spanish verb forms; everyday words for thirst, peeing, weight,
    # acting drunk): floors raised to its final figures, truncated. The Spanish held-out
    # negation fell 56/59 -> 55/59 (0.949 -> 0.932) while its recall rose nine texts
    # symptoms9 (look-alike pains made rivals, not implied; "never ending"; "which he never
    # had"; a question asked and answered no; adelgazar/rebajar in any form): floors raised to
    # its final figures, truncated. The Spanish held-out top-3 fell 115/118 -> 114/118 (0.975
    # -> 0.966) while its recall, precision and negation rose; its floor is left at 0.974, not
    # lowered, for the lead to decide, and the held-out split was not searched for the text
    # sym-w10 and sym-es-w9 (split before any tuning), untuned: floors at those figures where
    # they moved
    # symptoms10 (a general symptom told by a more specific one beside it is not listed again:
    # diarrhea within watery diarrhea; going without food denies nothing; a Spanish infinitive
    # as its verb; a heart "going like"; diabetes told as new): floors raised to its final
    # figures, truncated. English dev recall fell 773 -> 770 of 812 (0.952 -> 0.948): one dev
    # writer (sym-w2) labels plain diarrhea beside watery diarrhea in six texts, the other
    # writers never do (precision rose 0.935 -> 0.951, the held-out 0.914 -> 0.930). Its floor is
    # left at 0.951, not lowered, for the lead to decide. The lead kept the change (one writer's
    # double label against every other writer's single one) and set that floor at 0.948
    # symptoms11 (look-alike pains rivals only where the same words name them, a window over
    # other words names no rival, back pain alone is no spreading belly pain; a word of little
    # for peeing; feeling faint and "between meals"): dev recall 770 -> 771 of 812, precision
    # 770/810 -> 771/811; top-3 fell 179 -> 178 of 179 (a tummy pain to the back beside reflux,
    # which its writer put first on the nonfunctional list, now reads as the gastrin list's
    # pain alone); floor at that honest figure. Spanish dev precision 564/609 -> 564/606.
    # Held out, measured by the lead at the session's end: English recall 677 -> 676 of 796
    # (0.851 -> 0.849), precision 0.930; the lead kept the change (the review's three families
    # mended) and set that floor at the honest figure.
    ("en", "dev"): {"recall": 0.949, "precision": 0.950, "negation": 0.979, "top1": 0.994,
                    "top3": 0.994, "none_right": 0.942},
    ("en", "test"): {"recall": 0.849, "precision": 0.929, "negation": 0.985, "top1": 0.971,
                     "top3": 0.988, "none_right": 0.984},
    ("es", "dev"): {"recall": 0.946, "precision": 0.930, "negation": 0.976, "top1": 0.962,
                    "top3": 0.984, "none_right": 0.967},
    # the lead kept the change and set the held-out negation floor at the honest figure rather
    # than search the held-out split for the text
    # sym-w9 and sym-es-w8 (split before any tuning), untuned: floors at those figures where
    # they moved
    # symptoms9 (the three look-alike pains as rivals, a verb of ending after a negation, a
    # question answered with a bare no): Spanish held-out recall, precision and negation rose
    # (457 -> 458 of 518, 0.891 -> 0.907, 67 -> 68 of 72) while pattern top-3 fell one text
    # (115 -> 114 of 118); the lead kept the change and set that floor at the honest figure
    ("es", "test"): {"recall": 0.881, "precision": 0.942, "negation": 0.931, "top1": 0.969,
                     "top3": 0.969, "none_right": 0.983},
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_blind_symptom_evaluation_holds_its_figures(language: Language) -> None:
    """The whole blind set of the language (fast: a few hundred texts)."""
    for result in evaluate(language):
        floors = FLOORS[(language, result.split)]
        below = {m: round(result.rate(m), 3) for m, f in floors.items() if result.rate(m) < f}
        assert not below, f"{language} {result.split}: {below}"
