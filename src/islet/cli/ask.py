"""The ``islet ask`` command (no medical logic here): it prints what ``islet.ask.answer``
returns. Nothing a person asks is stored or logged. (``islet eval ask`` is in ``cli.evaluate``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.panel import Panel

from islet.cli.output import (
    AudienceOption,
    JsonOption,
    LangOption,
    console,
    print_json,
    requested_language,
    safety_panel,
    source_line,
)
from islet.i18n import gettext_for
from islet.language import Language, language_of

if TYPE_CHECKING:
    from islet.ask.answer import AnswerPassage


def ask_command(
    question: Annotated[str, typer.Argument(help="a question in your own words")],
    audience: AudienceOption = "patient",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10, help="passages")] = 3,
    semantic: Annotated[
        bool, typer.Option("--semantic", help="also use the optional embedding model")
    ] = False,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Answer a question from the summary, quoting the passages and their sources."""
    from islet.ask import answer  # imported here: only this command pays for the Ask stack
    from islet.ask.index import prepare

    language = requested_language(lang)
    prepare((language,) if language else ("en",))
    reply = answer(
        question,
        audience=audience,
        limit=limit,
        semantic=semantic,
        language=language,
    )
    if as_json:
        print_json(reply.model_dump(mode="json"))
        return
    spoken = language or language_of(question)
    panel = safety_panel(reply.safety, spoken)
    if panel is not None:
        console.print(panel)
        return
    _ = gettext_for(spoken)
    if not reply.in_scope:
        console.print(Panel(escape(reply.message or ""), title=_("Not covered here")))
        _print_passages(reply.closest, spoken)
        console.print(escape(reply.help))
        return
    if reply.message:  # unsure: "Did you mean ...?"
        console.print(f"[bold]{escape(reply.message)}[/bold]\n")
    if reply.understood.corrected:
        fixes = ", ".join(f"{a} → {b}" for a, b in reply.understood.corrected.items())
        console.print(f"[dim]Read as: {escape(fixes)}[/dim]")
    if reply.summary:
        console.print(f"[bold]{escape(reply.summary)}[/bold]\n")
    if reply.safety.danger_topic or reply.safety.overdose_topic:
        console.print(f"[bold red]{escape(reply.safety.message)}[/bold red]\n")
    _print_passages(reply.answers, spoken)
    console.print(f"[dim]{escape(reply.help)}[/dim]")


def _print_passages(passages: list[AnswerPassage], language: Language) -> None:
    """Each passage in a panel, with its source and why it matched."""
    for item in passages:
        console.print(Panel(escape(item.text), title=escape(item.title)))
        line = source_line(item.source, language)
        console.print(f"[dim]  {line} · {escape(item.match)}[/dim]\n")
