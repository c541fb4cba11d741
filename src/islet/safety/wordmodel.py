"""A second reader for the safety triage: a linear model over words, word pairs and the
character n-grams of words.

The patterns in ``knowledge/safety/triage.yaml`` name the wordings someone has seen; people in
distress find endless others ("ctrl alt delete me", "I'd like to just not exist"). This model,
trained only on the tuned (dev) split of the blind probes by ``scripts/train_safety_model.py``,
scores the levels from the words a text uses, and from pieces of them (3 to 5 letters), so a
slip or a new inflection of a word it knows still counts. Wording no pattern lists can raise a
level the model has a threshold for (emergency only where the patterns read a plain report of
now: see ``modelguard._unlike``). It only ever raises a level, never lowers what the patterns
found. One model per language; the weights are data (``knowledge/safety/word-model.json``,
``word-model-es.json``), checked on load like the rest of the knowledge.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterator, Sequence
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
    # character n-grams of the content words, shortest and longest ("#sui", "#icid"), so a
    # slip or a new inflection of a word the model knows still counts; none when empty
    grams: list[int] = Field(default_factory=list, max_length=2)
    gram_weight: float = 1.0  # the grams' share of a text's features, against words and pairs

    @model_validator(mode="after")
    def _shapes(self) -> WordModel:
        width = len(self.levels)
        if len(self.bias) != width or any(len(w) != width for w in self.weights.values()):
            raise ValueError("every weight row and the bias need one number per level")
        if not set(self.thresholds) <= set(self.levels) - {"none"}:
            raise ValueError("thresholds name levels of the model other than none")
        if set(self.labels) != set(self.thresholds):
            raise ValueError("every level the model may raise needs a label")
        if self.grams and not (len(self.grams) == 2 and 1 <= self.grams[0] <= self.grams[1]):
            raise ValueError("grams are the shortest and the longest length, shortest first")
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
    plain = [f"not_{word}" if negated else word for word, negated in _in_clause(words)]

    def function_word(feature: str) -> bool:
        return feature.removeprefix("not_") in ignored

    pairs = {f"{a} {b}" for a, b in pairwise(plain) if not (function_word(a) and function_word(b))}
    return {w for w in plain if not function_word(w)} | pairs


def grams(
    words: Sequence[str], shortest: int, longest: int, ignored: frozenset[str] = frozenset()
) -> set[str]:
    """The character n-grams of a text's content words, the word's ends marked ("<sui",
    "ide>"), each ``#``-prefixed, and ``!#`` after a negation in the same clause as in
    :func:`features`. Function words and numbers give none."""
    found: set[str] = set()
    for word, negated in _in_clause(words):
        if word not in ignored and not word.isdigit():
            marked, mark = f"<{word}>", "!#" if negated else "#"
            for size in range(shortest, longest + 1):
                found.update(mark + marked[i : i + size] for i in range(len(marked) - size + 1))
    return found


def _in_clause(words: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Each word that is not punctuation, and whether a negation came before it in its clause."""
    negated = False
    for word in words:
        if word in SCOPE_ENDS:
            negated = False
        if not word[:1].isalnum():
            continue
        yield word, negated
        negated = negated or word in NEGATIONS


def probabilities(model: WordModel, words: Sequence[str]) -> dict[Level, float]:
    """The model's probability of each level for a text's normalised words. Words and pairs
    have unit length together, and so do the character grams, weighed by ``gram_weight``."""
    ignored = frozenset(model.ignored)
    scores = list(model.bias)
    blocks = [(features(words, ignored), 1.0)]
    if model.grams:
        blocks.append((grams(words, model.grams[0], model.grams[1], ignored), model.gram_weight))
    for found, weight_of_block in blocks:
        # no words (only punctuation): no score
        scale = weight_of_block / math.sqrt(len(found)) if found else 0.0
        for feature in found:
            row = model.weights.get(feature)
            if row is not None:
                for i, weight in enumerate(row):
                    scores[i] += weight * scale
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {level: e / total for level, e in zip(model.levels, exps, strict=True)}


def raised(model: WordModel, words: Sequence[str], unlike: Collection[Level] = ()) -> Level | None:
    """The most urgent level whose probability reaches its threshold, if any, leaving out the
    levels ``unlike`` (those the text's words are known to say otherwise for)."""
    chances = probabilities(model, words)
    for level in LEVELS:
        needed = model.thresholds.get(level)
        if needed is not None and level not in unlike and chances[level] >= needed:
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
