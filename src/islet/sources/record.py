"""The recorded fingerprints of the PDQ versions Islet was written from, kept as YAML data in
``knowledge/sources/`` (written by ``scripts/record_sources.py``, read here)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from islet.kb import KNOWLEDGE_DIR, load_data_file
from islet.model import VersionDate
from islet.sources.document import Passage, Section, SourceDocument

SOURCES_DIR = KNOWLEDGE_DIR / "sources"
SOURCE_FILES = {"patient": "pdq-patient.yaml", "professional": "pdq-professional.yaml"}
CITATIONS_FILE = "citations.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RecordedPassage(_Strict):
    kind: Literal["sentence", "bullet", "label", "row"]
    fingerprint: str
    text: str


class RecordedSection(_Strict):
    id: str
    heading: str
    level: int = Field(ge=2, le=6)
    parent: str | None = None
    fingerprint: str
    passages: list[RecordedPassage] = []


class RecordedVersion(_Strict):
    """One PDQ version as it read when Islet's items were written."""

    document: Literal["patient", "professional"]
    title: str
    version_date: VersionDate  # the PDQ version's date as far as it is known
    source_file: str  # the copy in ../shared/reference/ the fingerprints were taken from
    recorded: VersionDate  # when the fingerprints were taken
    reviewed: VersionDate  # when Islet's items were last checked against this version
    latest_updates: list[str] = []
    sections: list[RecordedSection]

    def as_document(self) -> SourceDocument:
        """The recorded version in the shape a newly read version has, for comparing."""
        sections = [
            Section(
                s.id, s.heading, s.level, s.parent, [Passage(p.kind, p.text) for p in s.passages]
            )
            for s in self.sections
        ]
        return SourceDocument(self.document, self.title, self.version_date, "recorded", sections)


class Citation(_Strict):
    """What one item rests on: a section of one PDQ version and, where the item rests on one
    bullet or sentence, those passages (``fingerprint`` or ``fingerprint#n`` for the n-th of
    identical passages); no passages means the whole section with its subsections."""

    item: str  # collection/id
    document: Literal["patient", "professional"]
    section: str
    passages: list[str] = []
    fingerprint: str  # of the cited text when the item was written


class CitationFile(_Strict):
    citations: list[Citation]
    unresolved: list[str] = []  # items whose cited section names no recorded section


@cache
def recorded(document: str, directory: Path = SOURCES_DIR) -> RecordedVersion:
    """The recorded version of the ``patient`` or ``professional`` summary."""
    name = SOURCE_FILES[document]
    return load_data_file(directory / name, RecordedVersion, f"sources/{name}")


@cache
def citations(directory: Path = SOURCES_DIR) -> CitationFile:
    return load_data_file(directory / CITATIONS_FILE, CitationFile, f"sources/{CITATIONS_FILE}")


def as_date(value: str) -> date:
    """A version date as a date; a year or a month alone is taken at its start (older)."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def age_warnings(today: date, max_months: int, directory: Path = SOURCES_DIR) -> list[str]:
    """A warning for each recorded PDQ version older than ``max_months`` on ``today``."""
    out = []
    for document in SOURCE_FILES:
        version = recorded(document, directory)
        age = months_between(as_date(version.version_date), today)
        if age > max_months:
            out.append(
                f"the PDQ {document} version Islet was written from ({version.version_date}) is "
                f"{age} months old (more than {max_months}); last reviewed {version.reviewed}. "
                "Check cancer.gov for a newer version and run `islet review` (docs/updating.md)."
            )
    return out


class SourceVersion(BaseModel):
    document: str  # patient or professional
    version_date: str  # the PDQ version Islet's items were written from
    reviewed: str  # when Islet's items were last checked against it


def versions_summary(directory: Path = SOURCES_DIR) -> list[SourceVersion]:
    """The recorded source versions, for the web footer and the health endpoint (empty when
    the records cannot be read: `islet check` reports that)."""
    from islet.errors import KnowledgeError

    try:
        return _versions(directory)
    except KnowledgeError:
        return []


@cache
def _versions(directory: Path) -> list[SourceVersion]:
    return [
        SourceVersion(
            document=version.document,
            version_date=version.version_date,
            reviewed=version.reviewed,
        )
        for version in (recorded(d, directory) for d in SOURCE_FILES)
    ]


def source_report(directory: Path, today: date, max_months: int) -> tuple[list[str], list[str]]:
    """Problems (unreadable source records) and warnings (old versions, items the citation
    record does not cover) for `islet check`."""
    from islet.errors import KnowledgeError
    from islet.kb import read
    from islet.sources.citations import sources_of

    sources = directory / "sources"
    try:
        warnings = age_warnings(today, max_months, sources)
        stored = {c.item for c in citations(sources).citations}
    except KnowledgeError as error:
        return error.problems, []
    kb, _ = read(directory)
    missing = sorted({key for key, _, _ in sources_of(kb, directory)} - stored)
    if missing:
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        warnings.append(
            f"{len(missing)} items have no recorded citation ({shown}): run "
            "scripts/record_sources.py (docs/updating.md)"
        )
    return [], warnings
