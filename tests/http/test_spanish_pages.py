"""The patient pages in Spanish (issue 17): with ``?lang=es`` a page's own interface words come
from the gettext catalog, so its <main> reads in Spanish and none of its English wording is left;
every string marked in the templates and the Python sources has a Spanish translation with the
same placeholders."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from islet.i18n import catalog_path
from tests.trials_helpers import net_store

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")

RADIANT = "NCT00510068"
SCREENING = {"age": "50", "sex": "female", "tumor_type": "insulinoma", "grade": "2"}
ENGLISH_RECORDS = "Los estudios se muestran como los publica ClinicalTrials.gov, en inglés."

# page (GET, or POST with form data) -> English words it must no longer show in Spanish, and the
# Spanish words it shows instead.
PAGES: list[tuple[str, dict[str, str] | None, list[str], list[str]]] = [
    (
        "/",
        None,
        ["in plain words", "I have a diagnosis", "I have symptoms", "Read more"],
        ["con palabras sencillas", "Tengo un diagnóstico", "Tengo síntomas"],
    ),
    (
        "/ask",
        None,
        ["Ask a question", "Your question", "For example", "What is a Whipple?"],
        ["Haga una pregunta", "Su pregunta", "¿Qué es la operación de Whipple?"],
    ),
    (
        "/ask",
        {"q": "¿puede volver un insulinoma?"},
        ["What the summary says", "closest to your question", "Source: PDQ"],
        ["Lo que dice el resumen", "Fuente: versión del PDQ"],
    ),
    (
        "/symptoms",
        None,
        ["What do you notice?", "Or tick signs", "Explain", "Get urgent medical care"],
        ["¿Qué nota usted?", "O marque signos de las listas del PDQ", "Explicar"],
    ),
    (
        "/symptoms",
        {"text": "diarrea acuosa"},
        ["What Islet found", "signs on this list", "Tumor types:"],
        ["Lo que encontró Islet", "signos de esta lista"],
    ),
    (
        "/guide",
        None,
        ["Treatment guide · question", "Every question is optional", "Next", "Start again"],
        ["Guía de tratamiento · pregunta 1", "Todas las preguntas son opcionales", "Siguiente"],
    ),
    (
        "/guide/options?tumor_type=insulinoma&tumor_count=single&sites=tail",
        None,
        ["Treatment options PDQ lists", "Please note", "What you told Islet", "Why it is listed"],
        ["Opciones de tratamiento que enumera el PDQ", "Tenga en cuenta", "Por qué se enumera"],
    ),
    (
        "/guide/sheet?tumor_type=gastrinoma&sites=head",
        None,
        ["Print this sheet", "Download as PDF", "For my appointment", "Parts I chose"],
        ["Imprimir esta hoja", "Descargar en PDF", "Para mi cita", "Partes del páncreas que elegí"],
    ),
    (
        "/tests?type=insulinoma",
        None,
        ["Tests to find", "Show tests", "Looks for:", "How to prepare:"],
        ["Pruebas para encontrar y diagnosticar", "Busca:", "Cómo prepararse:"],
    ),
    ("/tests/mri", None, ["What it looks for", "All tests"], ["Qué busca", "Todas las pruebas"]),
    (
        "/types",
        None,
        [
            "Types of pancreatic",
            "Makes extra hormone",
            "vasoactive intestinal peptide",
            "adrenocorticotropic",
        ],
        [
            "Produce hormonas de más: gastrina",
            "No produce hormonas de más",
            "péptido intestinal vasoactivo (VIP)",
        ],
    ),
    (
        "/types/gastrinoma",
        None,
        [
            "Makes extra hormone?",
            "Benign or malignant",
            "Read more",
            "Liver",
            "Zollinger-Ellison syndrome",
        ],
        [
            "¿Produce hormonas de más?",
            "Benigno o maligno",
            "Hígado",
            "Síndrome de Zollinger-Ellison",
        ],
    ),
    (
        "/types/vipoma",
        None,
        ["vasoactive intestinal peptide", "Verner-Morrison syndrome", "What affects the outlook"],
        ["Sí: péptido intestinal vasoactivo (VIP)", "Síndrome de Verner-Morrison, síndrome WDHA"],
    ),
    ("/types/no-such-type", None, ["Not found"], ["No se encontró"]),
    ("/treatments", None, ["Types of treatment", "The kinds of"], ["Tipos de tratamiento"]),
    (
        "/treatments/enucleation",
        None,
        ["A kind of", "What PDQ says about", "All types of treatment"],
        ["Un tipo de", "Todos los tipos de tratamiento"],
    ),
    (
        "/glossary",
        None,
        ["Find a word", "All words", "Medical words used"],
        ["Buscar una palabra", "Todas las palabras"],
    ),
    (
        "/glossary?q=zzzz",
        None,
        ["No word in the glossary", "Words that fit"],
        ["Ninguna palabra del glosario coincide"],
    ),
    (
        "/patterns/vip-excess",
        None,
        ["Signs PDQ lists", "can feel like", "many common causes"],
        ["Signos que enumera el PDQ", "Solo un médico"],
    ),
    (
        "/summary",
        None,
        ["Patient version", "Updated:", "On this page", "How to cite"],
        ["Versión para pacientes", "Actualizado:", "Cómo citar", " de 2025"],
    ),
    (
        "/trials",
        None,
        [
            "Find clinical trials for",
            "Every filter is optional",
            "Recruitment status",
            "studies found",
        ],
        [
            "Buscar ensayos clínicos para tumores neuroendocrinos de páncreas",
            "Búsqueda de participantes",
            ENGLISH_RECORDS,
        ],
    ),
    (
        "/trials?type=insulinoma&status=RECRUITING&near=55905&radius=3000",
        None,
        ["Nearest recruiting site", "miles away", "Add NCT", "Make my shortlist", "Who can join"],
        [
            "Centro más cercano que busca participantes",
            "Hacer mi lista de estudios",
            "Busca participantes",
        ],
    ),
    (
        f"/trials/{RADIANT}",
        None,
        ["Clinical trial ·", "Who can take part", "Official title", "Study record", "Tumor grade"],
        ["Ensayo clínico ·", "Quién puede participar", "Grado del tumor", ENGLISH_RECORDS],
    ),
    (
        f"/trials/{RADIANT}/screening",
        SCREENING,
        ["What Islet could read", "Criteria Islet cannot read", "The record says", "Not met"],
        ["Lo que Islet pudo leer en los criterios", "El registro dice", "No se cumple"],
    ),
    (
        f"/trials/shortlist?nct={RADIANT}",
        None,
        ["My clinical trial shortlist", "Questions I could ask", "Print this list"],
        ["Mi lista de estudios elegidos", "Preguntas que yo podría hacerle al equipo del estudio"],
    ),
    ("/trials/NCT00000001", None, ["Study not found"], ["No se encontró el estudio"]),
    (
        "/no-such-page",
        None,
        ["Page not found", "There is no page", "Go to the start page"],
        ["No se encontró la página", "Ir a la página de inicio"],
    ),
]

# The English page of a POSTed row is asked the same thing in English.
ENGLISH_FORMS = {
    "/ask": {"q": "Can an insulinoma come back?"},
    "/symptoms": {"text": "watery diarrhea"},
    f"/trials/{RADIANT}/screening": SCREENING,
}


@pytest.fixture(scope="module")
def saved_trials(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return net_store(tmp_path_factory.mktemp("trials") / "trials.sqlite")


@pytest.fixture(autouse=True)
def _trial_records(saved_trials: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The trial pages read the constructed NET study records."""
    monkeypatch.setenv("ISLET_TRIALS_DB", str(saved_trials))


def _main_text(page: str) -> str:
    main = re.search(r"<main\b.*?</main>", page, re.S)
    assert main, "the page has no <main>"
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main.group(0))))


def _fetch(web: TestClient, path: str, form: dict[str, str] | None, lang: str | None) -> str:
    address = f"{path}{'&' if '?' in path else '?'}lang={lang}" if lang else path
    if form is None:
        return web.get(address).text
    return web.post(address, data=form).text


@pytest.mark.parametrize(("path", "form", "english", "spanish"), PAGES)
def test_a_patient_page_in_spanish_reads_in_spanish(
    web: TestClient,
    path: str,
    form: dict[str, str] | None,
    english: list[str],
    spanish: list[str],
) -> None:
    text = _main_text(_fetch(web, path, form, "es"))
    assert [phrase for phrase in english if phrase in text] == []
    assert [phrase for phrase in spanish if phrase not in text] == []


@pytest.mark.parametrize(("path", "form", "english", "spanish"), PAGES)
def test_the_same_page_in_english_keeps_its_english_words(
    web: TestClient,
    path: str,
    form: dict[str, str] | None,
    english: list[str],
    spanish: list[str],
) -> None:
    text = _main_text(_fetch(web, path, form and ENGLISH_FORMS[path], None))
    assert [phrase for phrase in english if phrase not in text] == []


def _catalog_messages() -> dict[object, object]:
    with catalog_path("es").open("rb") as po:
        return {m.id: m.string for m in read_po(po, locale="es") if m.id}


def _marked() -> set[object]:
    method_map = [("src/islet/**.py", "python"), ("src/islet/web/templates/**.html", "jinja2")]
    options = {"src/islet/web/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    return {message for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options)}


def test_every_marked_string_and_plural_form_has_spanish_with_the_same_placeholders() -> None:
    catalog = _catalog_messages()
    faults = []
    for message in sorted(_marked(), key=str):
        ids = message if isinstance(message, tuple) else (message,)
        key = ids[0] if len(ids) == 1 else tuple(ids)
        forms = catalog.get(key)
        strings = forms if isinstance(forms, tuple) else (forms,)
        wanted = {p for i in ids for p in PLACEHOLDER.findall(i)}
        if not all(strings) or any(set(PLACEHOLDER.findall(str(s))) != wanted for s in strings):
            faults.append(message)
    assert faults == []


def test_the_trial_search_without_records_points_elsewhere_in_spanish(
    web: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(
        "ISLET_TRIALS_DB", str(tmp_path / "none.sqlite")
    )  # the registry is unreachable
    english = ["could not search ClinicalTrials.gov", "Where to search for a trial", "try Islet's"]
    assert [p for p in english if p not in _main_text(_fetch(web, "/trials", None, None))] == []
    text = _main_text(_fetch(web, "/trials", None, "es"))
    assert [phrase for phrase in english if phrase in text] == []
    assert "Islet no pudo buscar en ClinicalTrials.gov" in text
    assert "Dónde buscar un ensayo clínico" in text
