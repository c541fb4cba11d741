"""Registry codes in words, in the reader's language: what ``islet trials search`` and ``show``
print and what the web's trial pages show (``partials/trial_codes.html``), one table for both.

The JSON keeps the registry's codes (``RECRUITING``, ``PHASE2``); only what a person reads is
put in words here. A code Islet has no words for is shown in the registry's own words.
"""

from __future__ import annotations

from islet.i18n import localized
from islet.language import Language
from islet.messages import N_, Message

CODE_WORDS: dict[str, Message] = {
    "RECRUITING": N_("Recruiting"),
    "NOT_YET_RECRUITING": N_("Not yet recruiting"),
    "ENROLLING_BY_INVITATION": N_("Enrolling by invitation"),
    "ACTIVE_NOT_RECRUITING": N_("Active, not recruiting"),
    "SUSPENDED": N_("Suspended"),
    "TERMINATED": N_("Terminated"),
    "COMPLETED": N_("Completed"),
    "WITHDRAWN": N_("Withdrawn"),
    "UNKNOWN": N_("Unknown"),
    "AVAILABLE": N_("Available"),
    "NO_LONGER_AVAILABLE": N_("No longer available"),
    "TEMPORARILY_NOT_AVAILABLE": N_("Temporarily not available"),
    "APPROVED_FOR_MARKETING": N_("Approved for marketing"),
    "WITHHELD": N_("Withheld"),
    "EARLY_PHASE1": N_("Early phase 1"),
    "PHASE1": N_("Phase 1"),
    "PHASE2": N_("Phase 2"),
    "PHASE3": N_("Phase 3"),
    "PHASE4": N_("Phase 4"),
    "NA": N_("Not applicable"),
    "DRUG": N_("Drug"),
    "BIOLOGICAL": N_("Biological"),
    "DEVICE": N_("Device"),
    "PROCEDURE": N_("Procedure"),
    "RADIATION": N_("Radiation"),
    "BEHAVIORAL": N_("Behavioral"),
    "GENETIC": N_("Genetic"),
    "DIETARY_SUPPLEMENT": N_("Dietary supplement"),
    "COMBINATION_PRODUCT": N_("Combination product"),
    "DIAGNOSTIC_TEST": N_("Diagnostic test"),
    "OTHER": N_("Other"),
}
# The sexes a record takes, as the web's trial pages say them.
SEX_WORDS: dict[str | None, Message] = {
    "ALL": N_("any sex"),
    "FEMALE": N_("female only"),
    "MALE": N_("male only"),
    None: N_("the record does not say which sex"),
}
# A screening point's outcome, as the web's screening says it.
OUTCOME_WORDS: dict[str, Message] = {
    "pass": N_("Met"),
    "fail": N_("Not met"),
    "undetermined": N_("Undetermined"),
}


def code_words(code: str | None, language: Language) -> str:
    """A registry code in lower-case words in ``language``: "PHASE2" -> "phase 2"; "-" for
    none."""
    if not code:
        return "-"
    words = CODE_WORDS.get(code)
    return (localized(words, language) if words else code.replace("_", " ")).lower()


def codes_words(codes: list[str], language: Language) -> str:
    """Several registry codes in words, comma-separated; "-" for none."""
    return ", ".join(code_words(code, language) for code in codes) or "-"


def sex_words(code: str | None, language: Language) -> str:
    """Which sexes a record takes, in words ("any sex"); an unknown code as the record says."""
    words = SEX_WORDS.get(code)
    return localized(words, language) if words else (code or "").lower()


def outcome_words(outcome: str, language: Language) -> str:
    """A screening outcome in lower-case words ("met", "not met", "undetermined")."""
    return localized(OUTCOME_WORDS[outcome], language).lower()
