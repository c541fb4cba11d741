"""The safety reviews' level tables (issues 11 and 17): every text an independent review or a
look-alike round gave, with the level the triage must read it at, kept as data in
tests/cases/safety_reviews/reviewNN.yaml (one file a review, its families as comments).

The tests of what the replies say (911, 988, Poison Control, the topics) stay beside their review
in tests/core/test_safety_reviewNN.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from islet.language import Language
from islet.safety.triage import triage
from tests.tables import CASES, level_cases

REVIEWS = CASES / "safety_reviews"


@pytest.mark.parametrize(("text", "language", "level"), level_cases(REVIEWS))
def test_each_reviewed_text_is_read_at_its_level(
    text: str, language: Language | None, level: str
) -> None:
    safety = triage(text, language)
    assert safety.level == level, (safety.level, safety.signs, safety.words)


@pytest.mark.parametrize(
    ("row", "fault"),
    [
        ('{text: "my sugar is 40", level: urgent}', "level must be one of"),
        ("{level: crisis}", "text must be a non-empty string"),
        ('{text: "", level: none}', "text must be a non-empty string"),
        ('{text: "hola", level: none, language: fr}', "language must be one of"),
        ('{text: "my sugar is 40", level: emergency, reading: 40}', "unknown key \\['reading'\\]"),
    ],
)
def test_a_malformed_row_is_refused_with_its_fault(tmp_path: Path, row: str, fault: str) -> None:
    good = '  - {text: "my sugar is 40", level: emergency}\n'
    (tmp_path / "review99.yaml").write_text(f"cases:\n{good}  - {row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"review99.yaml: row 1 .*: {fault}"):
        level_cases(tmp_path)


def test_a_well_formed_file_gives_its_rows_with_their_ids(tmp_path: Path) -> None:
    (tmp_path / "review99.yaml").write_text(
        "cases:\n"
        '  - {text: "my sugar is 40", level: emergency}\n'
        '  - {text: "me quiero morir", level: crisis, language: es, id: wish}\n'
        '  - {text: "45 y me siento muy mal", level: emergency, language: auto}\n',
        encoding="utf-8",
    )
    rows = [(p.values, p.id) for p in level_cases(tmp_path)]
    assert rows == [
        (("my sugar is 40", "en", "emergency"), "review99:emergency:en:my sugar is 40"),
        (("me quiero morir", "es", "crisis"), "review99:crisis:es:wish"),
        (
            ("45 y me siento muy mal", None, "emergency"),
            "review99:emergency:auto:45 y me siento muy mal",
        ),
    ]


def test_every_review_file_is_read() -> None:
    """A renamed folder or an emptied file would leave the level test with nothing to check."""
    files = sorted(REVIEWS.glob("*.yaml"))
    rows = level_cases(REVIEWS)
    assert len(files) >= 20
    assert {str(p.id).split(":", 1)[0] for p in rows} == {f.stem for f in files}
