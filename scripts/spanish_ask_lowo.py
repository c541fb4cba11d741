"""A leave-one-writer-out (LOWO) estimate of Spanish Ask on its TUNED split (issue 17).

    python scripts/spanish_ask_lowo.py

Reads ``eval/ask-es-dev.yaml`` only (the held-out split is never read here). The reading table
(``knowledge/es/ask/words.yaml``) was written on every dev writer's questions, so the dev figures
flatter it: a new writer uses words and word orders it does not list. To estimate that, each
writer's questions are read with the table less everything only that writer's questions use
(phrases, patterns, background clauses, chat spellings, found by running the full table over
every dev question): what the table would lack had the writer never been read.

Each variant of the reader (``VARIANTS``) is scored that way on every writer; then each writer is
scored with the variant that does best on the other writers (top-1, then top-3), and the sum of
those is the LOWO estimate. Variants are chosen by this estimate only, never by the held-out split.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from islet import kb as kb_module
from islet.ask import spanish, spanish_general
from islet.ask.answer import Engine
from islet.ask.evaluation import EvalQuestion, load_split, score
from islet.ask.lexicon import load_lexicon
from islet.text import fold
from islet.translations import in_language

# The readers compared: a name and what changes from the full table.
# The general dictionary (knowledge/es/ask/es-en-general.yaml) fills the gaps a writer's own
# table parts leave, as it would for a new writer.
VARIANTS: dict[str, Callable[[spanish.Reader], spanish.Reader]] = {
    "slips off": lambda r: replace(r, slips=False),
    "slips on": lambda r: replace(r, slips=True),
} | {
    f"general {mode}": partial(
        spanish_general.with_general, dictionary=spanish_general.general(), mode=mode
    )
    for mode in spanish_general.MODES
}


class _Recording(dict[tuple[str, ...], str]):
    """A phrase table that notes the keys the reader looks up and finds."""

    found: set[Any] | None = None

    def get(self, key: Any, default: Any = None) -> Any:
        if _Recording.found is not None and key in self:
            _Recording.found.add(("phrase", key))
        return super().get(key, default)


def used_by(full: spanish.Reader, base: spanish.Reader, question: str) -> set[Any]:
    """The parts of the table (not the items' own names) reading ``question`` uses."""
    _Recording.found = set()
    recording = replace(full, phrases=_Recording(full.phrases))
    recording.to_english(question)
    used = {x for x in _Recording.found if x[1] in base.phrases}
    _Recording.found = None
    folded = fold(question)
    spaced = " ".join(folded.split())
    used |= {
        ("pattern", i) for i, (p, _) in enumerate(full.patterns) if spanish.pattern_finds(p, spaced)
    }
    used |= {("background", i) for i, p in enumerate(full.background) if p.search(folded)}
    used |= {("spelling", t) for t in spanish.TOKEN.findall(folded) if t in full.spellings}
    return used


def without(full: spanish.Reader, parts: set[Any]) -> spanish.Reader:
    """``full`` less the ``parts`` of its table."""
    return replace(
        full,
        phrases={k: v for k, v in full.phrases.items() if ("phrase", k) not in parts},
        patterns=tuple(p for i, p in enumerate(full.patterns) if ("pattern", i) not in parts),
        background=tuple(
            p for i, p in enumerate(full.background) if ("background", i) not in parts
        ),
        spellings={k: v for k, v in full.spellings.items() if ("spelling", k) not in parts},
    )


@dataclass
class Counts:
    top1: int = 0
    top3: int = 0
    in_scope: int = 0

    def add(self, other: Counts) -> None:
        self.top1 += other.top1
        self.top3 += other.top3
        self.in_scope += other.in_scope

    def __str__(self) -> str:
        n = self.in_scope or 1
        return f"{self.top1 / n:.3f} / {self.top3 / n:.3f} ({self.in_scope})"


def main() -> None:
    questions = load_split("dev", "es")
    kb = kb_module.load()
    engine = Engine(kb, load_lexicon())
    knowledge = in_language("es")
    base = spanish.reader()
    full = spanish.with_names(base, kb, knowledge)
    writers = sorted({q.writer or "-" for q in questions})
    by_writer: dict[str, list[EvalQuestion]] = {w: [] for w in writers}
    used: dict[str, set[Any]] = {w: set() for w in writers}
    for question in questions:
        by_writer[question.writer or "-"].append(question)
        used[question.writer or "-"] |= used_by(full, base, question.q)
    table: dict[str, dict[str, Counts]] = {}
    for name, change in VARIANTS.items():
        layer = spanish.SpanishAsk(engine, knowledge, change(full), spanish.texts())
        plain = score(name, partial(layer.answer, limit=5), questions)
        print(
            f"{name:>12}: plain dev {plain.top1:.3f} / {plain.top3:.3f} ({plain.in_scope}),"
            f" wrong declines {plain.wrong_declines:.3f}, out-of-scope"
            f" {plain.oos_precision or 0:.3f} / {plain.oos_recall:.3f}"
        )
        table[name] = {}
        for writer in writers:
            others = set().union(*(used[w] for w in writers if w != writer))
            reader = change(without(full, used[writer] - others))
            layer = spanish.SpanishAsk(engine, knowledge, reader, spanish.texts())
            result = score(writer, partial(layer.answer, limit=5), by_writer[writer])
            n = result.in_scope
            table[name][writer] = Counts(round(result.top1 * n), round(result.top3 * n), n)
        total = Counts()
        for counts in table[name].values():
            total.add(counts)
        cells = "  ".join(f"{w}: {c.top1}/{c.in_scope}" for w, c in table[name].items())
        print(f"{name:>12}: without own table parts {total}   {cells}")
    estimate = Counts()
    for writer in writers:

        def on_others(name: str, left_out: str = writer) -> tuple[int, int]:
            rows = [c for w, c in table[name].items() if w != left_out]
            return sum(c.top1 for c in rows), sum(c.top3 for c in rows)

        chosen = max(VARIANTS, key=on_others)
        estimate.add(table[chosen][writer])
        print(f"  {writer}: chosen without it: {chosen}")
    print(f"LOWO estimate (top-1 / top-3): {estimate}")


if __name__ == "__main__":
    main()
