"""Train the safety triage's word model (issue 11) on the TUNED split of the blind probes only.

    python scripts/train_safety_model.py [--check] [--lang es]

Reads ``eval/safety.yaml`` (English), keeps the ``dev`` probes (the ``test`` split is held out
and never read here) and Ask's tuned questions as ordinary text, turns each into the triage's own
normalised words, and fits a softmax regression over words and word pairs seen in at least two
texts (L2-regularised, full-batch gradient descent: deterministic, NumPy only). Writes
``src/islet/knowledge/safety/word-model.json`` with the thresholds below. ``--check`` prints
the leave-one-writer-out figures on the dev split instead (each writer's texts scored by a model
trained without them): the estimate for wording from a new writer that the thresholds were
chosen on.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from islet.paths import eval_file  # noqa: E402
from islet.safety.languages import reading_for  # noqa: E402
from islet.safety.text import words_of  # noqa: E402
from islet.safety.vocabulary import LEVELS  # noqa: E402
from islet.safety.wordmodel import features  # noqa: E402
from islet.yamlfiles import read_yaml  # noqa: E402

LANGUAGE = "es" if "--lang" in sys.argv and sys.argv[sys.argv.index("--lang") + 1] == "es" else "en"
# Per language: the probes, Ask's tuned (dev) questions as ordinary text, the model file.
PROBES = eval_file("safety-es.yaml" if LANGUAGE == "es" else "safety.yaml")
ASK_TUNED = (
    (eval_file("ask-es-dev.yaml"),)
    if LANGUAGE == "es"
    else (eval_file("ask-blind-dev.yaml"), eval_file("questions.yaml"))
)
OUT = (
    ROOT
    / "src"
    / "islet"
    / "knowledge"
    / "safety"
    / f"word-model{'-es' if LANGUAGE == 'es' else ''}.json"
)
# The levels the model may raise on its own, and the probability each needs (chosen on the
# leave-one-writer-out figures of the dev split, --check).
# Spanish: fewer writers, less to learn from; crisis at 0.5 so that "no quiero morirme, tengo
# miedo" (fear of dying, a spec case) stays none after the fourth writer's dev probes. English
# crisis at 0.5 since function words weigh nothing alone (IGNORED): leave-one-writer-out on dev
# raised no look-alike there (0.45: 1 of 1,217), and no text of the spec cases reaches it.
THRESHOLDS = (
    {"crisis": 0.5, "medication": 0.45} if LANGUAGE == "es" else {"crisis": 0.5, "medication": 0.5}
)
# Not emergency: words alone cannot tell "I am not short of breath" or "I get hypos" (habitual)
# from an emergency now, which the patterns' negation and time rules can.
LABELS = (
    {
        "crisis": "palabras que pueden indicar pensamientos de suicidio o de hacerse daño",
        "medication": "palabras que pueden referirse a cambiar o tomar un medicamento",
    }
    if LANGUAGE == "es"
    else {
        "crisis": "words that may mean thoughts of suicide or self-harm",
        "medication": "words that may be about changing or taking a medicine",
    }
)
# Function words that are no feature alone, nor as a pair of two: trained on crisis probes that
# are mostly first-person and negative ("i dont want to live"), "i" and "not" alone had come to
# weigh as crisis, so "I don't have diarrhea" or "I have a diagnosis" read as one.
FUNCTION_WORDS = {
    "es": (
        "yo me mi mis tu te se le les lo la los las el un una unos unas y o pero que de del a al "
        "en con por para es soy son esta estoy estan fue ser ha he han no ni si muy mas ya como "
        "este esto eso ese hay tengo tiene"
    ),
    "en": (
        "a an the i me my we our you your he him his she her it its they them their and or but "
        "so to of in on at for with from by as is am are was were be been being do does did "
        "have has had having not no this that these those there here if then than just also "
        "very really can will would could should may might must about into up out over get got"
    ),
}
IGNORED = sorted(FUNCTION_WORDS[LANGUAGE].split())
STRENGTH = 10.0  # inverse L2 strength (C)
STEPS = 300
RATE = 5.0
MIN_COUNT = 2
KEEP = 1e-3  # weights smaller than this (all levels) are left out of the file

Matrix = NDArray[np.float64]


def dev_probes() -> list[dict[str, object]]:
    """The dev probes, and as more ``none`` examples the ordinary questions of Ask's tuned sets
    (their writers were told to write no emergency, crisis or medicine question): without them
    the model learns that "can I take ..." or "a red rash" is alarming in itself."""
    probes = read_yaml(PROBES)["probes"]
    chosen = [p for p in probes if p["split"] == "dev"]
    for path in ASK_TUNED:
        questions = read_yaml(path)["questions"]
        chosen += [
            {"text": q["q"], "level": "none", "writer": f"ask-{q.get('writer', path.stem)}"}
            for q in questions
            if q.get("out_of_scope") not in ("dosing", "advice")  # medicine questions among them
        ]
    return chosen


def featurised(texts: list[str]) -> list[set[str]]:
    reading = reading_for(LANGUAGE)
    rewrites, numbers = reading.vocabulary.rewrites, reading.rules.numbers
    return [features(words_of(t, rewrites, numbers), frozenset(IGNORED)) for t in texts]


def fit(rows: list[set[str]], labels: list[int]) -> tuple[list[str], Matrix, Matrix]:
    counts: dict[str, int] = {}
    for row in rows:
        for f in row:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    x = matrix(rows, {f: i for i, f in enumerate(names)})
    y = np.eye(len(LEVELS))[labels]
    w = np.zeros((len(names), len(LEVELS)))
    b = np.zeros(len(LEVELS))
    for _ in range(STEPS):
        p = softmax(x @ w + b)
        w -= RATE * (x.T @ (p - y) / len(x) + w / (STRENGTH * len(x)))
        b -= RATE * (p - y).mean(axis=0)
    return names, w, b


def matrix(rows: list[set[str]], index: dict[str, int]) -> Matrix:
    x = np.zeros((len(rows), len(index)))
    for i, row in enumerate(rows):
        for f in row:
            if f in index:
                x[i, index[f]] = 1.0
        # unit length over ALL the text's features, as islet.safety.wordmodel scores it
        x[i] /= np.sqrt(len(row)) if row else 1.0
    return x


def softmax(z: Matrix) -> Matrix:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def check() -> None:
    """Leave-one-writer-out on the dev split: what each level the model may raise adds, at the
    chosen threshold and at neighbouring ones, and the look-alikes it would raise."""
    probes = dev_probes()
    rows = featurised([str(p["text"]) for p in probes])
    writers = sorted({str(p["writer"]) for p in probes})
    chances: dict[int, NDArray[np.float64]] = {}
    for writer in writers:
        train = [i for i, p in enumerate(probes) if p["writer"] != writer]
        held = [i for i, p in enumerate(probes) if p["writer"] == writer]
        names, w, b = fit(
            [rows[i] for i in train], [LEVELS.index(str(probes[i]["level"])) for i in train]
        )
        index = {f: i for i, f in enumerate(names)}
        for i, p in zip(held, softmax(matrix([rows[i] for i in held], index) @ w + b), strict=True):
            chances[i] = p
        print(writer, end=" ", flush=True)
    print()
    looks = [i for i, p in enumerate(probes) if p["level"] == "none"]
    for level in LEVELS[:-1]:
        column = LEVELS.index(level)
        ours = [
            i for i, p in enumerate(probes) if p["level"] == level or level in p.get("also", [])
        ]  # type: ignore[operator]
        for threshold in (0.3, 0.4, 0.45, 0.5, 0.6, 0.7):
            found = sum(chances[i][column] >= threshold for i in ours)
            alarms = sum(chances[i][column] >= threshold for i in looks)
            print(
                f"{level} >= {threshold}: recognised {found}/{len(ours)}, "
                f"look-alikes raised {alarms}/{len(looks)}"
            )


def main() -> None:
    if "--check" in sys.argv:
        check()
        return
    probes = dev_probes()
    rows = featurised([str(p["text"]) for p in probes])
    names, w, b = fit(rows, [LEVELS.index(str(p["level"])) for p in probes])
    weights = {
        name: [round(float(v), 4) for v in w[i]]
        for i, name in enumerate(names)
        if np.abs(w[i]).max() >= KEEP
    }
    ordinary = sum(1 for p in probes if "split" not in p)
    model = {
        "trained_on": (
            f"{PROBES.relative_to(ROOT)} dev split only ({ordinary} "
            f"ordinary questions of Ask's tuned sets added as none), {len(probes)} texts in all; "
            f"trained {date.today()}"
        ),
        "levels": list(LEVELS),
        "bias": [round(float(v), 4) for v in b],
        "weights": weights,
        "thresholds": THRESHOLDS,
        "labels": LABELS,
        "ignored": IGNORED,
    }
    OUT.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(weights)} features")


if __name__ == "__main__":
    main()
