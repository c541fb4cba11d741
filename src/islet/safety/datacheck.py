"""The safety triage's data files, validated for ``islet check``.

The triage loads each file on first use and stops there on a bad entry (a KnowledgeError); the
check reads them all at once and names every problem, so a bad pattern is caught before a
question meets it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from islet.errors import KnowledgeError
from islet.safety.additions import additions, checked
from islet.safety.answers import answer_words
from islet.safety.numberwords import number_words
from islet.safety.tense import markers
from islet.safety.vocabulary import replies, vocabulary


def safety_problems(directory: Path) -> list[str]:
    """Every problem in ``directory/safety``'s triage vocabulary, tense words, number words,
    answer words and replies, and in the Spanish triage's own words
    (``directory/es/safety/triage.yaml``) (none when the knowledge folder has no safety data)."""
    folder = directory / "safety"
    if not folder.is_dir():
        return []
    # read afresh, never from the loaders' in-process caches (a file may have changed since)
    loads: list[Callable[[], object]] = [
        lambda: vocabulary.__wrapped__(folder / "triage.yaml"),
        lambda: markers.__wrapped__("en", folder / "tense.yaml"),
        lambda: number_words.__wrapped__(folder / "numbers.yaml"),
        lambda: replies.__wrapped__(folder / "replies.yaml"),
        lambda: (folder / "answers.yaml").is_file() and answer_words(folder / "answers.yaml"),
        lambda: _spanish_words(directory),
    ]
    problems: list[str] = []
    for load in loads:
        try:
            load()
        except KnowledgeError as error:
            problems += error.problems
    return problems


def _spanish_words(directory: Path) -> None:
    """Check the Spanish triage's own words against the signals they add to (a vocabulary that
    does not load is named by its own check, not again here)."""
    try:
        signals = vocabulary.__wrapped__(directory / "safety" / "triage.yaml").signals
    except KnowledgeError:
        return
    extra = additions.__wrapped__(directory / "es" / "safety" / "triage.yaml")
    checked(extra, signals, "es/safety/triage.yaml")
