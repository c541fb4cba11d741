"""Train the safety triage's word model (issue 11) on the TUNED split of the blind probes only.

    python scripts/train_safety_model.py [--check] [--lang es] [--folds N]

Reads ``eval/safety.yaml`` (English), keeps the ``dev`` probes (the ``test`` split is held out
and never read here), and as ordinary (``none``) text Ask's tuned questions and the words the
knowledge already holds for symptoms and glossary terms, and the project's own ordinary texts in
``scripts/data/safety-ordinary-en.yaml`` (sleepless nights, worry about results: the hour or not
sleeping is no crisis in itself) and ``safety-ordinary-es.yaml`` (a treatment wished over, no
hospital for something small) (negatives only: a sign the patterns read as a level is
left out; these are trained on, never counted in the figures). Each text becomes the triage's
own normalised words; features are the words and word pairs and the character 3-5-grams of the
content words, seen in at least two texts. A softmax regression (L2-regularised, full-batch
gradient descent over sparse rows: deterministic, NumPy only) is fitted and written to
``src/islet/knowledge/safety/word-model.json``.

``--check`` prints the leave-one-writer-out (LOWO) figures on the dev split instead: each
writer's texts scored by a model trained without them, the patterns' vetoes applied as in the
triage (:func:`islet.safety.triage.for_the_word_model`). That is the estimate for wording from a
new writer; the thresholds are the lowest that keep LOWO false alarms within ``BUDGET``.
``--folds N`` deals the writers into N groups and leaves out one group at a time instead (N fits
rather than one per writer: faster on a busy machine, and a little stricter, as each model
learns from fewer writers).

The rule for keeping a retrained model, fixed before any recipe is tried (2026-12-06): a new
model (new data or a new recipe) replaces the stored one only if, by ``--check --folds 5`` on the
current dev split, the leave-writers-out recall WITH THE PATTERNS of crisis rises and that of
emergency and of medication does not fall, against the current recipe on the same split, at no
more leave-writers-out false alarms (look-alikes and Ask questions) than ``BUDGET`` allows; and
the spec tables (``tests/cases/safety_triage.yaml``, ``tests/core/test_safety*.py``) stay green.
``--writers w56,w57,...`` also prints, for those writers alone, the recipe's leave-writers-out
figures and the stored model's (no retrain), to compare on writers the stored model never saw.
Added 2026-12-07, after the held-out floor caught a retrain that had passed the rule above (crisis
539 -> 525 of 615 held out): on the dev writers the stored model never saw (``--writers``), the
recipe's leave-writers-out crisis recall must not fall below the stored model's either. That
retrain had shown it on dev (w62-w65: 131 -> 127 of 142) and would have been stopped by it.

THE KEEP RULE FROM 2026-12-07 (safetymodel5), fixed before any candidate was measured, replacing
the two above as the deciding test (they stay as dev checks): two retrains in a row passed the
leave-writers-out rule and still lost held-out crises, so the decision is taken on a VALIDATION
set of writers no rule and no model has seen (w70 and w71, 260 probes written blind, in no eval
file, never tuned on; only its totals are ever read). A retrained model replaces the stored one
only if, by ``islet eval safety --probes <validation file> --split dev --json`` with the rules of
main at the branch point: the emergency + crisis + medication hits together rise by at least 3
against the stored model, no level falls by more than 1, the false alarms on the validation
look-alikes do not rise, this script's budget check on Ask questions passes (leave-writers-out,
at the candidate's thresholds), and the spec tables (``tests/cases/safety_triage.yaml``,
``tests/core/test_safety*.py -k "not holds_its_figures"``) stay green. At most four candidates
are measured on the validation set, each once, in a fixed order: (a) the recipe retrained on all
of dev at the stored thresholds, (b) the same at the thresholds the budget picks, (c) and (d) at
most two recipe changes chosen on dev evidence alone, measured only if they do not lose by
``--check --folds 5``; the first that passes is kept (no picking the best of several). The
stored model on the validation set (the baseline, measured by the lead): emergency 58/64, crisis
69/80, medication 42/52, false alarms 8/64.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from islet.paths import eval_file, knowledge_file  # noqa: E402
from islet.safety.triage import for_the_word_model  # noqa: E402
from islet.safety.vocabulary import LEVELS  # noqa: E402
from islet.safety.wordmodel import WordModel, features, grams, probabilities  # noqa: E402
from islet.yamlfiles import read_yaml  # noqa: E402

LANGUAGE = "es" if "--lang" in sys.argv and sys.argv[sys.argv.index("--lang") + 1] == "es" else "en"
SPANISH = LANGUAGE == "es"
FOLDS = int(sys.argv[sys.argv.index("--folds") + 1]) if "--folds" in sys.argv else 0
# Per language: the probes, Ask's tuned (dev) questions as ordinary text, the knowledge files
# whose symptom and glossary words are ordinary text too, the model file.
PROBES = eval_file("safety-es.yaml" if SPANISH else "safety.yaml")
ASK_TUNED = (
    (eval_file("ask-es-dev.yaml"),)
    if SPANISH
    else (eval_file("ask-blind-dev.yaml"), eval_file("questions.yaml"))
)
ORDINARY_WORDS = (
    (knowledge_file("es", "symptoms.yaml"), knowledge_file("es", "glossary.yaml"))
    if SPANISH
    else (
        knowledge_file("symptoms.yaml"),
        *(knowledge_file(f"glossary-{n}.yaml") for n in ("terms", "entities", "treatments")),
    )
)
ORDINARY_KEYS = frozenset({"lay_name", "synonyms", "term", "aliases"})
# The project's own ordinary texts (sleepless nights, worry about results): see the file's header
OWN_ORDINARY = (ROOT / "scripts" / "data" / f"safety-ordinary-{LANGUAGE}.yaml",)
# Texts only trained on, never left out nor counted in the figures
TRAINED_ONLY = frozenset({"kb", "own"})
OUT = ROOT / "src" / "islet" / "knowledge" / "safety" / f"word-model{'-es' if SPANISH else ''}.json"
# The share of LOWO false alarms the model may add, on the dev look-alikes and on Ask's
# questions, once each level (most urgent first) has its threshold: the threshold of a level is
# the lowest of GRID within both. None for emergency; otherwise no more than the words-only model
# had (English medication 1 of 623 look-alikes and 1 of 634 Ask questions; Spanish 1 of 180 and
# 1 of 145: with es-w9 in dev, 2 of 205 Ask questions at medication 0.4 were more than before, 1
# of 205 at 0.45 is not). English crisis had none; with w30 and w31 in dev (held out crisis
# recall 0.83 against the target 1.00, a missed crisis costing more than a false alarm) it may
# add 2 of 703 look-alikes and 1 of 800 Ask questions. A level's budget counts the alarms of the
# levels chosen before it too, so English medication's is crisis's plus its own. With w51-w53 in
# dev (training rounds written to be hard: 150 look-alikes of crisis), 5-fold leave-writers-out
# gave, with the patterns, crisis 1230/1344 at 0.65 (4 look-alikes, 1 Ask question) and 1280/1344
# at 0.5 (12 and 3): fifty crises said in new words against eight look-alikes and two questions
# that get the crisis line too, so English crisis may add 1 % of look-alikes and 0.3 % of Ask's.
# (0.5 raised two look-alikes of the spec table, "done done done with these forms" and a holiday
# goodbye: their families are figures of speech the model may not raise, in triage.yaml; 0.6
# kept them none but caught fewer crises of the new writers w51-w53 than the stored model did.)
NO_ALARM = {"look-alikes": 0.0, "ask": 0.0}
AS_BEFORE = (
    {"look-alikes": 0.006, "ask": 0.007} if SPANISH else {"look-alikes": 0.0017, "ask": 0.0016}
)
# Decided by the lead 2026-12-07, before any figure of the change was seen: a missed crisis costs
# more than a false crisis line, so English crisis may add up to 2 % of look-alikes and 0.5 % of
# Ask's questions (from 1 % and 0.3 %), medication's budget following as before (crisis's plus its
# own); but a looser crisis threshold is taken only while each look-alike alarm it adds buys at
# least WORTH more crises caught (threshold by threshold, from the strictest; the loosening stops
# at the first step that pays less).
CRISIS = AS_BEFORE if SPANISH else {"look-alikes": 0.02, "ask": 0.005}
BUDGET = {
    "emergency": NO_ALARM,
    "crisis": CRISIS,
    "medication": AS_BEFORE if SPANISH else {k: CRISIS[k] + AS_BEFORE[k] for k in AS_BEFORE},
}
# Probes of the level caught (leave-writers-out, with the patterns) each added look-alike alarm
# must buy. Decided by the lead 2026-12-07: the 3-to-1 rule holds for medication too (its
# threshold loosened from the strictest only while each added look-alike alarm buys 3 more
# medication probes caught), not for crisis alone.
WORTH: dict[str, float] = {} if SPANISH else {"crisis": 3.0, "medication": 3.0}
GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
# The lowest threshold a level may have whatever the budget allows: English crisis at 0.45 (the
# budget's choice once the sleepless texts were in, 2026-12-06) added a dev false alarm past the
# floor test's ceiling and raised worry in the night ("lay awake thinking about how to tell the
# kids") as crisis; 0.5 did not (dev crisis recall 739 -> 738 of 743).
# English emergency (2026-12-07, safetymodel3): the model may raise it only at 0.9 or above
# (NO_ALARM budget), where the spec tables stay green; at 0.65 it raised two of them.
# English crisis at 0.55 (2026-12-07, safetymodel3): with 16 more own ordinary texts (worry at
# night, sugar kept at hand, kind words about a nurse) the model fitted on all of dev at 0.5 still
# raised two spec-table texts of those kinds as crisis (0.53, 0.51); 0.55 raised none.
AT_LEAST = {} if SPANISH else {"emergency": 0.9, "crisis": 0.55}
# Not emergency: on the symptom explainer's own wordings ("my sugar keeps dropping and I get shaky
# and sweaty", "I feel confused") it raised one past the guard (modelguard._unlike still guards it).
# Tried again 2026-12-06 (safety13, w56 and w57 in dev) under the NO_ALARM budget, with the
# guard widened (no question mark, no sentence opening with a question word): 5-fold
# leave-writers-out, the patterns with it caught 1440 of 1462 emergencies against 1430, at no
# added false alarm (threshold 0.65), but it raised a crisis of the spec table ("this feels like
# the only exit I have left") to emergency, so it was not kept.
# Retrained 2026-12-06 (safety14, w58-w60 in dev, 28 more own ordinary texts: hunting, thanks,
# goodbyes before a trip or an operation, goodnight, games, wills, grief, screens answered no) and
# not kept: on the writers the stored model never saw (w56-w60), 5-fold leave-writers-out with
# the patterns gave crisis 140/187 (the budget chose 0.6) and 144/187 with crisis_weight 2 (0.7)
# against the stored model's 150/187 (at 0.5; 15 of 242 look-alikes raised against 8 and 10).
# Tried again 2026-12-07 (safetymodel2), emergency raised only where the patterns found neither
# an emergency nor a crisis (modelguard: a crisis they found keeps its reply, which gives 911),
# the plain-report guard as before. 5-fold leave-writers-out on dev (w56-w65 in it), with the
# patterns: emergency 1655 -> 1663 of 1698 at 0.65, look-alikes 18 and Ask 1 raised both ways,
# crisis and medication unchanged (1607/1760, 1098/1167). Not kept: the model retrained on the
# whole dev split raised two spec-table texts to emergency ("checked his temp, 36, he is
# sweating" 0.72 and the symptom explainer's "my sugar keeps dropping and I get shaky and
# sweaty" 0.86). The guard for a crisis the patterns found stays in modelguard.
# Retrained 2026-12-07 (safetymodel2, w56-w65 in dev) under the budget of 2026-12-07 and not
# kept. 5-fold leave-writers-out with the patterns, current recipe (crisis / emergency /
# medication; look-alikes and Ask questions the model raised): old budget (crisis 0.55,
# medication 0.8) 1607/1760, 1655/1698, 1098/1167; 18/1715, 1/1331. New budget: the crisis steps
# from 0.95 gave +19/0, +28/0, +36/1, +34/0, +31/2, +26/4, +34/1, +31/3, +34/6 (0.55), +20/2
# (0.5), +24/11 (0.45: under 3, the loosening stops), so crisis 0.5, and medication's budget
# (crisis's plus its own) allowed 0.5: 1629, 1655, 1129; 32, 5 (with WORTH on medication too it
# would stop at 0.65: 1629, 1655, 1119; 24, 4). But the model fitted on all of dev, at 0.5,
# raised three spec-table texts: "its 3am and i cant sleep, keep thinking about the scan
# results" (crisis 0.53), "I keep glucose tablets in my handbag just in case" (crisis 0.51),
# "the octreotide nurse came late today, she was lovely" (medication 0.59); at crisis 0.55 the
# recipe's crisis is the old budget's 1607, no rise, so by the keeping rule the stored model
# stays. On w62-w65 alone (never seen by the stored model): stored model (0.5 / 0.65) crisis
# 113/142, emergency 124/132, medication 103/123, 5 of 142 look-alikes raised; the recipe's
# 5-fold leave-writers-out at 0.55 / 0.8: 110, 124, 100, 2; at 0.5 / 0.5 with emergency 0.65:
# 115, 125, 109, 6.
# Retrained 2026-12-07 (safetymodel3), passed the rule, NOT STORED (the lead): WORTH on medication
# too (the lead's decision), emergency raised at 0.9 at least (NO_ALARM budget), modelguard's habit
# and temperature rules, 16 more own ordinary texts. 5-fold leave-writers-out with the patterns,
# crisis at 0.5 (the floor then), medication 0.65 (WORTH stopped the loosening at 0.6: +1 caught, +5
# alarms): crisis 1647/1760, emergency 1657/1698, medication 1123/1167; look-alikes 22/1715, Ask
# 4/1331; but fitted on all of dev, crisis at 0.5 still raised the two spec-table texts (0.53, 0.51;
# "thinking", "i keep", "case" weigh as crisis), hence AT_LEAST crisis 0.55, retrained: crisis 0.55,
# medication 0.65, emergency 0.9: 1624/1760, 1657/1698, 1123/1167; look-alikes 20/1715, Ask 1/1331
# (against 1607, 1655, 1098; 18, 1), every spec table green. On w62-w65 alone: stored model (crisis
# 0.5, medication 0.65) 131/142, 126/132, 107/123, 3 of 142 look-alikes raised; this recipe's 5-fold
# leave-writers-out 127, 126, 108, 2. Held out, measured once with it: crisis 539 -> 525 of 615
# (emergency 611 -> 612, medication 372 -> 373, false alarms 41 -> 39 of 577): the held-out floor
# failed, and the stored model was kept. The recipe settings above stay as the starting point for
# the next retrain, which must pass the added --writers clause.
# Retrained 2026-12-07 (safetymodel4, w56-w67 in dev: the six rounds the stored model never saw).
# Two candidates not kept, the third kept. 5-fold leave-writers-out with the patterns (crisis /
# emergency / medication of 1832 / 1755 / 1215; look-alikes of 1777 and Ask questions of 1371 the
# model raised): the recipe
# as it stands (the budget chose crisis 0.55 = AT_LEAST, medication 0.75 as WORTH stopped at 0.7,
# +7 caught for +3 alarms; emergency 0.9) 1677, 1709, 1152; 17, 1. On w56-w67 alone (428 / 353 /
# 307; 468 look-alikes): the stored model (crisis 0.5, medication 0.65) 368, 329, 271; 18; the
# recipe 355, 329, 267; 11: the --writers clause fails. At the stored thresholds (crisis 0.5,
# medication 0.65, emergency 0.9): 1702, 1709, 1163; 25, 3; on w56-w67 366, 329, 273; 16: crisis
# still below the stored model's, so not kept either (and medication 0.65 is past WORTH's stop).
# Why the last retrain lost crises on new writers: mostly the threshold, a little the data. On
# w56-w67 the recipe's crisis at 0.55 / 0.5 / 0.45 is 355 / 366 / 380 with 13 / 16 / 22
# look-alikes raised (all of dev: 1677 / 1702 / 1726; 20 / 25 / 36), so at the stored model's 18
# look-alikes it would catch about as many as it (368); but at the same 0.5 the retrain is the
# more cautious (it learned from the harder look-alikes of w56-w67), and the worth rule stops
# there (0.55 -> 0.5: +25 caught for +5 alarms; 0.5 -> 0.45: +24 for +11). Alone the retrain's
# model caught more of those writers' crises than the stored one (293 against 283 at 0.5), but
# fewer of those the patterns miss. Fitted on all of dev, at crisis 0.5 and at 0.55 the spec table
# (tests/cases/safety_triage.yaml, the core rows) was green: AT_LEAST crisis 0.55 no longer binds
# on that table, the --writers clause does. Third candidate, the one recipe change chosen on that
# evidence: a probe of a level the patterns alone miss counts twice in the fit (missed_weight 2),
# so the model learns the wordings it is there for. The budget chose crisis 0.55 (AT_LEAST; the
# worth rule's last step 0.6 -> 0.55 +27 caught for +8 alarms), medication 0.75, emergency 0.9:
# 1702, 1709, 1154; 24, 4 (against the recipe's 1677, 1709, 1152; 17, 1: crisis rises, the others
# do not fall, within the budget). On w56-w67: 370, 329, 268; 14 (the stored model 368, 329, 271;
# 18: crisis not below). It passed the keep rule and its --writers clause but was NOT stored:
# the held-out floor caught it (crisis 551 -> 548 of 628, medication 380 -> 373 of 421; emergency
# 620 -> 621, false alarms 42 -> 41 of 587). A second retrain in a row passed every dev check
# and still lost held-out crises and medications: the dev checks (leave-writers-out over writers
# whose misses shaped the patterns) do not predict new writers well enough to replace the
# stored model. missed_weight stays 1 (off) until a retrain with it is kept.
# Spanish, 2026-12-07 (safetyes18): retrained with es-w36's dev part and es-w37 (a training round,
# wholly dev) in dev, decided on the validation round es-w38 (120 probes by a new writer, seen by
# no rule and no model; totals only, each candidate measured once with main's rules), by a rule
# fixed in advance: kept only if emergency + crisis + medication hits rise by at least 2 against
# the stored model, no level falls by more than 1, false alarms do not rise, the budget passes
# and the spec tables stay green. The stored model on es-w38 (the baseline, measured by the
# lead): emergency 29/30, crisis 32/38, medication 22/24, false alarms 2/28. Candidates:
# 1. the stored recipe (the budget chose crisis 0.6, medication 0.55; 5-fold leave-writers-out
#    with the patterns crisis 1016/1074, emergency 927/935, medication 639/659, 5 of 912
#    look-alikes and 3 of 741 Ask questions raised): es-w38 29/30, 32/38, 20/24, 2/28 -- hits
#    81 against 83, medication down 2: not kept.
# 2. the same fit at the stored thresholds (crisis 0.55, medication 0.5; below the budget's
#    choice, so the budget check fails by construction): 29/30, 32/38, 21/24, 2/28 -- hits 82:
#    not kept.
# 3. the recipe change chosen on dev evidence (the stored model raised dev look-alikes as crisis:
#    a cut while cooking, a caregiver's fear of hurting, a will, a prayer): each dev look-alike
#    counted twice (lookalike_weight 2), so the budget may choose a lower threshold. Its
#    leave-writers-out run did not finish within the session (a machine shared by three
#    retrains): not measured on es-w38, not kept. The stored model stays.
# Retrained 2026-12-07 (safetymodel5, w56-w69 in dev: w68's dev part and w69 new to any model),
# judged by the validation keep rule of the docstring (w70-w71, totals only; the stored model:
# emergency 58/64, crisis 69/80, medication 42/52, false alarms 8/64). Nothing passed, nothing
# stored. 5-fold leave-writers-out with the patterns (crisis / emergency / medication of 1904 / 1812
# / 1263; look-alikes of 1839 and Ask questions of 1411 the model raised): the budget chose crisis
# 0.55 (AT_LEAST; its last step 0.6 -> 0.55 +35 caught for +7 alarms), medication 0.75 (the worth
# rule stopped at 0.7: +8 caught for +3), emergency 0.9. (a) The recipe at the stored thresholds
# (crisis 0.5, medication 0.65, no emergency): leave-writers-out 1754, 1758, 1203; 27, 4 (the budget
# check within for both levels); validation (emergency / crisis / medication; false alarms) 58, 69,
# 42; 8: the same as the stored model, no rise of 3, not kept. Its dev figures (the split it was
# fitted on; the same order): 1758/1812, 1780/1904, 1204/1263, false alarms 94/1839 (the stored
# model 1758, 1756, 1200; 98). (b) The same fit at the budget's thresholds (emergency 0.9, crisis
# 0.55, medication 0.75): leave-writers-out 1727, 1759, 1189; 18, 3; validation 58, 67, 42; 8:
# crisis falls by 2, not kept. Dev 1759, 1760, 1197; 83. (c), missed_weight 2 at the budget's
# thresholds (the change chosen on safetymodel4's dev evidence: more of the crises the patterns
# miss), was started but its leave-writers-out run did not finish within the time budget on the
# shared machine; it was never measured on the validation set, so two of the four measurements are
# left for the next retrain, in order.
RAISED = ("crisis", "medication") if SPANISH else ("emergency", "crisis", "medication")
LABELS = (
    {
        "emergency": "palabras que pueden describir una emergencia ahora",
        "crisis": "palabras que pueden indicar pensamientos de suicidio o de hacerse daño",
        "medication": "palabras que pueden referirse a cambiar o tomar un medicamento",
    }
    if SPANISH
    else {
        "emergency": "words that may describe an emergency now",
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


@dataclass(frozen=True)
class Settings:
    grams: tuple[int, int] | None = (3, 5)
    gram_weight: float = 1.0
    strength: float = 10.0  # inverse L2 strength (C)
    steps: int = 300
    rate: float = 5.0
    min_count: int = 2
    keep: float = 1e-3  # weights smaller than this (all levels) are left out of the file
    crisis_weight: float = 1.0  # each crisis text counts this many times in the fit
    lookalike_weight: float = 1.0  # each dev look-alike (a none probe) counts this many times
    # each probe of a level the patterns alone do not give counts this many times: the model's
    # use is the wordings the patterns miss, not the ones they already catch
    missed_weight: float = 1.0
    # noisy copies of each training text (not the knowledge's words), trained on only: slips in
    # content words (a letter dropped, two swapped, one doubled) and a word dropped, so grams and
    # pairs learn wordings with slips; never in a left-out fold, never counted in the figures
    noise: int = 0
    slip_rate: float = 0.25  # the chance of a slip in each content word of a noisy copy
    drop_rate: float = 0.1  # the chance each word is left out of a noisy copy


def _settings() -> Settings:
    """The recipe, with ``--set name=value,...`` changing fields for a comparison by --check."""
    if "--set" not in sys.argv:
        return Settings()
    changed: dict[str, Any] = {}
    for pair in sys.argv[sys.argv.index("--set") + 1].split(","):
        name, value = pair.split("=")
        changed[name] = tuple(int(v) for v in value.split("-")) if name == "grams" else float(value)
        if name in ("steps", "min_count", "noise"):
            changed[name] = int(value)
    return Settings(**changed)


SETTINGS = _settings()
Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class Text:
    words: list[str]
    level: str  # the level it should have
    also: tuple[str, ...]
    writer: str  # "ask-..." for Ask's questions, "kb" for the knowledge's words
    patterns: str  # the level the patterns alone give
    unlike: frozenset[str]  # the levels the model may not raise for it


def texts() -> list[Text]:
    """The dev probes, Ask's tuned questions (their writers were told to write no emergency,
    crisis or medicine question: without them the model learns that "can I take ..." or "a red
    rash" is alarming in itself) and the knowledge's symptom and glossary words, as none."""
    chosen: list[tuple[str, str, tuple[str, ...], str]] = [
        (p["text"], p["level"], tuple(p.get("also", [])), p["writer"])
        for p in read_yaml(PROBES)["probes"]
        if p["split"] == "dev"
    ]
    for path in ASK_TUNED:
        chosen += [
            (q["q"], "none", (), f"ask-{q.get('writer', path.stem)}")
            for q in read_yaml(path)["questions"]
            if q.get("out_of_scope") not in ("dosing", "advice")  # medicine questions among them
        ]
    ordinary = sorted({w for path in ORDINARY_WORDS for w in _strings(read_yaml(path))})
    chosen += [(w, "none", (), "kb") for w in ordinary]
    chosen += [(t, "none", (), "own") for path in OWN_ORDINARY for t in read_yaml(path)["texts"]]
    out = []
    for text, level, also, writer in chosen:
        found, unlike, words = for_the_word_model(text, LANGUAGE)  # type: ignore[arg-type]
        if writer in TRAINED_ONLY and found != "none":
            continue  # a sign the patterns read as a level is no ordinary text
        out.append(Text(words, level, also, writer, found, frozenset(unlike)))
    return out


def _strings(data: Any) -> Iterator[str]:
    """The symptom names and synonyms, glossary terms and aliases anywhere in a YAML tree."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ORDINARY_KEYS and isinstance(value, str):
                yield value
            elif key in ORDINARY_KEYS and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def blocks(words: list[str], settings: Settings) -> list[tuple[set[str], float]]:
    """A text's feature blocks as the model scores them (islet.safety.wordmodel.probabilities)."""
    ignored = frozenset(IGNORED)
    found = [(features(words, ignored), 1.0)]
    if settings.grams:
        found.append((grams(words, *settings.grams, ignored), settings.gram_weight))
    return found


def noisy(words: list[str], copy: int, settings: Settings) -> list[str]:
    """A copy of a text's words with slips: deterministic for the text and the copy's number."""
    rng = np.random.default_rng([copy, *(sum(map(ord, w)) for w in words)])
    out: list[str] = []
    for word in words:
        content = word.isalpha() and word not in IGNORED and len(word) >= 4
        if content and rng.random() < settings.drop_rate:
            continue
        if content and rng.random() < settings.slip_rate:
            at = int(rng.integers(1, len(word) - 1))
            kind = int(rng.integers(3))
            if kind == 0:
                word = word[:at] + word[at + 1 :]
            elif kind == 1:
                word = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
            else:
                word = word[:at] + word[at] + word[at:]
        out.append(word)
    return out


def training(
    featured: list[list[tuple[set[str], float]]], chosen: list[Text], settings: Settings
) -> tuple[list[list[tuple[set[str], float]]], list[int], list[float]]:
    """The training rows, their levels and how much each counts in the fit, with
    ``settings.noise`` noisy copies of each text (counting as much as the text)."""
    rows = list(featured)
    texts_of_rows = list(chosen)
    for t in chosen:
        if t.writer != "kb":
            for copy in range(settings.noise):
                rows.append(blocks(noisy(t.words, copy, settings), settings))
                texts_of_rows.append(t)
    return (
        rows,
        [LEVELS.index(t.level) for t in texts_of_rows],
        [counts(t, settings) for t in texts_of_rows],
    )


def counts(t: Text, settings: Settings) -> float:
    """How much a text counts in the fit: a crisis ``crisis_weight``, a dev look-alike (a none
    probe, not Ask's nor the project's own) ``lookalike_weight``, any other 1; a probe of a
    level the patterns alone miss that times ``missed_weight`` too."""
    missed = settings.missed_weight if t.level != "none" and t.patterns != t.level else 1.0
    if t.level == "crisis":
        return settings.crisis_weight * missed
    if t.level != "none":
        return missed
    if t.level == "none" and t.writer not in TRAINED_ONLY and not t.writer.startswith("ask-"):
        return settings.lookalike_weight
    return 1.0


@dataclass
class Rows:
    """Sparse rows: the nonzeros in row order (``start`` of each row) and, for the gradient,
    the same in column order (``by_col``, ``col_start``)."""

    row: NDArray[np.int64]
    col: NDArray[np.int64]
    value: Matrix
    count: int
    width: int

    def __post_init__(self) -> None:
        self.by_col = np.argsort(self.col, kind="stable")
        self.rows_nonempty, self.start = np.unique(self.row, return_index=True)
        self.cols_nonempty, self.col_start = np.unique(self.col[self.by_col], return_index=True)


def rows_of(featured: list[list[tuple[set[str], float]]], index: dict[str, int]) -> Rows:
    row, col, value = [], [], []
    for i, text in enumerate(featured):
        for found, weight in text:
            scale = weight / np.sqrt(len(found)) if found else 0.0  # over ALL the block's features
            for f in sorted(found):
                if f in index:
                    row.append(i)
                    col.append(index[f])
                    value.append(scale)
    return Rows(
        np.array(row, np.int64), np.array(col, np.int64), np.array(value), len(featured), len(index)
    )


def scores(x: Rows, w: Matrix, b: Matrix) -> Matrix:
    out = np.zeros((x.count, w.shape[1]))
    if len(x.row):
        out[x.rows_nonempty] = np.add.reduceat(w[x.col] * x.value[:, None], x.start, axis=0)
    return out + b


def gradient(x: Rows, g: Matrix) -> Matrix:
    """x.T @ g for the sparse rows."""
    out = np.zeros((x.width, g.shape[1]))
    if len(x.row):
        order = x.by_col
        parts = g[x.row[order]] * x.value[order, None]
        out[x.cols_nonempty] = np.add.reduceat(parts, x.col_start, axis=0)
    return out


def softmax(z: Matrix) -> Matrix:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def fit(
    featured: list[list[tuple[set[str], float]]],
    labels: list[int],
    weights: list[float],
    settings: Settings,
) -> tuple[list[str], Matrix, Matrix]:
    counts: dict[str, int] = {}
    for text in featured:
        for found, _ in text:
            for f in found:
                counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= settings.min_count)
    x = rows_of(featured, {f: i for i, f in enumerate(names)})
    y = np.eye(len(LEVELS))[labels]
    counted = np.array(weights)
    w = np.zeros((len(names), len(LEVELS)))
    b = np.zeros(len(LEVELS))
    n = float(counted.sum())
    for _ in range(settings.steps):
        g = (softmax(scores(x, w, b)) - y) * counted[:, None]
        w -= settings.rate * (gradient(x, g) / n + w / (settings.strength * n))
        b -= settings.rate * g.sum(axis=0) / n
    return names, w, b


def raised(chances: Matrix, thresholds: dict[str, float], unlike: frozenset[str]) -> str | None:
    """As islet.safety.wordmodel.raised, with the triage's vetoes."""
    for level in LEVELS:
        needed = thresholds.get(level)
        if needed is not None and level not in unlike and chances[LEVELS.index(level)] >= needed:
            return level
    return None


def lowo(all_texts: list[Text], settings: Settings, folds: int = 0) -> dict[int, Matrix]:
    """Each dev writer's and each Ask writer's texts scored by a model trained without them
    (with ``folds``, the writers dealt into that many groups, each left out in turn: faster)."""
    featured = [blocks(t.words, settings) for t in all_texts]
    chances: dict[int, Matrix] = {}
    writers = sorted({t.writer for t in all_texts} - TRAINED_ONLY)
    group = {w: (i % folds if folds else i) for i, w in enumerate(writers)}
    for left_out in sorted(set(group.values())):
        held = [i for i, t in enumerate(all_texts) if group.get(t.writer) == left_out]
        train = [i for i, t in enumerate(all_texts) if group.get(t.writer, -1) != left_out]
        rows, labels, weights = training(
            [featured[i] for i in train], [all_texts[i] for i in train], settings
        )
        names, w, b = fit(rows, labels, weights, settings)
        x = rows_of([featured[i] for i in held], {f: i for i, f in enumerate(names)})
        for i, p in zip(held, softmax(scores(x, w, b)), strict=True):
            chances[i] = p
    return chances


def figures(
    all_texts: list[Text],
    chances: dict[int, Matrix],
    thresholds: dict[str, float],
    writers: frozenset[str] | None = None,
) -> dict[str, tuple[int, int]]:
    """LOWO figures: per level, (the model alone raised it, probes); the look-alikes and Ask
    questions the model raised where the patterns gave none; per level the system's recall.
    With ``writers``, those writers' texts alone."""
    out: dict[str, list[int]] = {}
    for i, t in enumerate(all_texts):
        if i not in chances or (writers is not None and t.writer not in writers):
            continue
        said = raised(chances[i], thresholds, t.unlike)
        if said is not None and LEVELS.index(said) >= LEVELS.index(t.patterns):
            said = None  # the model only ever raises a level
        if t.level == "none":
            key = "ask" if t.writer.startswith("ask-") else "look-alikes"
            cell = out.setdefault(key, [0, 0])
            cell[0] += said is not None and t.patterns == "none"
            cell[1] += 1
            continue
        model_says = raised(chances[i], thresholds, t.unlike)
        cell = out.setdefault(f"model {t.level}", [0, 0])
        cell[0] += model_says == t.level or model_says in t.also
        cell[1] += 1
        final = said or t.patterns
        cell = out.setdefault(f"with patterns {t.level}", [0, 0])
        cell[0] += final == t.level or final in t.also
        cell[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def choose(all_texts: list[Text], chances: dict[int, Matrix]) -> dict[str, float]:
    """Per level, most urgent first, the lowest threshold within the false-alarm budget; for a
    level of ``WORTH``, the lowest reached by loosening from the strictest while within the
    budget and while each step's added look-alike alarms buy ``WORTH`` times as many more
    probes of the level caught with the patterns."""
    thresholds: dict[str, float] = {}
    for level in RAISED:
        allowed = [t for t in GRID if t >= AT_LEAST.get(level, 0.0)]
        if level in WORTH:
            found = _loosened(all_texts, chances, thresholds, level, allowed)
            if found is not None:
                thresholds[level] = found
            continue
        for threshold in allowed:
            if _within(figures(all_texts, chances, {**thresholds, level: threshold}), level):
                thresholds[level] = threshold
                break
    return thresholds


def _within(tried: dict[str, tuple[int, int]], level: str) -> bool:
    budget = BUDGET[level]
    return all(tried[k][0] <= budget[k] * tried[k][1] for k in budget)


def _loosened(
    all_texts: list[Text],
    chances: dict[int, Matrix],
    thresholds: dict[str, float],
    level: str,
    allowed: list[float],
) -> float | None:
    """The loosest of ``allowed`` (strictest first) whose every step paid ``WORTH[level]``."""
    before = figures(all_texts, chances, thresholds)
    chosen = None
    for threshold in sorted(allowed, reverse=True):
        tried = figures(all_texts, chances, {**thresholds, level: threshold})
        if not _within(tried, level):
            break
        alarms = tried["look-alikes"][0] - before.get("look-alikes", (0, 0))[0]
        key = f"with patterns {level}"
        caught = tried[key][0] - before.get(key, (0, 0))[0]
        print(f"  {level} {threshold}: +{caught} caught, +{alarms} look-alike alarms")
        if alarms > 0 and caught < WORTH[level] * alarms:
            break
        chosen, before = threshold, tried
    return chosen


def check(settings: Settings = SETTINGS) -> dict[str, float]:
    all_texts = texts()
    chances = lowo(all_texts, settings, FOLDS)
    thresholds = choose(all_texts, chances)
    print(f"{settings}\nthresholds by {_left_out()}: {thresholds}")
    _print(figures(all_texts, chances, thresholds))
    if FIXED is not None:
        print(f"at the fixed thresholds {FIXED}:")
        _print(figures(all_texts, chances, FIXED))
        _budget_check(all_texts, chances, FIXED)
        thresholds = FIXED
    if "--writers" in sys.argv:
        _compare_on(frozenset(sys.argv[sys.argv.index("--writers") + 1].split(",")), all_texts)
        print(f"  this recipe by {_left_out()}:")
        _print(figures(all_texts, chances, thresholds, WRITERS))
    return thresholds


# ``--thresholds crisis=0.5,medication=0.65``: the model written with these instead of the
# budget's choice (a candidate at the stored model's thresholds), the budget checked at them
FIXED = (
    {
        k: float(v)
        for k, v in (p.split("=") for p in sys.argv[sys.argv.index("--thresholds") + 1].split(","))
    }
    if "--thresholds" in sys.argv
    else None
)


def _budget_check(
    all_texts: list[Text], chances: dict[int, Matrix], thresholds: dict[str, float]
) -> None:
    """Per level set, most urgent first, whether its leave-writers-out false alarms (with the
    levels before it) are within ``BUDGET``, as :func:`choose` requires."""
    so_far: dict[str, float] = {}
    for level in RAISED:
        if level not in thresholds:
            continue
        so_far[level] = thresholds[level]
        ok = _within(figures(all_texts, chances, so_far), level)
        print(f"  budget {level} at {so_far}: {'within' if ok else 'OVER'} {BUDGET[level]}")


WRITERS = (
    frozenset(sys.argv[sys.argv.index("--writers") + 1].split(","))
    if "--writers" in sys.argv
    else None
)


def _compare_on(writers: frozenset[str], all_texts: list[Text]) -> None:
    """The stored model (no retrain) on these writers' texts, the patterns' vetoes applied."""
    stored = WordModel.model_validate(json.loads(OUT.read_text(encoding="utf-8")))
    chances = {
        i: np.array([p for p in probabilities(stored, t.words).values()])
        for i, t in enumerate(all_texts)
        if t.writer in writers
    }
    print(f"writers {','.join(sorted(writers))}: the stored model {stored.thresholds}:")
    _print(figures(all_texts, chances, {str(k): v for k, v in stored.thresholds.items()}, writers))


def _print(found: dict[str, tuple[int, int]]) -> None:
    for key, (hit, total) in found.items():
        print(f"  {key}: {hit}/{total} = {hit / total:.3f}")


def _left_out() -> str:
    return f"{FOLDS}-fold leave-writers-out" if FOLDS else "LOWO"


def main() -> None:
    if "--check" in sys.argv:
        check()
        return
    thresholds = check()
    all_texts = texts()
    featured = [blocks(t.words, SETTINGS) for t in all_texts]
    rows, labels, counted = training(featured, all_texts, SETTINGS)
    names, w, b = fit(rows, labels, counted, SETTINGS)
    weights = {
        name: [round(float(v), 4) for v in w[i]]
        for i, name in enumerate(names)
        if np.abs(w[i]).max() >= SETTINGS.keep
    }
    asked = sum(1 for t in all_texts if t.writer.startswith("ask-"))
    known = sum(1 for t in all_texts if t.writer == "kb")
    own = sum(1 for t in all_texts if t.writer == "own")
    model = {
        "trained_on": (
            f"{PROBES.relative_to(ROOT)} dev split only ({asked} ordinary questions of Ask's "
            f"tuned sets, {known} symptom and glossary words and {own} of the project's own "
            f"ordinary texts, sleepless and worried, added as none), "
            f"{len(all_texts)} texts in all; thresholds by {_left_out()}; trained {date.today()}"
        ),
        "levels": list(LEVELS),
        "bias": [round(float(v), 4) for v in b],
        "weights": weights,
        "thresholds": thresholds,
        "labels": {level: LABELS[level] for level in thresholds},
        "ignored": IGNORED,
        "grams": list(SETTINGS.grams or []),
        "gram_weight": SETTINGS.gram_weight,
    }
    # ``--out PATH``: a candidate written elsewhere, the stored model left in place
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else OUT
    out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(weights)} features")


if __name__ == "__main__":
    main()
