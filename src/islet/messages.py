"""``N_``: marks an interface message for the gettext catalog where it is defined.

The core builds sentences for people (an error, a screening point, "people aged 18 years and
older") without knowing who will read them. ``N_("give a number from {low} to {high}", low=0,
high=130)`` returns a :class:`Message`: a string that reads as the English text, filled in, and
that remembers its catalog id and parameters, so an interface can show it in the reader's
language (:func:`islet.i18n.localized`). A parameter that is itself a ``Message`` is translated
too; any other parameter (a number, what a person typed, a registry's words) is shown as given.

This module imports nothing from Islet, so the core's lowest modules (``errors``) can mark their
messages without an import cycle, and nothing in the core needs the web or the command line.
"""

from __future__ import annotations

from collections.abc import Callable


class Message(str):
    """A message that reads as its English text and can be shown in another language.

    ``msgid`` is the catalog's id (``{name}`` placeholders) and ``params`` fill it in."""

    msgid: str
    params: dict[str, object]

    def __new__(cls, msgid: str, /, **params: object) -> Message:
        self = super().__new__(cls, msgid.format(**params) if params else msgid)
        self.msgid = msgid
        self.params = params
        return self

    def translated(self, gettext: Callable[[str], str], language: str = "en") -> str:
        """The message in ``language``, whose catalog's ``gettext`` is given (its nested
        messages too)."""
        text = self._template(gettext, language)
        if not self.params:
            return text
        shown = {
            name: value.translated(gettext, language) if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        return text.format(**shown)

    def _template(self, gettext: Callable[[str], str], language: str) -> str:
        """The text to fill in: the catalog's translation of ``msgid``."""
        return gettext(self.msgid)


def N_(message: str, /, **params: object) -> Message:
    """Mark ``message`` for the catalog where it is defined; it is translated where shown.

    With ``params``, the ``{name}`` placeholders of ``message`` are filled in."""
    return Message(message, **params)


class _Written(Message):
    """A message whose English is given as a library wrote it; other languages use ``msgid``."""

    def __new__(cls, english: str, msgid: str, /, **params: object) -> _Written:
        self = str.__new__(cls, english)
        self.msgid = msgid
        self.params = params
        return self

    def translated(self, gettext: Callable[[str], str], language: str = "en") -> str:
        return str(self) if language == "en" else super().translated(gettext, language)


def written_as(english: str, message: Message) -> Message:
    """A library's own English sentence (pydantic's, click's) that reads as ``message`` in other
    languages: English readers see exactly what the library wrote, others the catalog's words."""
    return _Written(english, message.msgid, **message.params)


def said(error: BaseException) -> str:
    """What an error says: its :class:`Message` when it was raised with one (so it can still be
    shown in the reader's language), else its text."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Message) else str(error)


def joined(parts: list[Message] | list[str], separator: Message | str) -> Message:
    """Messages joined by a separator (itself translatable, such as ``N_(" or ")``), each part
    translated on its own."""
    names = {f"p{i}": part for i, part in enumerate(parts)}
    template = "{sep}".join("{" + name + "}" for name in names)
    return _Joined(template, sep=separator, **names)


class _Joined(Message):
    """A join of messages: its template is not in the catalog, only its parts are."""

    def _template(self, gettext: Callable[[str], str], language: str) -> str:
        return self.msgid
