"""Import ClinicalTrials.gov records into the trial store, all or nothing.

Every import is ONE SQLite transaction. Inside it each record is written under its own
SAVEPOINT, so a record that fails is never half-written; a malformed record is skipped and
reported; anything else that goes wrong (a crash, Ctrl-C, a full disk) rolls the whole import
back and the previous data stays as it was. SQLite's journal gives the same guarantee when the
process dies mid-import. Files are read and checked before the store is touched, so a legacy
or unreadable file stops the import with nothing written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from islet.errors import TrialDataError
from islet.trials.client import CtgovClient, StudyQuery
from islet.trials.conditions import condition_terms
from islet.trials.records import MalformedRecord, parse_study, read_saved_file
from islet.trials.store import TrialStore

Progress = Callable[[int, int], None]  # (records done, records in total)
REGISTRY_SOURCE = "ClinicalTrials.gov API v2"
UPDATE_PAGE_SIZE = 200


class SkippedRecord(BaseModel):
    """A record that was not imported, and why."""

    source: str  # file path or the registry
    index: int  # position of the study in its file or download, from 0
    nct_id: str | None
    reason: str


class ImportReport(BaseModel):
    db: str
    sources: list[str]
    imported: int
    skipped: list[SkippedRecord]
    replaced: bool  # the previous records were replaced, not merged with
    total_in_store: int
    snapshot_date: str


def import_files(
    paths: Iterable[Path],
    db: Path,
    *,
    snapshot_date: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import saved API v2 files (search pages, single studies; folders: every *.json in them).

    Raises TrialDataError, before anything is written, for a missing, unreadable or legacy file.
    """
    files = _expand(paths)
    if not files:
        raise TrialDataError("no files to import")
    batches = [read_saved_file(path) for path in files]
    studies = [(str(b.path), i, raw) for b in batches for i, raw in enumerate(b.studies)]
    return import_studies(
        studies,
        db,
        sources=[str(f) for f in files],
        snapshot_date=snapshot_date,
        replace=replace,
        progress=progress,
    )


def update_from_registry(
    client: CtgovClient,
    db: Path,
    *,
    tumor_type: str | None = None,
    statuses: list[str] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Download every pancreatic NET study (or one tumor type's) and make it the new snapshot.

    The download finishes before the store is touched; if it fails, nothing changes.
    """
    query = StudyQuery(
        conditions=condition_terms(tumor_type),
        statuses=statuses or [],
        page_size=UPDATE_PAGE_SIZE,
    )
    downloaded = list(client.studies(query))
    return import_studies(
        [(REGISTRY_SOURCE, i, raw) for i, raw in enumerate(downloaded)],
        db,
        sources=[REGISTRY_SOURCE],
        replace=True,
        progress=progress,
    )


def import_studies(
    studies: list[tuple[str, int, Any]],
    db: Path,
    *,
    sources: list[str],
    snapshot_date: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Write (source, index, raw study) records in one transaction; see the module docstring."""
    snapshot = snapshot_date or datetime.now(UTC).date().isoformat()
    skipped: list[SkippedRecord] = []
    imported = 0
    with TrialStore.open_for_writing(db) as store:
        with store.transaction():
            if replace:
                store.clear()
            for done, (source, index, raw) in enumerate(studies, start=1):
                try:
                    trial = parse_study(raw)
                except MalformedRecord as error:
                    skipped.append(
                        SkippedRecord(
                            source=source, index=index, nct_id=_nct_id(raw), reason=str(error)
                        )
                    )
                else:
                    with store.savepoint():
                        store.put(trial, raw, snapshot, source)
                    imported += 1
                if progress is not None:
                    progress(done, len(studies))
            store.set_meta("snapshot_date", snapshot)
            store.set_meta("last_import_sources", "; ".join(sources))
        total = store.count()
    return ImportReport(
        db=str(db),
        sources=sources,
        imported=imported,
        skipped=skipped,
        replaced=replace,
        total_in_store=total,
        snapshot_date=snapshot,
    )


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise TrialDataError(f"{path}: no such file or folder")
    return files


def _nct_id(raw: Any) -> str | None:
    try:
        value = raw["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return None
    return value if isinstance(value, str) else None
