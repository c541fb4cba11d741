"""`islet review`: what changed in a new PDQ version, and which Islet items must be re-checked.

``review(paths)`` reads each new version, works out whether it is the patient or the health
professional version, compares it with the recorded one (``compare``) and lists the items whose
cited section or passage changed, treatment rules and safety texts first.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from islet import kb as kb_module
from islet.model import DiagnosticTest, Symptom
from islet.sources.citations import cite, index_of, says, sources_of
from islet.sources.compare import Comparison, Critical, PassageChange, compare
from islet.sources.data import DataText
from islet.sources.document import WHOLE, SourceDocument, UnreadableSource, read_text
from islet.sources.lists import relisted, span
from islet.sources.record import SOURCE_FILES, Citation, citations, recorded
from islet.sources.text import heading_key
from islet.yamlfiles import read_yaml

MAX_BYTES = 20_000_000
TITLE_WORDS = ("pancreatic neuroendocrine", "islet cell")


@dataclass
class Reason:
    kind: str  # changed, removed, added, moved, renamed, section-removed, section-moved
    section: str  # the cited heading(s) in the recorded version, "; " between them
    diff: str


@dataclass
class Flag:
    item: str  # collection/id
    file: str
    risk: str
    says: str
    document: str
    section: str
    passage_level: bool
    reasons: list[Reason]
    rank: int = 0


@dataclass
class DocumentReview:
    document: str
    file: str
    format: str
    title: str
    recorded_date: str
    new_date: str | None
    new_latest_updates: list[str]
    sections: list[dict[str, Any]]
    critical: list[dict[str, Any]]


@dataclass
class ReviewReport:
    documents: list[DocumentReview]
    flagged: list[Flag] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.flagged else 0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for flag in out["flagged"]:
            flag.pop("rank")
        out["cited_passages_changed"] = bool(self.flagged)
        out["exit_code"] = self.exit_code
        return out


def _risk(collection: str, item: BaseModel) -> tuple[int, str]:
    if collection == "rules":
        return 0, "treatment rule"
    if isinstance(item, DataText):
        if "/alerts/" in item.id:
            return 1, "safety: guide alert"
        return _DATA_RISK.get(collection, (6, "vocabulary"))
    if isinstance(item, Symptom) and item.red_flag:
        return 1, "safety: urgent warning sign"
    if isinstance(item, DiagnosticTest) and (item.fasting_hours is not None or item.preparation):
        return 1, "safety: test preparation"
    ranks = {
        "treatments": (2, "treatment"),
        "symptoms": (2, "sign or symptom"),
        "symptom_patterns": (2, "signs and symptoms list"),
        "tests": (3, "diagnostic test"),
        "tumor_types": (3, "tumor type"),
        "sections": (4, "summary section"),
        "glossary": (5, "glossary entry"),
    }
    return ranks.get(collection, (6, "reference data"))


# Data files that name a PDQ source (islet.sources.data), by folder.
_DATA_RISK = {
    "calculators": (2, "calculator table"),
    "guide": (2, "guide text"),
    "explain": (3, "explainer text"),
    "safety": (1, "safety: reply text"),
    "cds": (3, "clinical decision support text"),
}


@cache
def _files() -> dict[str, str]:
    """collection/id -> the knowledge file that holds it."""
    out: dict[str, str] = {}
    for path in sorted(kb_module.KNOWLEDGE_DIR.glob("*.yaml")):
        data = read_yaml(path, path.name) or {}
        for collection, entries in data.items():
            if collection == "pdq":
                out["pdq/pdq"] = path.name
            elif isinstance(entries, list):
                for entry in entries:
                    if isinstance(entry, dict) and "id" in entry:
                        out.setdefault(f"{collection}/{entry['id']}", path.name)
    return out


def _file_of(key: str, item: BaseModel) -> str:
    return item.file if isinstance(item, DataText) else _files().get(key, "?")


def read_version(path: Path) -> SourceDocument:
    """A new version of the summary from ``path``; UnreadableSource when it cannot be one."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableSource(f"{path}: the file is too large to be a PDQ summary")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableSource(f"{path}: cannot be read ({error.strerror})") from None
    known = {heading_key(s.heading): s.level for d in SOURCE_FILES for s in recorded(d).sections}
    try:
        doc = read_text(data, known)
    except UnreadableSource as error:
        raise UnreadableSource(f"{path}: {error}") from None
    if doc.title and not any(w in doc.title.lower() for w in TITLE_WORDS):
        raise UnreadableSource(
            f"{path}: this is '{doc.title}', not the PDQ summary on pancreatic neuroendocrine "
            "tumors (islet cell tumors)"
        )
    if not doc.sections:
        raise UnreadableSource(
            f"{path}: none of the headings of the PDQ summary on pancreatic neuroendocrine "
            "tumors were found: is it another summary, or not the saved summary page?"
        )
    return doc


def _identify(doc: SourceDocument, path: Path) -> tuple[str, Comparison]:
    """Which recorded version ``doc`` is a new version of, with the comparison."""
    options = [doc.document] if doc.document else list(SOURCE_FILES)
    best: tuple[float, str, Comparison] | None = None
    for document in options:
        comparison = compare(recorded(document).as_document(), doc)
        headings = len(comparison.mapping) / max(1, len(comparison.old.sections))
        score = max(comparison.matched(), headings)
        if best is None or score > best[0]:
            best = (score, document, comparison)
    assert best is not None
    if best[0] < 0.2:
        raise UnreadableSource(
            f"{path}: too little of it matches the PDQ summary on pancreatic neuroendocrine "
            f"tumors ({best[0]:.0%} of the recorded {best[1]} version): is it another summary?"
        )
    return best[1], best[2]


def review(paths: list[Path]) -> ReviewReport:
    """Compare each new version in ``paths`` with the recorded one and flag cited items."""
    kb = kb_module.load()
    named = list(sources_of(kb))
    items = {key: item for key, item, _ in named}
    stored = citations()
    report = ReviewReport([])
    flags: dict[tuple[str, str], Flag] = {}
    for path in paths:
        doc = read_version(path)
        document, comparison = _identify(doc, path)
        version = recorded(document)
        report.documents.append(_document_review(path, document, comparison, version.version_date))
        cited = [c for c in stored.citations if c.document == document and c.item in items]
        known = {c.item for c in stored.citations}
        for key, item, source in named:
            if key not in known and source.document == document:  # added since the recording
                for section, refs, fp in cite(item, source, comparison.old):
                    cited.append(
                        Citation(
                            item=key,
                            document=document,
                            section=section,
                            passages=refs,
                            fingerprint=fp,
                        )
                    )
        for citation in cited:
            reasons = _reasons(citation, comparison)
            if not reasons:
                continue
            collection = citation.item.split("/")[0]
            rank, risk = _risk(collection, items[citation.item])
            heading = (
                comparison.old.section(citation.section).heading
                if citation.section != WHOLE
                else "whole summary"
            )
            flag_key = (citation.item, document)
            if flag_key in flags:  # an item citing several sections: one flag, every reason
                flag = flags[flag_key]
                if heading not in flag.section.split("; "):
                    flag.section += f"; {heading}"
                flag.passage_level = flag.passage_level or bool(citation.passages)
                flag.reasons.extend(r for r in reasons if r not in flag.reasons)
                continue
            flags[flag_key] = Flag(
                citation.item,
                _file_of(citation.item, items[citation.item]),
                risk,
                says(items[citation.item], document),
                document,
                heading,
                bool(citation.passages),
                reasons,
                rank,
            )
    report.flagged = sorted(flags.values(), key=lambda f: (f.rank, f.item, f.document))
    return report


def _reasons(citation: Citation, comparison: Comparison) -> list[Reason]:
    old = comparison.old
    if citation.section != WHOLE and citation.section not in {s.id for s in old.sections}:
        return []
    heading = {s.id: s.heading for s in old.sections}
    out: list[Reason] = []
    if citation.passages:
        section = old.section(citation.section)
        wanted = {index_of(section, ref) for ref in citation.passages} - {None}
        scope = {citation.section}
        inside = span(citation.section, sorted(i for i in wanted if i is not None), comparison)
        target = comparison.mapping.get(citation.section)
        for change in comparison.passages:
            if change.kind == "reordered":
                continue  # the same bullets in another order: nothing a list says changed
            cited_here = change.old_section == citation.section and change.old_index in wanted
            added_inside = change.kind in ("added", "moved") and (
                change.new_section == target and change.new_index in inside
            )
            if cited_here or added_inside:
                out.append(Reason(change.kind, heading[citation.section], change.diff))
        if not out:
            out.extend(
                Reason("relisted", where, diff)
                for where, diff in relisted(citation.section, wanted, comparison)
            )
    elif citation.section == WHOLE:
        # An item about the whole summary (what parts it has) rests on its outline: a section
        # added, removed, renamed or moved anywhere, not on a sentence inside one.
        scope = set(old.descendants(WHOLE))
    else:
        scope = set(old.descendants(citation.section))
        targets = {comparison.mapping[s] for s in scope if s in comparison.mapping}
        for change in comparison.passages:
            if change.kind == "reordered":
                continue
            if change.old_section in scope or (
                change.kind in ("added", "moved")
                and change.new_section in targets
                and change.old_section not in scope
            ):
                where = (
                    heading.get(change.old_section or "", "")
                    or comparison.new.section(change.new_section or "").heading
                )
                out.append(Reason(change.kind, where, change.diff))
    for s in comparison.sections:
        if s.old_id in scope and s.status in ("renamed", "removed", "moved"):
            detail = (
                f"'{s.old_heading}' -> '{s.new_heading}'" if s.new_heading else f"'{s.old_heading}'"
            )
            out.append(Reason(f"section-{s.status}", s.old_heading or "", detail))
        elif s.status == "added" and citation.passages == [] and s.new_id:
            parent = comparison.new.section(s.new_id).parent
            if citation.section == WHOLE or parent in {comparison.mapping.get(x) for x in scope}:
                out.append(
                    Reason("section-added", s.new_heading or "", f"new section '{s.new_heading}'")
                )
    return out


def _document_review(
    path: Path, document: str, comparison: Comparison, recorded_date: str
) -> DocumentReview:
    old, new = comparison.old, comparison.new
    heading_old = {s.id: s.heading for s in old.sections}
    heading_new = {s.id: s.heading for s in new.sections}
    sections: dict[str, dict[str, Any]] = {}
    for s in comparison.sections:
        key = s.old_id or f"new:{s.new_id}"
        entry = sections.setdefault(
            key,
            {
                "id": s.old_id,
                "new_id": s.new_id,
                "heading": s.old_heading or s.new_heading,
                "new_heading": s.new_heading,
                "status": [],
                "passages": [],
            },
        )
        entry["status"].append(s.status)
    critical: list[dict[str, Any]] = []
    for change in comparison.passages:
        key = change.old_section if change.old_section else f"new:{change.new_section}"
        if change.kind == "moved" and change.old_section is None:
            key = f"new:{change.new_section}"
        entry = sections.setdefault(
            key,
            {
                "id": change.old_section,
                "new_id": change.new_section,
                "heading": heading_old.get(change.old_section or "")
                or heading_new.get(change.new_section or ""),
                "new_heading": heading_new.get(change.new_section or ""),
                "status": [],
                "passages": [],
            },
        )
        if "changed" not in entry["status"] and not set(entry["status"]) & {"added", "removed"}:
            entry["status"].append("changed")
        entry["passages"].append({"kind": change.kind, "diff": change.diff})
        critical.extend(_critical_entry(change, c, entry["heading"]) for c in change.critical)
    old_updates = set(old.latest_updates())
    recorded_updates = set(recorded(document).latest_updates)
    new_updates = [u for u in new.latest_updates() if u not in old_updates | recorded_updates]
    return DocumentReview(
        document,
        str(path),
        new.format,
        new.title,
        recorded_date,
        new.date,
        new_updates,
        list(sections.values()),
        critical,
    )


def _critical_entry(change: PassageChange, c: Critical, heading: str) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "section": heading,
        "old": c.old,
        "new": c.new,
        "passage_change": change.kind,
        "diff": change.diff,
    }
