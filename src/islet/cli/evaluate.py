"""The ``islet eval`` commands: how well Islet reads people's words (no measuring logic here).

``eval ask`` prints what ``islet.ask.evaluation`` measures on the evaluation questions;
``eval safety`` what ``islet.safety.evaluation`` measures on the blind safety probes (recall per
level and the false-alarm rate); ``eval symptoms`` what ``islet.explain.evaluation`` measures on
the blind symptom texts (sign recall and precision, negation, pattern top-1 / top-3 and "none
right"). The blind sets have a tuned (dev) and a held-out (test) split, shown side by side; misses
are listed for the dev split only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape

from islet.cli.output import JsonOption, console, print_json, print_split_table, requested_language
from islet.errors import IsletError
from islet.language import Language

if TYPE_CHECKING:
    from islet.ask.evaluation import Result, Split
    from islet.explain.evaluation import SplitName
    from islet.explain.evaluation import SplitResult as SymptomResult
    from islet.safety.evaluation import SplitResult as SafetyResult

SPLITS: dict[str, Split] = {"all": "all", "dev": "dev", "test": "test"}
# the options of the blind evaluations (eval safety, eval symptoms)
SplitOption = Annotated[
    Literal["both", "dev", "test"],
    typer.Option("--split", help="both, dev (used for tuning) or test (held out)"),
]
DevMissesOption = Annotated[
    bool, typer.Option("--misses", help="list the tuned (dev) split's misses")
]

eval_app = typer.Typer(
    help="Measure how well Islet answers (evaluation on hand-written questions).",
    no_args_is_help=True,
)


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
                "held out), with Islet's Spanish layer as 'islet-es'; with --questions, that "
                "file read in Spanish"
            ),
        ),
    ] = None,
) -> None:
    """Top-1, top-3, MRR@5, wrong declines, out-of-scope precision/recall and latency of plain
    BM25, dense embeddings alone (if installed) and Islet, side by side, on every split."""
    from islet.ask.evaluation import HELD_OUT, evaluate_splits, split_files, splits_json

    language = requested_language(lang) or "en"
    if questions is not None:
        _eval_file(questions, split, semantic, misses, as_json, language)
        return
    files = split_files(language)
    if split not in ("all", *files):
        raise typer.BadParameter(f"split must be 'all' or one of {', '.join(files)}")
    names = list(files) if split == "all" else [split]
    by_split = evaluate_splits(names, semantic=semantic, language=language)
    if as_json:
        print_json(splits_json(by_split, files))
        return
    for name, results in by_split.items():
        count = results[0].in_scope + results[0].out_of_scope
        _print_table(results, f"{name}: {files[name].name}", count)
        if misses:
            _print_misses(results, held_out=name == HELD_OUT)


def _eval_file(
    questions: Path,
    split: str,
    semantic: bool | None,
    misses: bool,
    as_json: bool,
    language: Language,
) -> None:
    from islet.ask.evaluation import evaluate, held_out_file, load_questions

    if split not in SPLITS:
        raise typer.BadParameter("split must be 'all', 'dev' or 'test'")
    if not questions.is_file():
        raise IsletError(f"no question file at {questions}")
    chosen = load_questions(questions, SPLITS[split])
    held_out = held_out_file(questions)
    results = evaluate(chosen, semantic=semantic, keep_misses=not held_out, language=language)
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
    from islet.ask.evaluation import summary_rows

    first = results[0]
    title = (
        f"Ask Islet on {count} questions ({split}): {first.in_scope} in scope, "
        f"{first.out_of_scope} out of scope"
    )
    print_split_table(title, [r.system for r in results], summary_rows(results))


@eval_app.command("safety")
def eval_safety_command(
    probes: Annotated[
        Path | None,
        typer.Option(
            "--probes", help="YAML file of safety probes (default: eval/safety.yaml, -es)"
        ),
    ] = None,
    misses: DevMissesOption = False,
    split: SplitOption = "both",
    as_json: JsonOption = False,
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="en or es: which probe set, read in that language"),
    ] = None,
) -> None:
    """Recall per level (emergency, crisis, medication) and false alarms of the safety triage,
    on probes written blind, for the tuned and the held-out split."""
    from islet.safety.evaluation import PROBE_FILES, evaluate, summary_rows

    splits = _splits(split)
    language = lang or "en"
    # English probes keep the triage's own language reading; Spanish ones are read as Spanish
    results = evaluate(probes or PROBE_FILES[language], splits, lang if lang == "es" else None)
    if as_json:
        print_json({"splits": [r.as_json() for r in results]})
        return
    title = "Safety triage on blind probes (dev = tuned, test = held out)"
    _print_blind(title, results, summary_rows(results), misses and "dev" in splits)


def _splits(split: Literal["both", "dev", "test"]) -> tuple[SplitName, ...]:
    """The splits ``--split`` names: both, or one of them."""
    return ("dev", "test") if split == "both" else (split,)


def _print_blind(
    title: str,
    results: Sequence[SafetyResult | SymptomResult],
    rows: dict[str, list[str]],
    misses: bool,
) -> None:
    """A blind evaluation's figures, a column per split; with ``misses`` the tuned (dev)
    split's misses, a line each (the held-out split's are never listed)."""
    print_split_table(title, [f"{r.split} ({r.count})" for r in results], rows)
    if not misses:
        return
    dev = [escape(m.line) for r in results if r.split == "dev" for m in r.misses]
    console.print(f"\n[bold]dev[/bold]: {len(dev)} misses")
    for text in dev:
        console.print(f"  {text}", soft_wrap=True)


@eval_app.command("symptoms")
def eval_symptoms_command(
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="en or es: which case set, read in that language"),
    ] = None,
    split: SplitOption = "both",
    misses: DevMissesOption = False,
    as_json: JsonOption = False,
    cases: Annotated[
        Path | None,
        typer.Option(
            "--cases", help="YAML file of symptom cases (default: eval/symptoms.yaml, -es)"
        ),
    ] = None,
) -> None:
    """Sign recall and precision, negation, pattern top-1/top-3 and "none right" of the symptom
    explainer, on texts written blind, for the tuned and the held-out split."""
    from islet.explain.evaluation import evaluate, summary_rows

    splits = _splits(split)
    results = evaluate(lang or "en", splits, cases)
    if as_json:
        data: dict[str, object] = {"splits": [r.as_json() for r in results]}
        if misses:
            data["misses"] = [asdict(m) for r in results if r.split == "dev" for m in r.misses]
        print_json(data)
        return
    title = "Symptom explainer on blind texts (dev = tuned, test = held out)"
    _print_blind(title, results, summary_rows(results), misses and "dev" in splits)
