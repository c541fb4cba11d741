"""A second reader for the safety triage: a linear model over words and word pairs.

The patterns in ``knowledge/safety/triage.yaml`` name the wordings someone has seen; people in
distress find endless others ("ctrl alt delete me", "I'd like to just not exist"). This model,
trained only on the tuned (dev) split of the blind probes by ``scripts/train_safety_model.py``,
scores the levels from the words a text uses, so wording no pattern lists can still raise a level
the model has a threshold for. It only ever raises a level, never lowers what the patterns
found. One model per language; the weights are data (``knowledge/safety/word-model.json``,
``word-model-es.json``), checked on load like the rest of the knowledge.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from islet.errors import KnowledgeError
from islet.language import Language
from islet.model import Strict
from islet.safety.vocabulary import LEVELS, SAFETY_DIR, Level, compiled_from

MODEL = SAFETY_DIR / "word-model.json"
MODELS: dict[Language, Path] = {"en": MODEL, "es": SAFETY_DIR / "word-model-es.json"}


class WordModel(Strict):
    """Softmax regression over binary word and word-pair features, unit-length per text."""

    trained_on: str  # which probes, how many, when
    levels: list[Level] = Field(min_length=2)
    bias: list[float]
    weights: dict[str, list[float]]  # feature ("word" or "word word") -> one weight per level
    thresholds: dict[Level, float]  # a level the model may raise, and the probability it needs
    labels: dict[Level, str]  # the sign shown when the model raised that level
    # function words that are no feature alone, nor paired with another: "I", "not", "have"
    # weigh nothing by themselves ("I don't have diarrhea" is no crisis); "not_x" and pairs with
    # a content word still carry them
    ignored: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shapes(self) -> WordModel:
        width = len(self.levels)
        if len(self.bias) != width or any(len(w) != width for w in self.weights.values()):
            raise ValueError("every weight row and the bias need one number per level")
        if not set(self.thresholds) <= set(self.levels) - {"none"}:
            raise ValueError("thresholds name levels of the model other than none")
        if set(self.labels) != set(self.thresholds):
            raise ValueError("every level the model may raise needs a label")
        return self


NEGATIONS = frozenset(
    {"not", "no", "never", "nobody", "nothing", "without", "nunca", "nada", "nadie", "sin", "ni"}
)
SCOPE_ENDS = frozenset({",", ".", "!", "?", ";", "\n", "but", "just", "only"})


def features(words: Sequence[str], ignored: frozenset[str] = frozenset()) -> set[str]:
    """Words and neighbouring word pairs, punctuation left out. A word after a negation in the
    same clause is marked ("i am not suicidal" gives "not_suicidal"), so the model can tell
    "not suicidal" from "suicidal" as the patterns' negation rules do. An ``ignored`` word is
    no feature alone, and two of them side by side make no pair."""
    plain: list[str] = []
    negated = False
    for word in words:
        if word in SCOPE_ENDS:
            negated = False
        if not word[:1].isalnum():
            continue
        plain.append(f"not_{word}" if negated else word)
        negated = negated or word in NEGATIONS

    def function_word(feature: str) -> bool:
        return feature.removeprefix("not_") in ignored

    pairs = {f"{a} {b}" for a, b in pairwise(plain) if not (function_word(a) and function_word(b))}
    return {w for w in plain if not function_word(w)} | pairs


def probabilities(model: WordModel, words: Sequence[str]) -> dict[Level, float]:
    """The model's probability of each level for a text's normalised words."""
    found = features(words, frozenset(model.ignored))
    known = [f for f in found if f in model.weights]
    scale = 1 / math.sqrt(len(found)) if found else 0.0  # no words (only punctuation): no score
    scores = list(model.bias)
    for feature in known:
        for i, weight in enumerate(model.weights[feature]):
            scores[i] += weight * scale
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {level: e / total for level, e in zip(model.levels, exps, strict=True)}


def raised(model: WordModel, words: Sequence[str]) -> Level | None:
    """The most urgent level whose probability reaches its threshold, if any."""
    chances = probabilities(model, words)
    for level in LEVELS:
        needed = model.thresholds.get(level)
        if needed is not None and chances[level] >= needed:
            return level
    return None


@cache
def word_model(path: Path = MODEL) -> WordModel:
    """The trained model; raises KnowledgeError when it is missing or invalid."""
    return compiled_from(path, lambda: _validated_model(path), WordModel)


def _validated_model(path: Path) -> WordModel:
    where = f"safety/{path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))  # JSON: a quarter of YAML's time
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise KnowledgeError([f"{where}: cannot be read: {error}"]) from error
    try:
        return WordModel.model_validate(data)
    except ValidationError as error:
        raise KnowledgeError([f"{where}: {e['msg']}" for e in error.errors()]) from error
