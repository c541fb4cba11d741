"""Compare a recorded PDQ version with a new one: sections by heading, then by content, and the
passages inside each pair of sections, with word-level diffs and the numbers, hours,
thresholds and drug names that changed."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from islet.sources.document import Section, SourceDocument
from islet.sources.text import heading_key, similarity, word_diff

ChangeKind = Literal["changed", "added", "removed", "moved", "reordered"]

_COMPARATOR = (
    r"at least|at most|more than|less than|fewer than|greater than|higher than|lower than|"
    r"up to|about|approximately|over|under|within"
)
_UNIT = (
    r"%|percent|hours?|hrs?|days?|weeks?|months?|years?|mmol(?:/[a-z]+)?|mg(?:/[a-z0-9]+)?|"
    r"ng/mL|pg/mL|mL|cm|mm|µg|mcg|units?(?:/kg)?|times|fold|cycles?|mitoses|inches"
)
_QUANTITY = re.compile(
    rf"(?:(?:\b(?:{_COMPARATOR})\b|[≥≤<>])\s*)?(?<![\w-])\d+(?:[.,]\d+)*"
    rf"(?:\s*(?:-|to)\s*\d+(?:[.,]\d+)*)?(?:\s*(?:{_UNIT})(?![\w])|%)?",
    re.IGNORECASE,
)
# Suffixes of drug names (and the radionuclides PDQ names with them): a detector, not a list
# of treatments; what it finds is only ever shown as "changed, re-check".
_DRUG = re.compile(
    r"\b[a-z]+(?:mab|nib|limus|platin|rubicin|zocin|zotocin|uracil|zolomide|bazine|citabine|"
    r"taxel|reotide|treotide|eotide|otide|prazole|tidine|statin analogues?|lutetium|"
    r"yttrium|indium)\b",
    re.IGNORECASE,
)
_TIME_UNITS = re.compile(r"(?<![/\w])(?:hours?|hrs?|days?|weeks?|months?|years?)\b", re.I)


@dataclass
class Critical:
    """Numbers, hours, thresholds or drug names that differ between two readings of a
    passage (``old`` only: removed; ``new`` only: added)."""

    kind: Literal["hours", "threshold", "number", "drug"]
    old: list[str]
    new: list[str]


@dataclass
class PassageChange:
    kind: ChangeKind
    old_section: str | None  # id in the recorded version
    new_section: str | None  # id in the new version
    old_index: int | None
    new_index: int | None
    old: str | None
    new: str | None
    diff: str
    critical: list[Critical] = field(default_factory=list)


@dataclass
class SectionChange:
    status: Literal["changed", "added", "removed", "renamed", "moved"]
    old_id: str | None
    new_id: str | None
    old_heading: str | None
    new_heading: str | None
    notes: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    old: SourceDocument
    new: SourceDocument
    mapping: dict[str, str]  # old section id -> new section id
    sections: list[SectionChange]
    passages: list[PassageChange]
    # (recorded section id, index) -> index in the matched new section, for unchanged passages
    kept: dict[tuple[str, int], int] = field(default_factory=dict)

    def matched(self) -> float:
        """The share of recorded passages found unchanged in the new version."""
        total = sum(len(s.passages) for s in self.old.sections) or 1
        lost = sum(1 for p in self.passages if p.kind in ("changed", "removed"))
        return max(0.0, 1 - lost / total)


def _words(items: list[str]) -> Counter[str]:
    return Counter(" ".join(i.split()) for i in items)


def critical(old: str, new: str) -> list[Critical]:
    """What numbers, hours, thresholds and drug names differ between ``old`` and ``new``."""
    out: list[Critical] = []
    a = _words([m.group(0) for m in _QUANTITY.finditer(old)])
    b = _words([m.group(0) for m in _QUANTITY.finditer(new)])
    if a != b:
        gone, came = sorted((a - b).elements()), sorted((b - a).elements())
        both = " ".join(gone + came)
        kind: Literal["hours", "threshold", "number"] = "number"
        if _TIME_UNITS.search(both):
            kind = "hours"
        elif re.search(rf"\b(?:{_COMPARATOR})\b|[<>≥≤]", both, re.IGNORECASE):
            kind = "threshold"
        out.append(Critical(kind, gone, came))
    da = _words([m.group(0) for m in _DRUG.finditer(old)])
    db = _words([m.group(0) for m in _DRUG.finditer(new)])
    if da != db:
        out.append(Critical("drug", sorted((da - db).elements()), sorted((db - da).elements())))
    return out


def _parent_key(doc: SourceDocument, section: Section) -> str:
    if section.parent is None:
        return ""
    return heading_key(doc.section(section.parent).heading)


def align(old: SourceDocument, new: SourceDocument) -> dict[str, str]:
    """Recorded section id -> new section id: by heading and parent heading, then by heading
    alone, then by content (a renamed section keeps most of its passages)."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for with_parent in (True, False):
        for s in old.sections:
            if s.id in mapping:
                continue
            for t in new.sections:
                if t.id in used or heading_key(t.heading) != heading_key(s.heading):
                    continue
                if with_parent and _parent_key(old, s) != _parent_key(new, t):
                    continue
                mapping[s.id] = t.id
                used.add(t.id)
                break
    for s in old.sections:
        if s.id in mapping or not s.passages:
            continue
        mine = Counter(p.fingerprint for p in s.passages)
        best: tuple[float, str] | None = None
        for t in new.sections:
            if t.id in used or not t.passages:
                continue
            theirs = Counter(p.fingerprint for p in t.passages)
            shared = sum((mine & theirs).values()) * 2 / (sum(mine.values()) + sum(theirs.values()))
            text = similarity(
                " ".join(p.text for p in s.passages), " ".join(p.text for p in t.passages)
            )
            score = max(shared, text)
            if score >= 0.5 and (best is None or score > best[0]):
                best = (score, t.id)
        if best:
            mapping[s.id] = best[1]
            used.add(best[1])
    return mapping


def compare(old: SourceDocument, new: SourceDocument) -> Comparison:
    """Every section and passage that differs between ``old`` and ``new``."""
    mapping = align(old, new)
    sections = _section_changes(old, new, mapping)
    passages: list[PassageChange] = []
    kept: dict[tuple[str, int], int] = {}
    for s in old.sections:
        if s.id in mapping:
            passages.extend(_passage_changes(s, new.section(mapping[s.id]), kept))
        else:
            passages.extend(
                PassageChange("removed", s.id, None, i, None, p.text, None, f"[-{p.text}-]")
                for i, p in enumerate(s.passages)
            )
    targets = set(mapping.values())
    for t in new.sections:
        if t.id not in targets:
            passages.extend(
                PassageChange("added", None, t.id, None, i, None, p.text, f"{{+{p.text}+}}")
                for i, p in enumerate(t.passages)
            )
    passages = _find_moves(old, new, passages)
    for change in passages:
        change.critical = critical(change.old or "", change.new or "")
    return Comparison(old, new, mapping, sections, passages, kept)


def _section_changes(
    old: SourceDocument, new: SourceDocument, mapping: dict[str, str]
) -> list[SectionChange]:
    out: list[SectionChange] = []
    order_old = [s.id for s in old.sections if s.id in mapping]
    order_new = [s.id for s in new.sections]
    position = {sid: i for i, sid in enumerate(order_new)}
    in_order = sorted(order_old, key=lambda sid: position[mapping[sid]])
    matcher = difflib.SequenceMatcher(a=order_old, b=in_order, autojunk=False)
    kept = {order_old[b.a + k] for b in matcher.get_matching_blocks() for k in range(b.size)}
    inverse = {v: k for k, v in mapping.items()}
    for s in old.sections:
        if s.id not in mapping:
            out.append(SectionChange("removed", s.id, None, s.heading, None))
            continue
        t = new.section(mapping[s.id])
        if heading_key(t.heading) != heading_key(s.heading):
            out.append(SectionChange("renamed", s.id, t.id, s.heading, t.heading))
        parent_now = inverse.get(t.parent) if t.parent else None
        # A parent that is missing on either side (a copy without the top headings) says
        # nothing about where the section is.
        both = (s.parent is None or s.parent in mapping) and (
            t.parent is None or t.parent in inverse
        )
        if (both and parent_now != s.parent) or s.id not in kept:
            out.append(SectionChange("moved", s.id, t.id, s.heading, t.heading))
    for t in new.sections:
        if t.id not in inverse:
            out.append(SectionChange("added", None, t.id, None, t.heading))
    return out


def _passage_changes(
    s: Section, t: Section, kept: dict[tuple[str, int], int]
) -> list[PassageChange]:
    a = [p.fingerprint for p in s.passages]
    b = [p.fingerprint for p in t.passages]
    out: list[PassageChange] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept.update({(s.id, i1 + k): j1 + k for k in range(i2 - i1)})
            continue
        free = list(range(j1, j2))
        pairs: list[tuple[int, int | None]] = []
        for i in range(i1, i2):
            scored = [(similarity(s.passages[i].text, t.passages[j].text), j) for j in free]
            score, j = max(scored, default=(0.0, -1))
            pairs.append((i, j if score >= 0.5 else None))
            if score >= 0.5:
                free.remove(j)
        lone = [i for i, j in pairs if j is None]
        if len(lone) == len(free) and all(
            s.passages[i].kind == t.passages[j].kind for i, j in zip(lone, free, strict=True)
        ):
            # As many passages gone as came in the same place, of the same kind: each was
            # replaced ("- Dacarbazine." -> "- Capecitabine."), a change, not a removal.
            swap = dict(zip(lone, free, strict=True))
            pairs = [(i, swap.get(i, j)) for i, j in pairs]
            free = []
        for i, match in pairs:
            old = s.passages[i].text
            if match is None:
                out.append(PassageChange("removed", s.id, t.id, i, None, old, None, f"[-{old}-]"))
                continue
            new = t.passages[match].text
            out.append(
                PassageChange("changed", s.id, t.id, i, match, old, new, word_diff(old, new))
            )
        for j in free:
            new = t.passages[j].text
            out.append(PassageChange("added", s.id, t.id, None, j, None, new, f"{{+{new}+}}"))
    return out


def _find_moves(
    old: SourceDocument, new: SourceDocument, changes: list[PassageChange]
) -> list[PassageChange]:
    """A passage removed in one place and added, word for word, in another has moved."""
    added: dict[str, list[PassageChange]] = {}
    for c in changes:
        if c.kind == "added" and c.new is not None:
            added.setdefault(
                new.section(c.new_section or "").passages[c.new_index or 0].fingerprint, []
            ).append(c)
    out: list[PassageChange] = []
    taken: set[int] = set()
    for c in changes:
        if c.kind == "removed" and c.old_section and c.old_index is not None:
            fp = old.section(c.old_section).passages[c.old_index].fingerprint
            pool = [a for a in added.get(fp, []) if id(a) not in taken]
            if pool:
                target = pool[0]
                taken.add(id(target))
                where = new.section(target.new_section or "").heading
                reordered = _same_list(old, new, c, target)
                out.append(
                    PassageChange(
                        "reordered" if reordered else "moved",
                        c.old_section,
                        target.new_section,
                        c.old_index,
                        target.new_index,
                        c.old,
                        target.new,
                        f"reordered within its list in '{where}': {c.old}"
                        if reordered
                        else f"moved to '{where}': {c.old}",
                    )
                )
                continue
        out.append(c)
    return [c for c in out if id(c) not in taken]


def _list_around(section: Section, index: int) -> list[str]:
    """The fingerprints of the run of bullets the passage at ``index`` belongs to."""
    passages = section.passages
    if passages[index].kind != "bullet":
        return []
    first, last = index, index
    while first > 0 and passages[first - 1].kind == "bullet":
        first -= 1
    while last + 1 < len(passages) and passages[last + 1].kind == "bullet":
        last += 1
    return sorted(p.fingerprint for p in passages[first : last + 1])


def _same_list(
    old: SourceDocument, new: SourceDocument, removed: PassageChange, added: PassageChange
) -> bool:
    """Whether a bullet only changed places inside its own list: the same bullets, in the
    same section, in another order (which changes nothing a list says)."""
    if removed.old_index is None or added.new_index is None or not added.new_section:
        return False
    if removed.new_section != added.new_section:  # it left its section: moved, not reordered
        return False
    before = _list_around(old.section(removed.old_section or ""), removed.old_index)
    after = _list_around(new.section(added.new_section), added.new_index)
    return bool(before) and before == after
