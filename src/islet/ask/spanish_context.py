"""What a Spanish question tells as background, left out before it is read (issue 17).

"¿Para qué la gammagrafía si ya me hicieron el TAC?" asks about the scintigraphy: the CT is
what was done before, not the subject. Patterns in ``knowledge/es/ask/words.yaml``
(``background``) find such clauses (a test already done, a result that came back normal) in the
folded question; the reading leaves them out unless too little would be left to read.
"""

from __future__ import annotations

import re

MIN_LEFT = 3  # words the question must keep for the clause to be left out


def background_patterns(
    given: object, name: str, problems: list[str]
) -> tuple[re.Pattern[str], ...]:
    """The compiled ``background`` patterns of a reading table (a list of regular expressions)."""
    if not isinstance(given, list):
        problems.append(f"{name}: 'background' must be a list of patterns")
        return ()
    out = []
    for pattern in given:
        try:
            out.append(re.compile(str(pattern)))
        except re.error as error:
            problems.append(f"{name}: background pattern '{pattern}': {error}")
    return tuple(out)


def without_background(folded: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """``folded`` without the clauses ``patterns`` find, when enough of the question is left."""
    left = folded
    for pattern in patterns:
        left = pattern.sub(" ", left)
    return left if left != folded and len(left.split()) >= MIN_LEFT else folded
