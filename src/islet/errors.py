"""The one error hierarchy of Islet's core. Interfaces map these to exit codes and HTTP bodies.

The tree (``str(error)`` is always the message to show a person)::

    IsletError                  anything a person can act on
    ├── KnowledgeError          the knowledge base is missing, unreadable or invalid
    ├── UnknownTerm             a topic, term or id Islet does not know (with close matches)
    │   └── UnknownPlace        a well-formed place Islet cannot find (a ZIP code; ``field``)
    ├── InvalidInput            a value Islet cannot use (``field``, ``suggestions``)
    │   ├── InvalidSituation    a situation that is contradictory or names unknown values
    │   ├── InvalidQuestion     a question that is empty, too long or without words
    │   └── CannotCompute       a calculator lacks an input or an input is impossible
    ├── TrialDataError          a trial file or store Islet cannot use
    └── RegistryUnavailable     ClinicalTrials.gov could not be reached

``OUTCOMES`` is the one table that says what each interface makes of an error: the command
line's exit code and the web's HTTP status (and page title). :func:`outcome` looks an error up by
its nearest class in the table, so a new subclass answers like its parent until it is listed.

A message a person can trigger from a patient page is built with ``N_`` (a
:class:`~islet.messages.Message`): ``str(error)`` reads in English, and an interface shows it in
the reader's language with :func:`islet.i18n.error_text`. The ``field`` and ``suggestions`` stay
as the API names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from islet.messages import N_

if TYPE_CHECKING:
    from islet.safety import Safety


class IsletError(Exception):
    """Base of every error a person can act on; ``str(error)`` is the message to show."""

    # The safety triage's help for what the person typed, when an entry point found some before
    # it failed (``islet.safety.help_first``): every interface shows it first, then the error.
    safety: Safety | None = None


class KnowledgeError(IsletError):
    """The knowledge base is missing, unreadable or invalid."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            f"the knowledge base is invalid ({len(problems)} problems):\n{shown}{more}"
        )


# The kinds of thing an UnknownTerm names ("unknown tumor type ..."), marked here once so the
# catalog holds them; the code that raises one passes the same English word.
KINDS = (
    N_("topic"),
    N_("glossary term"),
    N_("tumor type"),
    N_("test"),
    N_("treatment"),
    N_("trial"),
    N_("trial status"),
    N_("trial phase"),
    N_("intervention type"),
    N_("place"),
)


class UnknownTerm(IsletError):
    """A topic, term or id that Islet does not know; carries close matches."""

    def __init__(self, kind: str, term: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.term = term
        self.suggestions = suggestions or []
        # ``kind`` is a word marked N_ where it is given ("tumor type"), so it is translated too.
        named = N_("unknown {kind} '{term}'.", kind=N_(kind), term=term)
        if self.suggestions:
            hint = N_("Did you mean: {choices}?", choices=", ".join(self.suggestions))
            super().__init__(N_("{message} {hint}", message=named, hint=hint))
        else:
            super().__init__(named)


class UnknownPlace(UnknownTerm):
    """A well-formed place that Islet cannot find, such as a US ZIP code missing from its
    offline table; ``field`` names the input that gave it."""

    def __init__(self, field: str, message: str) -> None:
        IsletError.__init__(self, message)
        self.kind, self.term, self.suggestions = "place", message, []
        self.field = field
        self.message = message


class InvalidInput(IsletError):
    """A value Islet cannot use: ``field`` names the input at fault (as the API calls it) and
    ``suggestions`` lists values that would do. The message starts with the field's name;
    ``message`` is the same without it, for a form that shows it beside the field."""

    def __init__(
        self, field: str | None, message: str, suggestions: list[str] | None = None
    ) -> None:
        self.field = field
        self.message = message
        self.suggestions = list(suggestions or [])
        super().__init__(
            N_("{field}: {message}", field=field, message=message) if field else message
        )


class InvalidSituation(InvalidInput):
    """A situation that is contradictory or names values Islet does not know."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)


class CannotCompute(InvalidInput):
    """A calculator lacks an input it needs, or an input is impossible.

    ``field`` names the input at fault (as the API calls it: ``size_cm``, ``ki67``...) when one
    input is to blame; the message does not repeat it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(None, message)
        self.field = field


class InvalidQuestion(InvalidInput):
    """A question Islet cannot read: empty, too long, or without any words."""

    def __init__(self, message: str) -> None:
        super().__init__(None, message)


class TrialDataError(IsletError):
    """A trial file or trial store Islet cannot use: unreadable, legacy format, or missing."""


class RegistryUnavailable(IsletError):
    """ClinicalTrials.gov could not be reached or kept failing after the retries."""


@dataclass(frozen=True)
class Outcome:
    """What the interfaces make of an error: the CLI's exit code, the web's status and title.

    ``detail`` replaces the message on the web when the message is not for the public."""

    exit_code: int
    status: int
    title: str
    detail: str | None = None


OUTCOMES: dict[type[IsletError], Outcome] = {
    UnknownTerm: Outcome(2, 404, N_("Not found")),
    InvalidInput: Outcome(2, 422, N_("Please check what you entered")),
    CannotCompute: Outcome(2, 422, N_("Cannot compute")),
    KnowledgeError: Outcome(2, 503, N_("Knowledge unavailable"), N_("The knowledge is invalid.")),
    # No trial records yet (a fresh install) or a store Islet cannot read: the server cannot
    # answer until its records are imported; the request itself was fine.
    TrialDataError: Outcome(2, 503, N_("Trial records unavailable")),
    IsletError: Outcome(2, 400, N_("Cannot answer")),
}


def outcome(error: IsletError) -> Outcome:
    """The outcome of ``error``'s nearest class in ``OUTCOMES`` (``IsletError`` at the latest)."""
    for cls in type(error).__mro__:
        if cls in OUTCOMES:
            return OUTCOMES[cls]
    return OUTCOMES[IsletError]
