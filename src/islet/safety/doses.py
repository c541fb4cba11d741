"""A dose taken above the one prescribed ("the doctor said 5 mg but I took 50 mg").

The dose a clinician or a label set is told first, the dose taken after it; when the one taken
is more than the one set, it is a possible overdose, and the medication reply leads with Poison
Control (which takes calls about any amount of a medicine taken by mistake). No ratio is drawn:
how much more is harmful depends on the medicine, and no source Islet cites gives one. A lower or
equal dose taken stays the ordinary medicine reply. English only (the Spanish helper words are
the Spanish vocabulary's).
"""

from __future__ import annotations

import re

_NUMBER = r"(\d+(?:\.\d+)?)"
_UNIT = r"(?: ?(?:mg|mcg|micrograms?|milligrams?|units?|ml|pills?|tablets?|capsules?|doses?))?"
# the dose set: "doc said 2.5 mg", "prescribed 50mg", "supposed to take 1", "told to give 10 units"
_SET = (
    r"(?:said|says|prescribed|prescription (?:is|was|says|said)|label (?:is|was|says|said)|"
    r"(?:supposed|meant|told) to (?:take|give|have|inject|use)|should (?:take|give|have|be)|"
    r"dose (?:is|was))(?: (?:only|just|to take|to give|me|him|her|a|his|her|my))* "
)
# not a time nor a count of days ("said 2 weeks but i took 10 days")
_NOT_TIME = (
    r"(?! ?(?:weeks?|days?|hours?|hrs?|months?|years?|minutes?|mins?|times|am|pm|o clock|percent)"
    r"\b)"
)
# the dose taken after it, in the same sentence
_TAKEN = (
    r"(?: [\w,]+){0,4}? (?:accidentally |actually |just )?"
    r"(?:took|taken|take|had|gave|given|injected|used|swallowed|did)"
    r"(?: (?:myself|himself|herself|him|her|them))? (?:like |about |maybe |around )?"
)
DOSE_ABOVE = re.compile(
    _SET + _NUMBER + _NOT_TIME + _UNIT + r"\b" + _TAKEN + _NUMBER + _NOT_TIME + _UNIT + r"\b"
)


def far_above(sentence: str) -> str | None:
    """The words telling a dose taken above the one set, or ``None``."""
    for match in DOSE_ABOVE.finditer(sentence):
        told, taken = float(match.group(1)), float(match.group(2))
        if told > 0 and taken > told:
            return match.group(0)
    return None
