"""Ask Islet in Spanish (issue 17): a Spanish question gets the right passages, in Spanish."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from islet import kb as kb_module
from islet.ask import answer, focus
from islet.ask.answer import engine
from islet.ask.spanish import read_reader, reader, spanish_layer
from islet.ask.spanish_sounds import by_sound, sound_key
from islet.ask.spanish_verbs import infinitives
from islet.check_es import spanish_report
from islet.cli import app
from islet.errors import KnowledgeError
from islet.translations import in_language
from tests.tables import load_cases


@pytest.mark.parametrize("case", load_cases("ask_spanish.yaml"))
def test_spanish_questions_get_their_passages_in_spanish(case: dict[str, Any]) -> None:
    reply = answer(case["q"])
    if "declined" in case:
        assert not reply.in_scope
        assert reply.reason == case["declined"]
        assert "Islet" in (reply.message or "") and " no " in (reply.message or "")
        assert case.get("message", "") in (reply.message or "")  # a rule's own, in Spanish
        if case["declined"] == "not-understood":
            assert reply.confidence == 0.0  # nothing understood is no confidence
        return
    assert reply.in_scope, reply.message
    if "gap" in case:  # what the summary does not say, said plainly with what it says nearby
        assert reply.understood.gap == case["gap"] and reply.summary is not None
        assert case.get("says", "no dice") in reply.summary
        shown = [a.passage_id for a in reply.answers]
        assert "first" not in case or shown[0] == case["first"], shown
        return
    assert reply.answers[0].passage_id in case["top"]
    shown = [a.passage_id for a in reply.answers[:3]]
    assert not set(case.get("not_top3", [])) & set(shown), shown
    assert reply.answers[0].match == "La mejor coincidencia que encontró Islet"
    assert "equipo de atención médica" in reply.help


def test_a_translated_passage_is_shown_in_its_spanish_words() -> None:
    reply = answer("¿Qué es la metástasis?")
    first = reply.answers[0]
    spanish = in_language("es").sections["metastasis"]
    assert first.passage_id == "section:metastasis#patient"
    assert first.title == spanish.title
    assert first.text.startswith("La diseminación del cáncer")


def test_lang_en_keeps_the_english_answer() -> None:
    reply = answer("What is metastasis?", language="en")
    assert reply.answers[0].text.startswith("The spread of cancer")


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("¿Qué es la CIRUGÍA?", "what is surgery"),
        ("que es la cirugia", "what is surgery"),  # without accents
        ("se regó al hígado", "has spread liver"),  # longest phrase first
        ("las pruebas de laboratorio", "tests lab"),
        ("los ganglios", "lymph nodes"),
        ("los tumores", "tumors"),
        ("Whipple y Ki-67 del 15%", "whipple ki-67 15 %"),  # names and numbers kept
        ("en q etapa estoy", "what stage"),  # a chat spelling read as the word
        ("despues de la operasion", "after surgery"),  # written by ear: s for c
        ("un tumor que no ase ormonas", "tumor does not make hormones"),  # a silent h left out
        ("el igado", "liver"),
        ("cada cuánto tengo revisiones", "how often checkups follow-up"),
        ("se pueden volver cáncer", "can turn into cancer"),  # becoming, not coming back
        ("¿Esto se hereda?", "is it inherited"),
        ("the mass is big", "the mass is big"),
        ("¿qué significa estadio IV?", "what does it mean stage 4"),  # not intravenous
        ("¿vos podés explicarme?", "can explain"),  # voseo  # an English word is never read by ear
        ("ya está regao en el hígado", "spread in liver"),  # the dropped d put back
        ("los ganglios operaos", "lymph nodes surgery"),
        ("un tumor sin metástasis", "tumor localized"),  # "sin" is not left out there
        ("no lo encuentran", "cannot find it"),
        ("un gastrinoma único", "single gastrinoma"),  # the adjective follows the noun
        ("pa q sirve", "what is it for"),  # "pa" is "para"
        # An infinitive completes "is it safe" as English does with "to"; a noun does not.
        ("¿es seguro viajar?", "is it safe to travel"),
        ("¿será seguro hacerlo?", "is it safe to"),
        ("¿es seguro el octreotide?", "is it safe octreotide"),
        ("¿es seguro cáncer?", "is it safe cancer"),  # read as itself: no verb
        # "Qué" opening a question asks "what"; inside a sentence it is "that", left out.
        ("un tumor de 2 cm en la cabeza, ¿qué opciones hay?", "tumor 2 cm in head what options"),
        ("glucagonoma: que sintomas da", "glucagonoma what symptoms causes"),
        ("Tiene 2 cm. Cuales tratamientos hay", "2 cm which treatments"),
        ("el tumor que tiene mi papá", "tumor father"),
        # English typed among Spanish keeps its contractions whole, as English Ask folds them.
        ("they couldn't find el tumor", "they couldnt find tumor"),
        ("mi papá doesn’t want la cirugía", "father doesnt want surgery"),
        ("no lo ven en ninguna tomografía", "cannot find it in any ct scan"),
        # Word orders no phrase lists add the English words of a pattern at the end.
        ("¿cuándo me operan la paratiroides?", "when surgery parathyroid parathyroid surgery"),
        # Rioplatense "re" (very) and "che" carry nothing; a part "lastimada" is sore; weight
        # lost is told with "baja" in the present as in the past (askfix15es).
        ("che, la boca re lastimada", "mouth sore"),
        ("baja de peso", "weight loss"),
        # A compound typed as two words is read whole; a word of no meaning is never a part.
        ("la quimio embolización", "chemoembolization"),
        ("pastillas para tiroides", "pills thyroid"),
    ],
)
def test_reader_puts_spanish_words_in_english(spanish: str, english: str) -> None:
    # The words; where sentences and clauses end is kept too (tests/core/test_ask_spanish_story).
    assert re.sub(r"[?.,](?= |$)", "", reader().to_english(spanish)) == english


@pytest.mark.parametrize(
    ("heard", "written"),
    [
        ("operasion", "operacion"),
        ("ormonas", "hormonas"),
        ("bomito", "vomito"),
        ("quiste", "kiste"),
        ("cayo", "callo"),
        ("esplicar", "explicar"),  # x before a consonant
        ("verda", "verdad"),  # a final d left unsaid
    ],
)
def test_words_that_sound_alike_have_one_key(heard: str, written: str) -> None:
    assert sound_key(heard) == sound_key(written)


@pytest.mark.parametrize(("one", "other"), [("casa", "cama"), ("pesa", "pega"), ("dolor", "color")])
def test_words_that_sound_different_keep_their_keys(one: str, other: str) -> None:
    assert sound_key(one) != sound_key(other)


def test_a_sound_heard_for_two_words_repairs_to_neither() -> None:
    sounds = by_sound(["vaca", "baca", "hola"])
    assert sounds.repair("baka") == "baka"
    assert sounds.repair("ola") == "hola"


def test_reader_tries_a_plural_ending() -> None:
    assert reader().to_english("biopsias") == "biopsy"


@pytest.mark.parametrize(
    ("written", "infinitive"),
    [
        ("encuentren", "encontrar"),  # "ue" of the present undone
        ("riega", "regar"),  # "ie"
        ("midieron", "medir"),  # "i"
        ("operarme", "operar"),  # a pronoun written onto the infinitive
        ("vigilemos", "vigilar"),
        ("sobreviven", "sobrevivir"),
        ("tratando", "tratar"),
    ],
)
def test_a_verb_form_is_read_as_its_infinitive(written: str, infinitive: str) -> None:
    assert infinitive in infinitives(written)
    assert reader().to_english(written) == reader().to_english(infinitive)


def test_a_verb_form_written_by_ear_is_read_as_its_infinitive() -> None:
    assert reader().to_english("bomita") == reader().to_english("vomitar")  # b for v


@pytest.mark.parametrize(
    ("written", "plain"),
    [("bultito", "bulto"), ("manchitas", "manchas"), ("chiquito", "chico"), ("pancita", "panza")],
)
def test_a_diminutive_is_read_as_its_word(written: str, plain: str) -> None:
    assert reader().to_english(written) == reader().to_english(plain)


@pytest.mark.parametrize(
    ("written", "plain"),
    [("altísimas", "altas"), ("rarísimo", "raro"), ("grandísimo", "grande"), ("altísimo", "alto")],
)
def test_a_superlative_is_read_as_its_adjective(written: str, plain: str) -> None:
    assert reader().to_english(written) == reader().to_english(plain) != plain


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("dosis altas", "high doses"),  # the adjective follows the noun
        ("una dosis bajísima", "low dose"),
        ("tantos nombres", "tantos names"),  # a name is no "hombre", one letter off it
        ("una muestra de excreta", "sample stool"),
        ("volver a chambear", "come back work time off work"),
        # Everyday verbs in any form, and the gerund of "ser", never "sentir" heard by ear.
        ("los estudios no muestran nada", "tests no show"),
        ("puede desarrollar otro", "can develop"),
        ("sigue siendo", "continues being"),
    ],
)
def test_regional_and_lay_words_are_read(spanish: str, english: str) -> None:
    assert reader().to_english(spanish) == english


@pytest.mark.parametrize("word", ["casa", "cuento", "vino", "visita", "bonito"])
def test_a_word_that_is_no_known_verb_form_is_kept(word: str) -> None:
    assert reader().to_english(word) == word


@pytest.mark.parametrize(
    ("spanish", "added"),
    [
        ("cáncer de piel", "skin cancer"),
        ("un carcinoide típico en el pulmón", "lung neuroendocrine tumor"),
        ("tumor neuroendocrino del apéndice", "appendix neuroendocrine tumor"),
        ("un cáncer gástrico", "stomach cancer"),  # the organ's adjective, no "de"
        ("tumores neuroendocrinos rectales", "rectal neuroendocrine tumor"),
    ],
)
def test_the_organ_named_after_the_growth_comes_first_in_english(spanish: str, added: str) -> None:
    assert reader().to_english(spanish).endswith(added)


@pytest.mark.parametrize(
    "spanish",
    [
        "tumor neuroendocrino del páncreas en el pulmón",  # spread from the pancreas
        "cáncer en los huesos",  # spread, not a cancer of the bones
        "cáncer del páncreas",
        "cáncer hepático",  # the liver's adjective is no other cancer either
    ],
)
def test_a_pancreatic_net_that_spread_is_no_other_organs_tumor(spanish: str) -> None:
    read = reader().to_english(spanish)
    assert not read.endswith(("neuroendocrine tumor", " cancer")) or read == "pancreatic cancer"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("phrases:\n  cirugía: surgery\n  cirugia: operation\nskip: []\n", "given twice"),
        ("phrases:\n  cola: tail\n  cola: queue\nskip: []\n", "given twice: cola"),
        ("phrases:\n  cirugía: ''\nskip: []\n", "needs English words"),
        ("phrases: [a]\nskip: []\n", "needs 'phrases'"),
        ("- not a mapping\n", "mapping"),
        ("phrases: {}\nskip: []\npatterns: {'(': x}\n", "pattern '\\('"),
        ("phrases: {}\nskip: []\npatterns: [x]\n", "'patterns' must map"),
        ("phrases: {}\nskip: []\norgan_phrases: {a: b}\n", "must be a list"),
        ("phrases: {}\nskip: []\norgan_phrases: [{heads: [x]}]\n", "organ_phrases group"),
        ("phrases: {}\nskip: []\nbackground: {a: b}\n", "'background' must be a list"),
        ("phrases: {}\nskip: []\nbackground: ['(']\n", "background pattern"),
        ("phrases: {}\nskip: []\nphrase: {cola: tail}\n", "unknown part 'phrase'"),
        ("phrases: {}\nskip: []\nreporting: {dice: says}\n", "'reporting' must be a list"),
        ("phrases: {}\nskip: []\nbefore_infinitive: safe\n", "'before_infinitive' must be"),
        ("phrases: {seguro: safe}\nskip: []\nbefore_infinitive: [sure]\n", "'sure' is no phrase"),
        ("phrases: {}\nskip: [pues, luego, pues]\n", "skip word 'pues' is given twice"),
        ("phrases: {tuvo: had}\nskip: [tuvo]\n", "'tuvo' is both a skip word and a phrase"),
    ],
)
def test_a_malformed_reading_table_is_named(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=problem):
        read_reader(path)


@pytest.mark.parametrize(
    ("spanish", "read"),
    [
        # A clause someone is reported to have said reads as a statement, its "que" as no "what"
        ("mi cuñado dice que se va a morir", "he is going to die"),
        ("me dijeron que es cancer", "it is cancer"),
        ("mi tía insiste en que es cancer", "it is cancer"),
        # ... to the clause's end: what is asked after it keeps the order of a question
        ("dicen que es cancer, ¿se va a morir?", "it is cancer, is he going to die?"),
        # ... and the same words asked, or the asker's own "creo que", are a question
        ("¿se va a morir?", "is he going to die?"),
        ("creo que se va a morir", "is he going to die"),
        # Whether something is true ("es cierto que", "es verdad que"): the clause doubted is
        # asked, in its question order, and the "que" before it asks no "what"
        ("¿es cierto que es cancer?", "is it cancer?"),
        ("¿es verdad que se va a morir?", "is he going to die?"),
    ],
)
def test_a_reported_clause_tells_and_does_not_ask(spanish: str, read: str) -> None:
    table = replace(
        read_reader(),
        phrases={
            ("se", "va", "a", "morir"): "is he going to die",
            ("es", "cancer"): "is it cancer",
            ("que", "es"): "what is",
        },
    )
    assert table.to_english(spanish).endswith(read)


@pytest.mark.parametrize(
    ("table", "text"),
    [
        ("words.yaml", "phrases:\n  cola: tail\n  cola: queue\nskip: []\n"),
        ("words.yaml", "phrases: {cola: tail}\nskip: [cola]\n"),
        ("answering.yaml", "messages: {}\n"),
    ],
)
def test_islet_check_names_a_malformed_reading_table_or_answer_texts(
    tmp_path: Path, table: str, text: str
) -> None:
    (tmp_path / "ask").mkdir()
    (tmp_path / "ask" / table).write_text(text, encoding="utf-8")
    problems = spanish_report(kb_module.load(), tmp_path).problems
    assert any(f"es/ask/{table}" in problem for problem in problems)


def test_islet_check_passes_the_installed_reading_table_and_answer_texts() -> None:
    problems = spanish_report(kb_module.load()).problems
    assert not [p for p in problems if "words.yaml" in p or "answering.yaml" in p]


@pytest.mark.parametrize(
    ("spanish", "left_out"),
    [
        ("¿para qué la gammagrafía si ya me hicieron el TAC y la resonancia?", "ct scan"),
        ("la tomografía salió normal, ¿qué otros estudios hay para el insulinoma?", "ct scan"),
        # Where the word asked about was written (askfix15es).
        ("¿qué significa 'funcional'? me lo escribieron en el reporte de patología", "report"),
    ],
)
def test_a_test_told_as_background_is_left_out_of_the_reading(spanish: str, left_out: str) -> None:
    assert left_out not in reader().to_english(spanish)


def test_a_dose_told_in_spanish_word_order_is_no_dose_asked_for() -> None:
    # "dosis altísimas" read word by word is "dose high", which the English rules take for a
    # dose asked for. (The safety triage, before Ask, reads medicine questions on its own.)
    layer = spanish_layer(engine())
    reply = layer.answer(
        "le dieron omeprazol en dosis altísimas por el gastrinoma, ¿para qué sirve?", 5
    )
    assert reply.in_scope, reply.message
    drug = {
        "treatment:supportive-care-ulcers#patient",
        "treatment:acid-lowering-drugs#patient",
        "glossary:proton-pump-inhibitor",
        "rule:gastrinoma-acid-symptoms#patient",
    }
    # "¿para qué sirve?" after its own clause asks what it is for, as English "..., what is it
    # for?" does: the gastrinoma's treatment part may come first, the drug's own passage next.
    ranked = [a.passage_id for a in reply.answers]
    assert ranked[0] in drug | {"section:treatment-of-gastrinoma#patient"}
    assert drug & set(ranked[:3])


@pytest.mark.parametrize(
    "spanish",
    [
        "¿qué tan común es? nunca habíamos oído de eso en la familia",
        "¿es frecuente? confieso que jamás había escuchado hablar de estos tumores hasta el"
        " diagnóstico",
    ],
)
def test_never_having_heard_of_it_is_left_out_of_the_reading(spanish: str) -> None:
    read = reader().to_english(spanish)
    assert "family" not in read and "diagnosis" not in read and "never" not in read


def test_background_stays_when_too_little_would_be_left() -> None:
    # Only the background is asked about: it is the question, so it is read.
    assert "ct scan" in reader().to_english("la tomografía salió normal")


def test_a_question_read_almost_whole_is_answered_despite_a_word_it_does_not_know() -> None:
    # "celular" is in no table and counts against the words read; asked again without it, the
    # question is clear enough. (Since ask18 the English engine may answer the reading itself:
    # "daughter" is the story around the islet cell tumor and no longer counts against it.)
    question = "mi hija me leyó en el celular q era un tumor de los islotes, q es eso"
    reply = answer(question)
    assert reply.in_scope
    assert reply.answers[0].passage_id in {
        "glossary:pancreatic-net",
        "glossary:islet-cells",
        "section:islet-cells-and-pancreas#patient",
    }


@pytest.mark.parametrize(
    ("spanish", "story", "asked"),
    [
        (
            "Mi cuñada tuvo cáncer de pulmón. ¿Qué es un glucagonoma?",
            "lung cancer",
            "glucagonoma",
        ),
        ("a mi tía la operaron del cáncer de colon, ¿cómo se trata un vipoma?", "colon", "vipoma"),
    ],
)
def test_words_a_pattern_adds_stay_in_the_clause_it_found_them_in(
    spanish: str, story: str, asked: str
) -> None:
    # The organ named after the growth is found by a pattern: in the story, it is not asked.
    read = spanish_layer(engine()).reader.to_english(spanish)
    *told, last = re.split(r"[.,]\s", read)
    assert story in " ".join(told) and asked in last and story not in last


def test_a_diminutive_is_read_when_its_word_is_known_only_inside_a_phrase() -> None:
    # The general dictionary lists "muy chiquito"; alone, "chiquito" is still "chico".
    layer = spanish_layer(engine())
    assert ("chiquito",) not in layer.reader.phrases
    assert layer.reader.to_english("el tumor es chiquito") == "tumor small"


@pytest.mark.parametrize(
    "spanish", ["¿es seguro el octreotide?", "la quimio es segura para mi papá?"]
)
def test_safe_is_no_insurance(spanish: str) -> None:
    read = reader().to_english(spanish)
    assert "safe" in read and "insurance" not in read and "suegra" not in read


@pytest.fixture(scope="module")
def spanish_eval(runner: CliRunner) -> dict[str, Any]:
    result = runner.invoke(app, ["eval", "ask", "--lang", "es", "--no-semantic", "--json"])
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_eval_ask_lang_es_reports_dev_and_held_out_figures_without_test_misses(
    spanish_eval: dict[str, Any],
) -> None:
    assert set(spanish_eval["splits"]) == {"dev", "test"}
    assert spanish_eval["splits"]["test"]["file"] == "ask-es-test.yaml"
    for split in spanish_eval["splits"].values():
        systems = {r["system"]: r for r in split["results"]}
        assert {"bm25-baseline", "islet", "islet-es"} <= set(systems)
    test = {r["system"]: r for r in spanish_eval["splits"]["test"]["results"]}
    assert all(r["misses"] == [] for r in test.values())


# Floors a little under the figures measured at the end of issue 17 (README), so that a
# regression fails CI: dev was tuned on, test was only measured. The third writer's round
# (es-w3, split before any tuning; untuned 0.67 / 0.87 on the whole round) lowered dev to
# 0.746 / 0.905 with its new half; test 0.645 / 0.846. Tuned on that round: dev 0.811 / 0.917,
# test 0.657 / 0.858. The fourth round (es-w4, split before any tuning) left the held-out split
# at 0.660 / 0.854; tuned on its dev half and on general Spanish forms (verb forms, diminutives,
# the organ after the growth, a second reading without unknown story words): dev 0.845 / 0.932,
# test 0.680 / 0.874. The fifth round (es-w5, split before any tuning) left the held-out split at
# 0.709 / 0.878; tuned on its dev half (general forms: background clauses, time left, living
# with diabetes, what causes these tumors, sweat and shake words): dev 0.861 / 0.948, test
# 0.709 / 0.874. The seventh round (es-w7, split before any tuning): dev 0.861 / 0.961, test
# 0.717 / 0.885 (339 held out). The eighth round (es-w8, written during a Spanish tuning that
# changed nothing held out, added after it): 0.82 / 0.94 on its 50 in-scope questions, both
# halves; dev 0.859 / 0.961, test 0.724 / 0.888 (369 held out). A general dictionary written
# without sight of the questions fills the table's gaps (spanish_general, chosen on the
# leave-one-writer-out estimate, 0.803 / 0.921 -> 0.807 / 0.928): dev unchanged, test 0.734 / 0.895.
# An independent review's wrong answers mended in general forms (ask10, 2026-12-06): dev 0.862
# -> 0.866 / 0.961, test 0.737 -> 0.743 / 0.895; the test top-1 floor raised 0.72 -> 0.73.
# The twelfth round (es-w12, 70, split before any tuning; untuned on its whole round 0.729 /
# 0.797, wrong declines 15 %): dev 0.877 / 0.971, test 0.772 / 0.895 (408 in scope held out).
# Spanish reading (askes13: words a pattern adds stay in their clause, insurers' words, 'seguro'
# as safe): test 0.775 / 0.892. The thirteenth round (es-w13, 60, written while it ran, added
# after it; on its whole round 0.745 / 0.902, untuned 0.784 / 0.922: it fell): dev 0.863 / 0.961,
# test 0.778 / 0.898 (433 in scope held out); the test top-1 floor raised 0.73 -> 0.76.
# "creo" no longer repaired into "Creon" (a neighbour's name): dev 0.866 / 0.964, test 0.783 /
# 0.903.
# The fourteenth round (es-w14, 70, split before any tuning); askes14's reading, ask18's and the
# labelled questions' vote (chosen on leave-writers-out), measured once at the end: dev 0.900 /
# 0.974, test 0.829 / 0.929 (463 in scope held out); floors raised a little under them. After a
# review's mends ("¿qué significa?" after the thing named): test 0.832 / 0.929.
# The fifteenth round (es-w15, 70, split before any tuning): askes15's structural readings (dev
# 0.888 / 0.964 -> 0.894 / 0.970) and a second vote from the Spanish dev questions as typed,
# for Spanish questions only (Spanish leave-writers-out 0.894 / 0.970 -> 0.908 / 0.982; dev,
# fitted, 0.932 / 0.986); the dev floor raised a little under them. Held out (589), measured
# once after the merge with ask19: 0.836 / 0.931 -> 0.864 / 0.941. After the review's mends
# (chosen on dev and the reviewers' texts; dev unchanged), measured once at the end: 0.858 /
# 0.939 (three held-out questions fewer, while English rose by three); the floor at that figure.
# Fourteenth session (askfix14, 14b; es-w23 a validation round added wholly to dev after): held
# out (729) 0.856 / 0.941 -> 0.858 / 0.941, dev 0.914 / 0.979; the held-out floor at it.
# Fifteenth session, askfix15es (es-w24 a training round in dev; held out not run): dev 0.916 /
# 0.979 -> 0.920 / 0.982; the dev floor raised to it.
# Held out at the session's end (askfix15es, askfix15b): 0.858 / 0.941 -> 0.863 / 0.943; the floor
# raised to it. Then es-w25 (80, the validation round, unchanged by the mends: 57 of 64) added
# wholly to dev: dev 0.918 / 0.980; the dev floor set there.
# es-w26 (a sixteenth-session training round written blind, wholly dev), untuned: dev 0.9166 /
# 0.9794; the dev floors set there.
# askfix16es (es-w26's kinds read; held out not run): dev 0.9166 / 0.9794 -> 0.9260 / 0.9859
# (es-w26 57 -> 60 of 64); the dev floors raised a little under them.
# Held out at the session's end: 0.863 / 0.943 -> 0.865 / 0.946; the floor raised to it. Then
# es-w27 (80, the validation round, unchanged by the mends: 60 of 64) added wholly to dev: dev
# 0.9275 / 0.9876; the dev floor set there.
# es-w28 (a seventeenth-session training round written blind, wholly dev), untuned: dev 0.9264 /
# 0.9866; the dev floors set there.
# Held out at the seventeenth session's end (askfix17es): 0.865 / 0.946 -> 0.866 / 0.948; the floor
# raised to it. Then es-w29 (80, the validation round, unchanged by the mends: 61 of 64) added
# wholly to dev: dev 0.9277 / 0.9857; the dev floor set there.
FLOORS = {"dev": (0.926, 0.985), "test": (0.866, 0.947)}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_spanish_ask_keeps_its_measured_accuracy(spanish_eval: dict[str, Any], split: str) -> None:
    systems = {r["system"]: r for r in spanish_eval["splits"][split]["results"]}
    top1, top3 = FLOORS[split]
    assert systems["islet-es"]["top1"] >= top1
    assert systems["islet-es"]["top3"] >= top3
    # The Spanish layer earns its place: well above the English engine on Spanish questions.
    assert systems["islet-es"]["top1"] >= systems["islet"]["top1"] + 0.15


def test_every_fixed_text_of_an_answer_has_its_spanish() -> None:
    from islet.ask.lexicon import load_lexicon
    from islet.ask.spanish import texts

    english = load_lexicon().answering
    spanish = texts()
    assert set(spanish.messages) == set(english.messages)
    assert set(spanish.match_words) == set(english.match_words)
    assert set(spanish.gaps) == {gap.id for gap in english.gaps}
    assert set(spanish.facets.summaries) == {facet.id for facet in english.facets}
    assert set(spanish.facets.site_names) == set(english.site_names)
    assert set(spanish.facets.behaviour_phrases) == set(english.behaviour_phrases)
    assert "{cis_phone}" in spanish.help and "{topics}" in spanish.did_you_mean


def test_every_rules_own_message_has_its_spanish() -> None:
    from islet.ask.lexicon import load_lexicon
    from islet.ask.spanish import texts

    lexicon = load_lexicon()
    own = [r.message for r in lexicon.answering.out_of_scope if r.message]
    own += [n.message for n in lexicon.neighbours if n.message]
    spanish = texts()
    assert own
    for message in own:
        said = spanish.message_for(message, "unrelated")
        assert said and said != spanish.messages["unrelated"], message


@pytest.mark.parametrize(
    ("question", "facet", "words"),
    [
        ("¿Qué pruebas hay para el insulinoma?", "tests", "Prueba de glucosa e insulina"),
        ("¿Dónde se forma el gastrinoma?", "sites", "cabeza del páncreas"),
        ("¿Qué hormona produce el VIPoma?", "hormone", "péptido intestinal vasoactivo"),
        ("¿El insulinoma es cáncer?", "behaviour", "benigno"),
        ("¿Cómo se trata el gastrinoma?", "treatment", "Tratamiento del gastrinoma"),
        ("signos del insulinoma", "symptoms", "Azúcar baja en la sangre"),
    ],
)
def test_a_facet_of_one_tumor_type_is_summed_up_in_spanish(
    question: str, facet: str, words: str
) -> None:
    reply = answer(question)
    assert reply.understood.facet == facet
    assert reply.summary is not None and words in reply.summary


def test_a_spanish_sign_list_names_each_sign_once() -> None:
    summary = answer("signos del insulinoma").summary or ""
    assert "tembloroso" in summary and "temblorosa" not in summary


def test_hearsay_after_the_compared_cancer_is_no_second_question() -> None:
    # "ese que dicen que ..." describes the cancer just named; it is not asked, so comparing
    # one's tumor with common pancreatic cancer is answered (unsure, as in English), not declined.
    said = "¿lo que tiene mi tía es lo mismo que el cáncer de páncreas común"
    reply = answer(said + ", ese que la gente dice que es tan agresivo?")
    assert reply.in_scope, reply.message
    assert [a.passage_id for a in reply.answers[:3]] == [
        a.passage_id for a in answer(said + "?").answers[:3]
    ]
    assert reply.answers[0].passage_id == "glossary:exocrine-pancreatic-cancer"


@pytest.mark.parametrize(
    ("spanish", "own"),
    [
        ("carcinoide de apéndice, ¿mismo tratamiento que un insulinoma?", "insulinoma"),
        (
            "A mi suegro le sacaron un carcinoide del íleon. ¿Y el tratamiento es igual que para"
            " mi gastrinoma?",
            "gastrinoma",
        ),
        ("tumor neuroendocrino de pulmón, ¿se maneja igual que un glucagonoma?", "glucagonoma"),
    ],
)
def test_a_neighbour_compared_with_ones_own_tumor_is_declined_naming_that_tumor(
    spanish: str, own: str
) -> None:
    # The neighbour told first is the side asked about, even when the asking sentence names
    # only the person's own tumor (a review: a carcinoid of the ileum got the insulinoma's
    # treatment as if it were the topic); the own tumor is the closest covered topic.
    reply = answer(spanish)
    assert not reply.in_scope and reply.reason == "near-neighbour"
    assert reply.closest[0].passage_id == f"tumor-type:{own}#patient"


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("my uncle has a carcinoid of the ileum. is the treatment the same as for mine?", True),
        ("ileal carcinoid, same management as a pnet?", True),
        ("is a carcinoid of the ileum treated the same as an insulinoma?", True),
        # Both sides named after the comparing word: the story's neighbour is not a side.
        ("my aunt has men2a. what is the difference between men1 and an insulinoma?", False),
        ("what is the difference between an insulinoma and men1?", False),
    ],
)
def test_a_comparison_compares_the_neighbour_told_before_it(question: str, compared: bool) -> None:
    patterns = [re.compile(r"\bcarcinoids?( of the ileum)?\b|\bileal carcinoid\b|\bmen ?2a?\b")]
    assert focus.compares_neighbour(question, patterns) is compared


@pytest.mark.parametrize(
    ("question", "about"),
    [
        ("my family has men2a. will we get pancreas tumors too?", True),
        ("my sister has men2, can she develop a pancreatic tumor?", True),
        # A tumor type named asks about that type; the neighbour asked about is asked about.
        ("my sister has men2, could her spells be an insulinoma?", False),
        ("my sister has men2. how are her pancreas tumors treated?", False),
    ],
)
def test_a_tumor_of_the_pancreas_asked_to_come_with_a_told_neighbour_is_its_risk(
    question: str, about: bool
) -> None:
    patterns = [re.compile(r"\bmen ?2a?\b")]
    part = focus.asking_parts(question)[-1]
    assert focus._comes_with(question, part, patterns) is about
