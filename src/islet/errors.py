"""The one error hierarchy of Islet's core. Interfaces map these to exit codes and HTTP bodies."""

from __future__ import annotations


class IsletError(Exception):
    """Base of every error a person can act on; ``str(error)`` is the message to show."""


class KnowledgeError(IsletError):
    """The knowledge base is missing, unreadable or invalid."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            f"the knowledge base is invalid ({len(problems)} problems):\n{shown}{more}"
        )


class UnknownTerm(IsletError):
    """A topic, term or id that Islet does not know; carries close matches."""

    def __init__(self, kind: str, term: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.term = term
        self.suggestions = suggestions or []
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {kind} '{term}'.{hint}")


class InvalidSituation(IsletError):
    """A situation that is contradictory or names values Islet does not know."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class CannotCompute(IsletError):
    """A calculator lacks an input it needs, or an input is impossible.

    ``field`` names the input at fault (as the API calls it: ``size_cm``, ``ki67``...) when one
    input is to blame.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class InvalidQuestion(IsletError):
    """A question Islet cannot read: empty, too long, or without any words."""


class TrialDataError(IsletError):
    """A trial file or trial store Islet cannot use: unreadable, legacy format, or missing."""


class RegistryUnavailable(IsletError):
    """ClinicalTrials.gov could not be reached or kept failing after the retries."""
