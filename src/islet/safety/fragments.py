"""Signs of several parts told in separate short sentences: "fever. chills. it has been 4 days
since the whipple". A run of neighbouring sentences joined by fragments (``FRAGMENT`` words or
fewer) is read as one sentence for such signs; each part still counts only where its own
sentence lets it (not negated, not past...), which the caller has worked out per sentence.
"""

from __future__ import annotations

import re

from islet.safety.reply import Found
from islet.safety.text import Sentence
from islet.safety.vocabulary import Signal

# a sentence this short ("fever.", "chills again.") is a fragment: it is read with its
# neighbours for a sign of several parts
FRAGMENT = 4

Groups = tuple[tuple[Signal, tuple[tuple[re.Pattern[str], ...], ...]], ...]


def across_fragments(
    parts: list[Sentence], partial: list[dict[int, list[str | None]]], groups: Groups
) -> list[Found]:
    """The signs of several parts (``groups``) whole across a run of fragments: ``partial``
    holds, for each sentence, the parts it does hold of each form, by the form's place in
    ``groups`` (a signal's forms in two languages may have different numbers of parts)."""
    found: list[Found] = []
    # the whole text as one run too, for the signs whose parts may be told anywhere in it
    runs = [(run, False) for run in fragment_runs(parts)]
    runs += [(list(range(len(parts))), True)] if len(parts) > 1 else []
    for run, whole_text in runs:
        for place, (signal, patterns) in enumerate(groups):
            if whole_text and (not signal.whole_text or any(f.signal is signal for f in found)):
                continue
            held = [partial[i][place] for i in run if place in partial[i]]
            joined = [
                next((h[g] for h in held if h[g] is not None), None) for g in range(len(patterns))
            ]
            if len(held) > 1 and all(part is not None for part in joined):
                found.append(Found(signal, " … ".join(p for p in joined if p)))
    return found


def fragment_runs(parts: list[Sentence]) -> list[list[int]]:
    """The runs of neighbouring sentences of which every pair has a fragment in it."""
    runs: list[list[int]] = []
    for i, sentence in enumerate(parts):
        short = len(sentence.text.split()) <= FRAGMENT
        if i and (short or len(parts[i - 1].text.split()) <= FRAGMENT):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 1]
