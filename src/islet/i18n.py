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

from islet import settings
from islet.errors import IsletError
from islet.language import DEFAULT, LANGUAGES, Language, parse_language
from islet.messages import N_ as N_

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
ENVIRONMENT_VARIABLE = settings.LANG.name


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


def chosen_language(value: str | None = None) -> Language:
    """The language asked for (``--lang``), else ``ISLET_LANG``, else English.

    Raises IsletError naming the choices when the value is not a language Islet speaks."""
    for given, where in ((value, "--lang"), (settings.LANG.read(), settings.LANG.name)):
        if given:
            language = parse_language(given)
            if language is None:
                choices = ", ".join(LANGUAGES)
                raise IsletError(f"{where} must be one of {choices} (got {given!r})")
            return language
    return DEFAULT
