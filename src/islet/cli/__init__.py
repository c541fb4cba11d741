"""The `islet` command line: thin Typer commands over the core library (no medical logic here).

One module per command group (``knowledge``, ``guide``, ``explain``, ``calculators``, ``ask``,
``evaluate``, ``review``, ``trials``, ``serve``), joined here and imported only when
one of its commands runs, so ``islet show`` never pays for the Ask, guide or trials stacks.
``IsletGroup`` is the one place an Islet error becomes a message and an exit code.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.main
from rich.console import Console
from rich.markup import escape
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click import Command  # typer's own copy of click

from islet import __version__
from islet.errors import IsletError, outcome
from islet.language import Language

# Every command as (module, function or Typer group), in the order `islet --help` lists them
# (groups last, as Typer lists them).
# A module is imported only when its command runs (or when help lists them all): `islet show`
# never loads the guide, safety, trials or Ask stacks.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("knowledge", "check_command"),
    "show": ("knowledge", "show_command"),
    "treatments": ("knowledge", "treatments_command"),
    "types": ("knowledge", "types_command"),
    "glossary": ("knowledge", "glossary_command"),
    "cite": ("knowledge", "cite_command"),
    "guide": ("guide", "guide_command"),
    "symptoms": ("explain", "symptoms_command"),
    "tests": ("explain", "tests_command"),
    "stage": ("calculators", "stage_command"),
    "grade": ("calculators", "grade_command"),
    "serve": ("serve", "serve_command"),
    "ask": ("ask", "ask_command"),
    "review": ("review", "review_command"),
    "export-static": ("serve", "export_static_command"),
    "trials": ("trials", "trials_app"),
    "eval": ("evaluate", "eval_app"),
}


def load_command(name: str) -> Command:
    """The click command ``islet NAME`` runs, importing its module now."""
    module_name, attribute = COMMANDS[name]
    target = getattr(importlib.import_module(f"islet.cli.{module_name}"), attribute)
    holder = typer.Typer(add_completion=False)  # completion options belong to the root only
    if isinstance(target, typer.Typer):  # a group of subcommands
        holder.add_typer(target, name=name)
        group = typer.main.get_command(holder)
        assert isinstance(group, TyperGroup)
        command = group.commands[name]
    else:
        holder.command(name)(target)
        command = typer.main.get_command(holder)
    command.name = name
    return command


class LazyCommands(MutableMapping[str, "Command"]):
    """The root group's commands, each loaded on first use."""

    def __init__(self) -> None:
        self._loaded: dict[str, Command] = {}
        self._names = list(COMMANDS)

    def __getitem__(self, name: str) -> Command:
        if name not in self._loaded:
            if name not in self._names:
                raise KeyError(name)
            self._loaded[name] = load_command(name)
        return self._loaded[name]

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in self._names:
            self._names.append(name)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)


def _language(args: list[str]) -> Language:
    """The language the command was asked for: its ``--lang`` (read from the raw arguments, so
    that it is known even when reading them failed before the option was), else
    ``ISLET_LANG``, else English."""
    from islet.language import parse_language
    from islet.settings import current

    for given in (_lang_argument(args), current(lenient=True).lang):
        language = parse_language(given)
        if language is not None:
            return language
    return "en"


def _lang_argument(args: list[str]) -> str | None:
    """The value of ``--lang`` among a command line's raw arguments, if any (the last one, as
    click reads a repeated option)."""
    value = None
    for position, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        elif arg == "--lang" and position + 1 < len(args):
            value = args[position + 1]
    return value


class IsletGroup(TyperGroup):
    """The root command group: an Islet error in any command becomes a message and its exit
    code from ``errors.OUTCOMES`` (2 for every Islet error).

    Doing this here rather than in ``main`` gives the same exit code and message to every
    caller of ``app``, including test runners that invoke it directly.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands()

    def invoke(self, ctx: Any) -> Any:  # typer types it with its private vendored Context
        args = [*ctx._protected_args, *ctx.args]
        try:
            return super().invoke(ctx)
        except IsletError as error:
            from islet.cli.output import errors, print_help_first
            from islet.i18n import error_text

            print_help_first(error.safety, errors)  # the words typed signalled one: help first

            message = escape(error_text(error, _language(args)))
            Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False)
            raise typer.Exit(outcome(error).exit_code) from None
        except UsageError as error:
            # click's own errors (a missing argument, an unknown option): Typer shows them in
            # English; in another language they are shown here, with the same exit code.
            language = _language(args)
            if language == "en" or isinstance(error, NoArgsIsHelpError):
                raise
            from islet.cli.usage import show_usage_error

            show_usage_error(error, language)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    cls=IsletGroup,
    help="Islet: PDQ knowledge about pancreatic neuroendocrine tumors (islet cell tumors).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"islet {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="print the version and exit"
        ),
    ] = False,
) -> None:
    """Islet: PDQ knowledge about pancreatic neuroendocrine tumors (islet cell tumors)."""


def main() -> None:
    """Entry point (``islet``): errors are mapped by ``IsletGroup``, never a traceback."""
    app()
