"""The `islet` command line: thin Typer commands over the core library (no medical logic here).

One module per command group (``knowledge``, ``guide``, ``explain``, ``calculators``, ``ask``,
``safety``, ``review``, ``export``, ``trials``, ``serve``), joined here. Each command imports
its engine inside the function, so ``islet show`` never pays for the Ask or trials stacks.
``IsletGroup`` is the one place an Islet error becomes a message and an exit code.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from islet import __version__
from islet.cli.ask import ask_command, eval_app
from islet.cli.calculators import grade_command, stage_command
from islet.cli.explain import symptoms_command, tests_command
from islet.cli.export import export_static_command
from islet.cli.guide import guide_command
from islet.cli.knowledge import (
    check_command,
    cite_command,
    glossary_command,
    show_command,
    treatments_command,
    types_command,
)
from islet.cli.review import review_command
from islet.cli.safety import eval_safety_command
from islet.cli.serve import serve_command
from islet.cli.trials import trials_app
from islet.errors import IsletError, outcome


class IsletGroup(TyperGroup):
    """The root command group: an Islet error in any command becomes a message and its exit
    code from ``errors.OUTCOMES`` (2 for every Islet error).

    Doing this here rather than in ``main`` gives the same exit code and message to every
    caller of ``app``, including test runners that invoke it directly.
    """

    def invoke(self, ctx: Any) -> Any:  # typer types it with its private vendored Context
        try:
            return super().invoke(ctx)
        except IsletError as error:
            Console(stderr=True).print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
            raise typer.Exit(outcome(error).exit_code) from None


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


app.command("check")(check_command)
app.command("show")(show_command)
app.command("treatments")(treatments_command)
app.command("types")(types_command)
app.command("glossary")(glossary_command)
app.command("cite")(cite_command)
app.command("guide")(guide_command)
app.command("symptoms")(symptoms_command)
app.command("tests")(tests_command)
app.command("stage")(stage_command)
app.command("grade")(grade_command)
app.command("serve")(serve_command)
app.add_typer(trials_app, name="trials")
app.command("ask")(ask_command)
eval_app.command("safety")(eval_safety_command)
app.add_typer(eval_app, name="eval")
app.command("review")(review_command)
app.command("export-static")(export_static_command)


def main() -> None:
    """Entry point (``islet``): errors are mapped by ``IsletGroup``, never a traceback."""
    app()
