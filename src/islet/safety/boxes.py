"""The safety triage for the other boxes a person types into: help first, then the box's work.

Ask and the symptom explainer build their whole reply on :func:`~islet.safety.triage`. Every
other free-text box (the glossary search, the trial finder's condition, the screening form's
earlier treatments) calls :func:`help_first` with what was typed *before* doing anything else
with it. It returns the triage's :class:`~islet.safety.Safety` (the same JSON shape as Ask's
``safety``) when the text signals an emergency, a crisis or a possible overdose, so that the
interface shows that help first and then goes on with its normal work; otherwise None.

Other medicine questions are left to Ask: in these boxes a medicine's name is ordinary content
(an earlier treatment such as "stopped octreotide last month", a glossary word such as
"lanreotide"), and the triage's medication reply there would be a false alarm. The text is read
for this one answer and never stored or logged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from islet.errors import IsletError
from islet.language import LANGUAGES, Language
from islet.safety.languages import replies_for
from islet.safety.reply import Safety
from islet.safety.triage import triage


def help_first(*typed: str | None, language: Language | None = None) -> Safety | None:
    """The help to show before anything else when what a person typed (one or more texts of a
    box, read together) signals an emergency, a crisis or a possible overdose; None otherwise.

    ``language`` is the triage's: how to read the text and answer (None: the text's own cues).
    Each text, and each line of it, is read as a sentence of its own: in a list of earlier
    treatments, "stopped octreotide last month" must not make the next line ("i dont want to
    live anymore") a thing of the past.
    """
    lines = [line.strip() for part in typed if part for line in part.splitlines()]
    text = "\n".join(line if line[-1] in ".!?" else f"{line}." for line in lines if line)
    if not text:
        return None
    safety = triage(text, language)
    return safety if safety.urgent or _overdose(safety) else None


@contextmanager
def carried_on_errors(safety: Safety | None) -> Iterator[None]:
    """Within it, an Islet error carries ``safety`` (help found before the box's work failed),
    so that every interface shows the help first, then the error."""
    try:
        yield
    except IsletError as error:
        error.safety = error.safety or safety
        raise


def _overdose(safety: Safety) -> bool:
    """A medication reply that leads with Poison Control: a possible overdose is no ordinary
    medicine question, in any box."""
    return safety.level == "medication" and any(
        safety.message.startswith(replies_for(language).overdose.message) for language in LANGUAGES
    )
