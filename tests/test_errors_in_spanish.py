"""Bad input on the patient paths, asked in Spanish (issue 17): the message a person reads is
Spanish; the JSON keys, ``type``, ``field``, status codes and exit codes are what they are in
English. One table per interface, each row a bad input with the Spanish words it must show and
the English words (pydantic's, click's or Islet's) it shows without a language."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from typer.testing import CliRunner

from islet.cli import app
from islet.i18n import localized
from islet.messages import Message
from islet.validation import template_for, validation_message

GUIDE_TYPES = (
    "'gastrinoma', 'insulinoma', 'glucagonoma', 'vipoma', 'somatostatinoma', 'other', "
    "'nonfunctional' or 'acth-secreting'"
)

# (method, path, body, field at fault, Spanish words, English words)
API_ROWS: list[tuple[str, str, Any, str, str, str]] = [
    (
        "POST",
        "/api/v1/symptoms",
        {},
        "body",
        "Escriba lo que nota o dé al menos un id de síntoma",
        "Value error, give text or at least one symptom id",
    ),
    ("POST", "/api/v1/symptoms", {"text": 5}, "text", "Debe ser un texto", "valid string"),
    (
        "POST",
        "/api/v1/symptoms",
        {"text": "x" * 2001},
        "text",
        "Puede tener como máximo 2000 caracteres",
        "String should have at most 2000 characters",
    ),
    (
        "POST",
        "/api/v1/symptoms",
        {"symptoms": ["diarrhea"] * 51},
        "symptoms",
        "Puede tener como máximo 50 elementos, no 51",
        "List should have at most 50 items after validation, not 51",
    ),
    (
        "POST",
        "/api/v1/symptoms",
        {"text": "shaky", "mood": "low"},
        "mood",
        "Islet no conoce este dato",
        "Extra inputs are not permitted",
    ),
    (
        "POST",
        "/api/v1/guide",
        {"tumor_type": "foo"},
        "tumor_type",
        "Debe ser 'gastrinoma', 'insulinoma', 'glucagonoma', 'vipoma', 'somatostatinoma', "
        "'other', 'nonfunctional' o 'acth-secreting'",
        f"Input should be {GUIDE_TYPES}",
    ),
    (
        "POST",
        "/api/v1/guide",
        {"men1": "yes"},
        "men1",
        "Debe ser true (sí) o false (no)",
        "Input should be a valid boolean",
    ),
    ("POST", "/api/v1/guide", {"size_cm": 2}, "size_cm", "Islet no conoce", "Extra inputs"),
    (
        "POST",
        "/api/v1/guide",
        "{not json",
        "body",
        "No se puede leer el JSON enviado",
        "JSON decode error",
    ),
    (
        "POST",
        "/api/v1/guide",
        {"tumor_count": "none_found", "size": "small"},
        "size",
        "no se encontró ningún tumor, así que no se puede dar un tamaño",
        "no tumor was found, so no size can be given",
    ),
    ("GET", "/api/v1/ask", None, "q", "Falta este dato", "Field required"),
    ("GET", "/api/v1/ask?q=hola&limit=50", None, "limit", "Debe ser 10 o menos", "less than"),
    (
        "GET",
        "/api/v1/ask?q=hola&limit=abc",
        None,
        "limit",
        "Debe ser un número entero",
        "Input should be a valid integer",
    ),
]


def _ask(web: TestClient, method: str, path: str, body: Any, how: str | None) -> Any:
    headers = {"content-type": "application/json"}
    if how == "accept-language":
        headers["accept-language"] = "es-MX,es;q=0.9,en;q=0.5"
    elif how == "lang":
        path += ("&" if "?" in path else "?") + "lang=es"
    content = body if isinstance(body, str) else None
    return web.request(
        method,
        path,
        headers=headers,
        content=content,
        json=None if isinstance(body, str) or body is None else body,
    )


@pytest.mark.parametrize(("method", "path", "body", "field", "spanish", "english"), API_ROWS)
@pytest.mark.parametrize("how", ["lang", "accept-language"])
def test_an_api_validation_error_reads_in_spanish_and_keeps_its_shape(
    web: TestClient,
    method: str,
    path: str,
    body: Any,
    field: str,
    spanish: str,
    english: str,
    how: str,
) -> None:
    english_answer = _ask(web, method, path, body, None)
    spanish_answer = _ask(web, method, path, body, how)
    en, es = english_answer.json(), spanish_answer.json()
    assert (spanish_answer.status_code, english_answer.status_code) == (422, 422)
    assert spanish_answer.headers["content-type"] == "application/problem+json"
    assert (set(es), es["type"], es["status"], es["field"]) == (set(en), en["type"], 422, field)
    assert [(e["field"], e["in"]) for e in es["errors"]] == [
        (e["field"], e["in"]) for e in en["errors"]
    ]
    assert (en["title"], es["title"]) == ("Unprocessable Entity", "Datos que no se pueden usar")
    shown = " ".join([es["detail"], *(e["message"] for e in es["errors"])])
    assert spanish in shown
    assert english in " ".join([en["detail"], *(e["message"] for e in en["errors"])])
    assert english not in shown


@pytest.mark.parametrize(
    ("path", "status", "title"),
    [
        ("/api/v1/glossary/no-such-word", 404, "No encontrado"),
        ("/api/v1/no-such-route", 404, "No encontrado"),
        ("/api/v1/ask?q=...", 422, "Datos que no se pueden usar"),
    ],
)
def test_other_api_errors_have_a_spanish_title_and_the_same_status(
    web: TestClient, path: str, status: int, title: str
) -> None:
    english = web.get(path)
    spanish = web.get(path, headers={"accept-language": "es"})
    assert (english.status_code, spanish.status_code) == (status, status)
    assert spanish.json()["title"] == title
    assert set(spanish.json()) == set(english.json())


# (arguments, Spanish words, English words): every row exits 2 in both languages.
CLI_ROWS: list[tuple[list[str], str, str]] = [
    (["symptoms"], "Falta 'text': escríbalo después del nombre del comando", "Missing argument"),
    (["ask"], "Falta 'question'", "Missing argument 'question'"),
    (
        ["ask", "hola", "-n", "50"],
        "Valor no válido en '--limit' / '-n': Debe ser 10 o menos",
        "less",
    ),
    (["ask", "hola", "-n", "abc"], "Debe ser un número entero", "valid integer"),
    (
        ["ask", "hola", "--audience", "nobody"],
        "'nobody' no es una de estas opciones: 'patient', 'professional'",
        "is not one of",
    ),
    (["ask", "qué", "es", "whipple"], "póngalas entre comillas", "unexpected extra argument"),
    (["show", "insulinoma", "glucagonoma"], "Sobra algo en el comando", "unexpected extra"),
    (["tests", "--bogus"], "No existe la opción --bogus", "No such option: --bogus"),
    (["tests", "--json=yes"], "La opción '--json' no lleva ningún valor", "does not take a value"),
    (["guide", "--type", "foo"], "tumor_type: no puede ser 'foo'; use", "cannot be 'foo'; use"),
    (["guide", "--size", "huge"], "use 'small' o 'large'", "use 'small' or 'large'"),
    (
        ["guide", "--situation", "no-such-file.json"],
        "no se puede leer no-such-file.json: ese archivo no existe",
        "cannot read no-such-file.json",
    ),
    (["show", "insulinomma"], "Islet no reconoce", "unknown topic"),
    (["guide"], "No se dio ninguna situación", "No situation given"),
]


def _flat(text: str) -> str:
    """The output without the panel's borders and line breaks."""
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize(("args", "spanish", "english"), CLI_ROWS)
@pytest.mark.parametrize("how", ["--lang", "--lang=", "ISLET_LANG"])
def test_a_command_line_error_reads_in_spanish_with_the_same_exit_code(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    spanish: str,
    english: str,
    how: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ISLET_LANG", raising=False)
    in_english = runner.invoke(app, args)
    if how == "ISLET_LANG":
        monkeypatch.setenv("ISLET_LANG", "es")
        in_spanish = runner.invoke(app, args)
    else:
        lang = ["--lang", "es"] if how == "--lang" else ["--lang=es"]
        in_spanish = runner.invoke(app, [*args[:1], *lang, *args[1:]])
    assert (in_english.exit_code, in_spanish.exit_code) == (2, 2)
    assert english in _flat(in_english.output)
    assert spanish in _flat(in_spanish.output)
    assert english not in _flat(in_spanish.output)
    assert "Traceback" not in in_spanish.output


def test_the_spanish_usage_error_keeps_typers_three_parts(runner: CliRunner) -> None:
    shown = _flat(runner.invoke(app, ["symptoms", "--lang", "es"], prog_name="islet").output)
    assert shown.startswith("Uso: islet symptoms [OPTIONS] {text}...")
    assert "Para ver la ayuda, escriba 'islet symptoms --help'." in shown
    assert "Usage:" not in shown and "Try '" not in shown


# --- the table itself: pydantic's English, word for word, and a Spanish for each ------------


class _Sample(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    text: Annotated[str, Field(min_length=1, max_length=5)] = "x"
    words: Annotated[list[str], Field(max_length=2)] = []
    size: Literal["small", "large"] | None = None
    men1: bool | None = None
    age: Annotated[int, Field(ge=0, le=130)] = 0


class _Required(BaseModel):
    q: str


SAMPLES: list[tuple[str, Any]] = [
    ("missing", (TypeAdapter(_Required), {}, "missing")),
    ("string_type", (TypeAdapter(_Sample), {"text": 5}, "string_type")),
    ("string_too_long", (TypeAdapter(_Sample), {"text": "abcdefg"}, "string_too_long")),
    ("string_too_short", (TypeAdapter(_Sample), {"text": ""}, "string_too_short")),
    ("too_long", (TypeAdapter(_Sample), {"words": ["a", "b", "c"]}, "too_long")),
    ("literal_error", (TypeAdapter(_Sample), {"size": "huge"}, "literal_error")),
    ("bool_type", (TypeAdapter(_Sample), {"men1": "yes"}, "bool_type")),
    ("extra_forbidden", (TypeAdapter(_Sample), {"mood": 1}, "extra_forbidden")),
    ("int_type", (TypeAdapter(_Sample), {"age": "x"}, "int_type")),
    ("less_than_equal", (TypeAdapter(_Sample), {"age": 500}, "less_than_equal")),
    ("greater_than_equal", (TypeAdapter(_Sample), {"age": -1}, "greater_than_equal")),
    ("int_parsing", (TypeAdapter(int), "abc", "int_parsing")),
    ("float_parsing", (TypeAdapter(float), "abc", "float_parsing")),
    ("list_type", (TypeAdapter(list[str]), "abc", "list_type")),
]


@pytest.mark.parametrize(("name", "sample"), SAMPLES, ids=[name for name, _ in SAMPLES])
def test_a_pydantic_message_is_pydantics_in_english_and_the_catalogs_in_spanish(
    name: str, sample: tuple[TypeAdapter[Any], Any, str]
) -> None:
    adapter, value, kind = sample
    with pytest.raises(ValidationError) as refused:
        adapter.validate_python(value)
    detail = refused.value.errors()[0]
    assert detail["type"] == kind
    message = validation_message(detail)
    assert str(message) == detail["msg"]
    assert localized(message, "en") == detail["msg"]
    # The catalog's id is pydantic's template: filled in, it is pydantic's message.
    template = template_for(kind, detail.get("ctx", {}))
    assert template is not None
    assert str(Message(template.msgid, **detail.get("ctx", {}))) == detail["msg"]
    spanish = localized(message, "es")
    assert spanish and spanish != detail["msg"]


def test_an_error_type_the_table_does_not_list_reads_as_a_general_sentence() -> None:
    detail = {"type": "uuid_parsing", "msg": "Input should be a valid UUID", "ctx": {}}
    message = validation_message(detail)
    assert (str(message), localized(message, "es")) == (
        "Input should be a valid UUID",
        "Este valor no es válido",
    )


def test_a_repeated_lang_reads_the_error_in_the_last_one_as_click_does(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--lang", "en", "--lang", "es", "insulinomma"])
    assert result.exit_code == 2 and "Islet no reconoce" in _flat(result.output)
