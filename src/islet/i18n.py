"""Interface strings in the patient's language, through gettext (Babel catalogs).

The strings of the web pages and the command line are marked ``_("...")`` (``{% trans %}`` in
templates) and translated from ``src/islet/locale/<lang>/LC_MESSAGES/messages.po``. The committed
``.po`` catalog is compiled with Babel the first time a language is used (in memory: nothing is
written). English is the source language and needs no catalog. Medical text never goes through
gettext: it lives in ``knowledge/`` (``knowledge/es/`` for Spanish).

Which language: ``--lang`` or ``ISLET_LANG`` on the command line, ``?lang=`` or ``Accept-Language``
on the API, ``?lang=`` on web pages (see :mod:`islet.language`).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ValidatorFunctionWrapHandler, WrapValidator

from islet import settings
from islet.errors import IsletError
from islet.language import DEFAULT, LANGUAGES, Language, parse_language
from islet.messages import N_ as N_
from islet.messages import Message, said

T = TypeVar("T")

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
ENVIRONMENT_VARIABLE = settings.name("lang")


def catalog_path(language: Language) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: Language) -> gettext.NullTranslations:
    """The gettext translations of ``language``, compiled from its committed ``.po`` file."""
    if language == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    path = catalog_path(language)
    try:
        with path.open("rb") as po:
            catalog = read_po(po, locale=language, domain=DOMAIN)
    except OSError as error:
        raise IsletError(f"the {language} interface catalog is missing: {path}") from error
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_for(language: Language) -> Callable[[str], str]:
    """The ``_`` function of ``language``."""
    return translations(language).gettext


def localized(text: object, language: Language) -> str:
    """A message (or a string marked ``N_``) in ``language``; other text as it is."""
    gettext = gettext_for(language)
    if isinstance(text, Message):
        return text.translated(gettext, language)
    return gettext(str(text))


def error_text(error: BaseException, language: Language) -> str:
    """What an error says, in ``language`` (``str(error)`` in English)."""
    return localized(said(error), language)


def localize(value: T, language: Language) -> T:
    """``value`` with every :class:`Message` in it (in models, lists and dicts) in ``language``;
    keys, ids and everything else unchanged."""
    if language == "en":
        return value
    return _localize(value, gettext_for(language), language)  # type: ignore[no-any-return]


def _localize(value: Any, gettext: Callable[[str], str], language: Language) -> Any:
    if isinstance(value, Message):
        return value.translated(gettext, language)
    if isinstance(value, BaseModel):
        changed = {
            name: _localize(item, gettext, language)
            for name, item in value.__dict__.items()
            if _holds_message(item)
        }
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, list):
        return [_localize(item, gettext, language) for item in value]
    if isinstance(value, tuple):
        return tuple(_localize(item, gettext, language) for item in value)
    if isinstance(value, dict):
        return {key: _localize(item, gettext, language) for key, item in value.items()}
    return value


def _holds_message(value: Any) -> bool:
    if isinstance(value, Message):
        return True
    if isinstance(value, BaseModel):
        return any(_holds_message(item) for item in value.__dict__.values())
    if isinstance(value, list | tuple):
        return any(_holds_message(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_message(item) for item in value.values())
    return False


def _keep_message(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    return value if isinstance(value, Message) else handler(value)


# A model's text field that keeps a :class:`Message` as it is (pydantic would make it a plain
# ``str``), so an interface can still show it in the reader's language. Its schema is ``string``.
Text = Annotated[str, WrapValidator(_keep_message)]


def chosen_language(value: str | None = None) -> Language:
    """The language asked for (``--lang``), else ``ISLET_LANG``, else English.

    Raises IsletError naming the choices when the value is not a language Islet speaks."""
    for given, where in ((value, "--lang"), (settings.current().lang, ENVIRONMENT_VARIABLE)):
        if given:
            language = parse_language(given)
            if language is None:
                choices = ", ".join(LANGUAGES)
                raise IsletError(f"{where} must be one of {choices} (got {given!r})")
            return language
    return DEFAULT
