"""The diagnostic test explainer: what each test is, what it looks for, and how to get ready.

:func:`tests_for` lists PDQ's general tests and the type-specific lab tests, all of them or those
for one tumor type, in plain language. The tests are the ``tests`` collection of the knowledge
base; the fixed texts are ``knowledge/explain/tests-explainer.yaml``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from islet.kb import KnowledgeBase, load_data_file
from islet.language import Language
from islet.model import Audience, DiagnosticTest, Source, Strict, plain_text
from islet.paths import knowledge_file
from islet.translations import in_language

TEXTS_FILE = knowledge_file("explain", "tests-explainer.yaml")
SPANISH_TEXTS_FILE = knowledge_file("es", "explain", TEXTS_FILE.name)


class ExplainerTexts(Strict):
    source: Source
    general_note: str
    specific_note: str
    no_specific_tests: str
    no_preparation: str


@cache
def texts(path: Path = TEXTS_FILE) -> ExplainerTexts:
    """The fixed texts; raises KnowledgeError when missing or invalid."""
    return load_data_file(path, ExplainerTexts, f"explain/{path.name}")


def texts_in(language: Language) -> ExplainerTexts:
    """The fixed texts in ``language`` (Spanish: ``knowledge/es/explain/``)."""
    if language == "en":
        return texts()
    return load_data_file(SPANISH_TEXTS_FILE, ExplainerTexts, f"es/explain/{TEXTS_FILE.name}")


class TumorTypeRef(Strict):
    id: str
    name: str


class TestInfo(Strict):
    """One test, explained for the audience."""

    __test__ = False  # not a pytest test class, despite the name

    id: str
    name: str
    aliases: list[str]
    scope: str
    what_it_is: str  # the plain explanation (glossary marks resolved)
    marked_text: str  # the same with [[glossary]] marks, for interfaces that link terms
    looks_for: str
    fasting_hours: int | None
    preparation: str  # how to get ready, or that PDQ does not say
    for_every_type: bool  # a general test: PDQ lists it for every kind of pancreatic NET
    used_for: list[TumorTypeRef]  # tumor types whose own PDQ list names the test
    professional: str | None  # professional detail, only in the professional view
    source: Source
    professional_source: Source | None


class TestsResult(Strict):
    """The tests for one tumor type (or for all types when ``tumor_type`` is None)."""

    __test__ = False  # not a pytest test class, despite the name

    tumor_type: TumorTypeRef | None
    general_note: str
    general: list[TestInfo]
    specific_note: str
    type_specific: list[TestInfo]
    audience: Audience


def tests_for(
    tumor_type: str | None = None,
    audience: Audience = "patient",
    kb: KnowledgeBase | None = None,
    language: Language = "en",
) -> TestsResult:
    """The diagnostic tests a person with ``tumor_type`` may have, in PDQ order.

    ``tumor_type`` is a tumor type id, name or alias (``"insulinoma"``, ``"VIPoma"``); ``None``
    lists every test. General tests apply to every type and are always listed; type-specific
    tests are those whose ``used_for`` names the type, in the order of PDQ's list for that type
    (a general test PDQ repeats there, such as SRS for gastrinoma, comes last). Professional
    text (diagnostic thresholds) is included only for ``audience="professional"``. Raises
    UnknownTerm with close matches for an unknown tumor type. ``language`` "es" gives the
    fixed texts in Spanish and, without ``kb``, the tests' texts in Spanish where translated (a
    given ``kb`` is used as it is); the professional view stays English.
    """
    if audience == "professional":
        language = "en"
    kb = kb or in_language(language)
    fixed = texts_in(language)
    chosen = kb.tumor_type(tumor_type) if tumor_type is not None else None
    tests = list(kb.tests.values())
    general = [t for t in tests if t.scope == "general"]
    specific = [
        t
        for t in tests
        if t.scope == "type-specific" and (chosen is None or chosen.id in t.used_for)
    ]
    if chosen is not None:
        # PDQ repeats some general tests in a type's own list (SRS for gastrinoma and
        # somatostatinoma), after the type's lab tests; mirror that list.
        specific += [t for t in general if chosen.id in t.used_for]
    return TestsResult(
        tumor_type=TumorTypeRef(id=chosen.id, name=chosen.name) if chosen else None,
        general_note=fixed.general_note,
        general=[_info(kb, t, audience, fixed) for t in general],
        specific_note=fixed.specific_note if specific else fixed.no_specific_tests,
        type_specific=[_info(kb, t, audience, fixed) for t in specific],
        audience=audience,
    )


def _info(
    kb: KnowledgeBase, test: DiagnosticTest, audience: Audience, fixed: ExplainerTexts
) -> TestInfo:
    professional = audience == "professional"
    return TestInfo(
        id=test.id,
        name=test.name,
        aliases=test.aliases,
        scope=test.scope,
        what_it_is=plain_text(test.patient),
        marked_text=test.patient,
        looks_for=plain_text(test.looks_for),
        fasting_hours=test.fasting_hours,
        preparation=plain_text(test.preparation) if test.preparation else fixed.no_preparation,
        for_every_type=test.scope == "general",
        used_for=[
            TumorTypeRef(id=t, name=kb.tumor_types[t].name)
            for t in test.used_for
            if t in kb.tumor_types
        ],
        professional=test.professional if professional else None,
        source=test.source,
        professional_source=test.professional_source if professional else None,
    )
