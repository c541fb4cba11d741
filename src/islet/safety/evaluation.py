"""``islet eval safety``: how well the triage recognises what people type, on blind probes.

The probes (``eval/safety.yaml``) were written by people who never saw the triage vocabulary.
Each has one expected ``level`` and, where a second level applies too, ``also``; a probe counts
as recognised when the triage gives its level or one of ``also``. Reported per split (``dev``
was used for tuning, ``test`` is held out): recall per level, and the false-alarm rate — the
share of ``none`` probes that raised any level.

Beside recall, ``help_given`` counts a probe whose level the triage names either first or in
its own ``also`` (an overdose just taken in despair leads with the emergency and gives the
crisis help too): recall scores the first level only, so both figures are shown, never merged.

Spanish probes live in ``eval/safety-es.yaml`` (same format) and are read with the Spanish
vocabulary (``islet eval safety --lang es``), as on an interface where Spanish was chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from islet.errors import IsletError, KnowledgeError
from islet.kb import load_data_file
from islet.language import Language
from islet.model import Strict
from islet.paths import eval_file
from islet.safety.triage import triage
from islet.safety.vocabulary import LEVELS, Level

PROBES = eval_file("safety.yaml")
PROBE_FILES: dict[Language, Path] = {"en": PROBES, "es": eval_file("safety-es.yaml")}
Split = Literal["all", "dev", "test"]
ALERT_LEVELS: tuple[Level, ...] = ("emergency", "crisis", "medication")


class Probe(Strict):
    text: str = Field(min_length=1)
    level: Level
    also: list[Level] = Field(default_factory=list)
    kind: str | None = None
    persona: str | None = None
    writer: str | None = None
    split: Literal["dev", "test"]

    def recognised_by(self, level: Level) -> bool:
        return level == self.level or level in self.also


class ProbeFile(Strict):
    probes: list[Probe] = Field(min_length=1)


@dataclass
class Miss:
    text: str
    expected: Level
    got: Level
    kind: str | None

    @property
    def line(self) -> str:
        """The miss as ``islet eval safety --misses`` lists it."""
        return f"[{self.expected} → {self.got}] {self.text}"


@dataclass
class SplitResult:
    split: str
    count: int
    recall: dict[Level, tuple[int, int]]  # level -> (recognised, probes)
    false_alarms: tuple[int, int]  # (raised, none probes)
    misses: list[Miss] = field(default_factory=list)
    # level -> (probes whose level the triage gave first or in its ``also``, probes)
    help_given: dict[Level, tuple[int, int]] = field(default_factory=dict)

    def recall_of(self, level: Level) -> float:
        return _rate(self.recall[level])

    def help_given_of(self, level: Level) -> float:
        return _rate(self.help_given.get(level, self.recall[level]))

    @property
    def false_alarm_rate(self) -> float:
        raised, total = self.false_alarms
        return raised / total if total else 0.0

    def as_json(self) -> dict[str, Any]:
        """The split's figures as ``islet eval safety --json`` gives them."""
        return {
            "split": self.split,
            "probes": self.count,
            "recall": {level: self.recall_of(level) for level in ALERT_LEVELS},
            "counts": {level: list(counts) for level, counts in self.recall.items()},
            "false_alarm_rate": self.false_alarm_rate,
            "help_given": {level: self.help_given_of(level) for level in ALERT_LEVELS},
        }


def summary_rows(results: Sequence[SplitResult]) -> dict[str, list[str]]:
    """The figures as a report's rows (a cell per split: rate and counts, "0.950 (19/20)")."""
    rows = {
        f"{level} recall": [f"{r.recall_of(level):.3f} ({_of(r.recall[level])})" for r in results]
        for level in ALERT_LEVELS
    }
    rows["false alarms"] = [f"{r.false_alarm_rate:.3f} ({_of(r.false_alarms)})" for r in results]
    for level in ALERT_LEVELS:
        rows[f"{level} help given, first or also"] = [
            f"{r.help_given_of(level):.3f} ({_of(r.help_given.get(level, r.recall[level]))})"
            for r in results
        ]
    return rows


def _rate(counts: tuple[int, int]) -> float:
    hit, total = counts
    return hit / total if total else 1.0


def _of(counts: tuple[int, int]) -> str:
    return f"{counts[0]}/{counts[1]}"


def load_probes(path: Path = PROBES, split: Split = "all") -> list[Probe]:
    """The probes of one split; raises IsletError when the file is missing or invalid."""
    if not path.is_file():
        raise IsletError(f"no safety probes at {path}")
    try:
        probes = load_data_file(path, ProbeFile, path.name).probes
    except KnowledgeError as error:
        raise IsletError(str(error)) from error
    return [p for p in probes if split == "all" or p.split == split]


def score(split: str, probes: Sequence[Probe], language: Language | None = None) -> SplitResult:
    """Run every probe through the triage (in ``language``; by default each probe's own cues
    decide) and count what it recognised. The held-out split keeps no probe text: its misses
    are never listed, nor shown by a failing assertion."""
    recall = {level: [0, 0] for level in LEVELS}
    helped = {level: 0 for level in LEVELS}
    misses: list[Miss] = []
    for probe in probes:
        result = triage(probe.text, language)
        got = result.level
        recall[probe.level][1] += 1
        if probe.recognised_by(got):
            recall[probe.level][0] += 1
            helped[probe.level] += 1
        else:
            helped[probe.level] += probe.level != "none" and probe.level in result.also
            if split != "test":
                misses.append(Miss(probe.text, probe.level, got, probe.kind))
    none_hit, none_total = recall["none"]
    return SplitResult(
        split=split,
        count=len(probes),
        recall={level: (hit, total) for level, (hit, total) in recall.items()},
        false_alarms=(none_total - none_hit, none_total),
        misses=misses,
        help_given={level: (helped[level], recall[level][1]) for level in ALERT_LEVELS},
    )


def evaluate(
    path: Path = PROBES,
    splits: Sequence[Split] = ("dev", "test"),
    language: Language | None = None,
) -> list[SplitResult]:
    """One result per split, in the order asked."""
    return [score(split, load_probes(path, split), language) for split in splits]
