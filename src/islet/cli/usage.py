"""click's and Typer's own usage errors (a missing argument, an unknown option, a bad value) in
the language a command was asked for.

Typer writes these in English and checks option values with pydantic. ``SENTENCES`` lists the
English sentences Typer writes, each as a pattern and the catalog message it reads as; a value
pydantic refused is read through :mod:`islet.validation`, like the API's. In English nothing
changes: Typer shows its own error. In another language :func:`show_usage_error` prints the
same three parts Typer prints (the usage line, where to find help, the error) in that language;
the exit code stays click's (2).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from islet.i18n import gettext_for, localized
from islet.language import Language
from islet.messages import N_, Message, written_as
from islet.validation import validation_message

# Each English sentence of click and Typer a person can cause, as Typer 0.29 writes it.
SENTENCES: list[tuple[re.Pattern[str], Message]] = [
    (re.compile(pattern, re.DOTALL), message)
    for pattern, message in [
        (r"Missing argument (?P<name>.+?)\.", N_("Missing argument {name}.")),
        (r"Missing option (?P<name>.+?)\.", N_("Missing option {name}.")),
        (r"Missing parameter (?P<name>.+?)\.", N_("Missing parameter {name}.")),
        (
            r"No such option: (?P<name>\S+) \(Possible options: (?P<choices>.+)\)",
            N_("No such option: {name} (Possible options: {choices})"),
        ),
        (r"No such option: (?P<name>\S+)", N_("No such option: {name}")),
        (
            r"No such command (?P<name>.+?)\. Did you mean (?P<choices>.+)\?",
            N_("No such command {name}. Did you mean {choices}?"),
        ),
        (r"No such command (?P<name>.+?)\.", N_("No such command {name}.")),
        (
            r"Option (?P<name>'.+?') requires an argument\.",
            N_("Option {name} requires an argument."),
        ),
        (
            r"Option (?P<name>'.+?') does not take a value\.",
            N_("Option {name} does not take a value."),
        ),
        (
            r"Got unexpected extra argument.*? \((?P<values>.*)\)",
            N_("Got unexpected extra argument(s) ({values})"),
        ),
        (
            r"(?P<value>'.*?') is not one of (?P<choices>'.*')\.",
            N_("{value} is not one of {choices}."),
        ),
        (
            r"Value (?P<value>.+) is not a valid (?P<kind>\w+)\.",
            N_("Value {value} is not a valid {kind}."),
        ),
        (r"Value must be an iterable\.", N_("Value must be an iterable.")),
        (
            r"Invalid value for (?P<name>.+?): (?P<reason>.*)",
            N_("Invalid value for {name}: {reason}"),
        ),
        (r"Invalid value: (?P<reason>.*)", N_("Invalid value: {reason}")),
    ]
]


def sentence(english: str) -> Message | str:
    """One of click's or Typer's English sentences as a translatable message (the English
    unchanged when the sentence is not one of ``SENTENCES``)."""
    for pattern, message in SENTENCES:
        match = pattern.fullmatch(english)
        if match:
            return written_as(english, Message(message.msgid, **match.groupdict()))
    return english


def usage_message(error: Any) -> Message | str:
    """A click usage error (``UsageError`` of Typer's click) as a translatable message."""
    english = error.format_message()
    cause = error.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        first: dict[str, Any] = dict(cause.errors()[0])
        context: dict[str, Any] = dict(first.get("ctx") or {})
        if isinstance(context.get("error"), ValueError):  # Typer's own check of a choice
            context["error"] = ValueError(sentence(str(context["error"])))
        first["ctx"] = context
        reason = validation_message(first)
        match = re.fullmatch(r"Invalid value for (?P<name>.+?): .*", english, re.DOTALL)
        if match:
            named = N_("Invalid value for {name}: {reason}", name=match["name"], reason=reason)
            return written_as(english, named)
    return sentence(english)


def show_usage_error(error: Any, language: Language) -> None:
    """Print a click usage error as Typer does (the usage line, where to find help, the error in
    a panel), in ``language``."""
    _ = gettext_for(language)
    console = Console(stderr=True, highlight=False)
    ctx = error.ctx
    if ctx is not None:
        usage = ctx.get_usage()
        console.print(escape(re.sub(r"^Usage: ", _("Usage: "), usage)), style="yellow")
        if ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            hint = _("Try '{command}' for help.").format(command=command)
            console.print(escape(hint), style="dim")
    console.print(
        Panel(
            escape(localized(usage_message(error), language)),
            border_style="red",
            title=_("Error"),
            title_align="left",
        )
    )
