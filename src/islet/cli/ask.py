"""The ``islet ask`` and ``islet eval ask`` commands (no medical logic here).

``ask`` prints what ``islet.ask.answer`` returns; ``eval ask`` prints what
``islet.ask.evaluation.evaluate`` measures. Nothing a person asks is stored or logged.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
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
    print_split_table,
    requested_language,
    safety_panel,
    source_line,
)
from islet.cli.safety import eval_safety_command
from islet.cli.symptom_eval import eval_symptoms_command
from islet.errors import IsletError
from islet.i18n import gettext_for
from islet.language import Language, language_of

if TYPE_CHECKING:
    from islet.ask.answer import AnswerPassage
    from islet.ask.evaluation import Result, Split

SPLITS: dict[str, Split] = {"all": "all", "dev": "dev", "test": "test"}

eval_app = typer.Typer(
    help="Measure how well Islet answers (evaluation on hand-written questions).",
    no_args_is_help=True,
)


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
    if reply.safety.danger_topic:
        console.print(f"[bold red]{escape(reply.safety.message)}[/bold red]\n")
    _print_passages(reply.answers, spoken)
    console.print(f"[dim]{escape(reply.help)}[/dim]")


def _print_passages(passages: list[AnswerPassage], language: Language) -> None:
    """Each passage in a panel, with its source and why it matched."""
    for item in passages:
        console.print(Panel(escape(item.text), title=escape(item.title)))
        line = source_line(item.source, language)
        console.print(f"[dim]  {line} · {escape(item.match)}[/dim]\n")


@eval_app.command("ask")
def eval_ask_command(
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help=(
                "all (old, dev and test in one run), old (eval/questions.yaml), dev (blind, "
                "used for tuning) or test (blind, held out); with --questions: all, dev or test "
                "of that file"
            ),
        ),
    ] = "all",
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions", help="YAML file of evaluation questions (default: eval/questions.yaml)"
        ),
    ] = None,
    semantic: Annotated[
        bool | None,
        typer.Option(
            "--semantic/--no-semantic",
            help="include dense-only and Islet+embeddings (default: when the model is installed)",
        ),
    ] = None,
    misses: Annotated[
        bool, typer.Option("--misses", help="list every miss (never for the held-out test split)")
    ] = False,
    as_json: JsonOption = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=(
                "es: the blind Spanish questions (eval/ask-es-dev.yaml and ask-es-test.yaml, "
                "held out), with Islet's Spanish layer as 'islet-es'"
            ),
        ),
    ] = None,
) -> None:
    """Top-1, top-3, MRR@5, wrong declines, out-of-scope precision/recall and latency of plain
    BM25, dense embeddings alone (if installed) and Islet, side by side, on every split."""
    from islet.ask.evaluation import HELD_OUT, evaluate_splits, split_files

    language = requested_language(lang) or "en"
    if questions is not None:
        _eval_file(questions, split, semantic, misses, as_json)
        return
    files = split_files(language)
    if split not in ("all", *files):
        raise typer.BadParameter(f"split must be 'all' or one of {', '.join(files)}")
    names = list(files) if split == "all" else [split]
    by_split = evaluate_splits(names, semantic=semantic, language=language)
    if as_json:
        splits = {
            name: {
                "file": files[name].name,
                "questions": results[0].in_scope + results[0].out_of_scope,
                "results": [asdict(r) for r in results],
            }
            for name, results in by_split.items()
        }
        # The keys of one split's report, as before issue 12: the first split asked for.
        first = next(iter(splits))
        count, results = splits[first]["questions"], splits[first]["results"]
        print_json({"split": first, "questions": count, "results": results, "splits": splits})
        return
    for name, results in by_split.items():
        count = results[0].in_scope + results[0].out_of_scope
        _print_table(results, f"{name}: {files[name].name}", count)
        if misses:
            _print_misses(results, held_out=name == HELD_OUT)


eval_app.command("safety")(eval_safety_command)  # after `ask`, as `islet eval --help` lists them
eval_app.command("symptoms")(eval_symptoms_command)


def _eval_file(
    questions: Path, split: str, semantic: bool | None, misses: bool, as_json: bool
) -> None:
    from islet.ask.evaluation import (
        HELD_OUT,
        SPANISH_SPLIT_FILES,
        SPLIT_FILES,
        evaluate,
        load_questions,
    )

    if split not in SPLITS:
        raise typer.BadParameter("split must be 'all', 'dev' or 'test'")
    if not questions.is_file():
        raise IsletError(f"no question file at {questions}")
    chosen = load_questions(questions, SPLITS[split])
    held_out = questions.resolve() in (
        SPLIT_FILES[HELD_OUT].resolve(),
        SPANISH_SPLIT_FILES[HELD_OUT].resolve(),
    )
    results = evaluate(chosen, semantic=semantic, keep_misses=not held_out)
    if as_json:
        print_json(
            {"split": split, "questions": len(chosen), "results": [asdict(r) for r in results]}
        )
        return
    _print_table(results, split, len(chosen))
    if misses:
        _print_misses(results, held_out)


def _print_misses(results: list[Result], held_out: bool) -> None:
    if held_out:
        console.print("[dim]misses of the held-out test split are never shown[/dim]")
        return
    for result in results:
        console.print(f"\n[bold]{escape(result.system)}[/bold]: {len(result.misses)} misses")
        for question, got in result.misses:
            console.print(f"  {escape(question)}  [dim]→ {escape(got)}[/dim]")


def _print_table(results: list[Result], split: str, count: int) -> None:
    """One column per system, so three systems fit in 80 columns."""
    first = results[0]
    title = (
        f"Ask Islet on {count} questions ({split}): {first.in_scope} in scope, "
        f"{first.out_of_scope} out of scope"
    )
    rows = {
        "top-1 accuracy": [f"{r.top1:.3f}" for r in results],
        "top-3 accuracy": [f"{r.top3:.3f}" for r in results],
        "MRR@5": [f"{r.mrr5:.3f}" for r in results],
        "wrong declines": [f"{r.wrong_declines:.3f}" for r in results],
        "out-of-scope precision": [_maybe(r.oos_precision) for r in results],
        "out-of-scope recall": [f"{r.oos_recall:.3f}" for r in results],
        "latency median": [f"{r.latency_median_ms:.2f} ms" for r in results],
        "latency p95": [f"{r.latency_p95_ms:.2f} ms" for r in results],
        "index build": [f"{r.build_seconds:.2f} s" for r in results],
    }
    print_split_table(title, [r.system for r in results], rows)


def _maybe(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
