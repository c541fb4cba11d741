"""The trial store: one SQLite file of public ClinicalTrials.gov records with full-text search.

It holds only public registry records (the raw JSON as received, the parsed trial, and the
snapshot date); nothing a person enters is ever written here. Writes happen inside one
transaction per import (see importer.py), so a failed import leaves the previous data intact.

Location: ``--db`` if given, else ``$ISLET_TRIALS_DB``, else
``trials.sqlite`` in the user data folder (platformdirs: ``$XDG_DATA_HOME/islet``, else
``~/.local/share/islet`` on Linux).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from islet import settings
from islet.errors import TrialDataError
from islet.messages import N_
from islet.trials.records import Trial

SCHEMA_VERSION = "1"
FTS_CONDITION_COLUMNS = "{titles conditions keywords summary}"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS studies (
    nct_id TEXT PRIMARY KEY,
    raw TEXT NOT NULL,
    trial TEXT NOT NULL,
    overall_status TEXT,
    snapshot_date TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS studies_fts USING fts5(
    nct_id UNINDEXED, titles, conditions, keywords, summary, interventions, eligibility,
    tokenize = 'porter unicode61'
);
CREATE TABLE IF NOT EXISTS live_searches (
    key TEXT PRIMARY KEY,
    fetched_at TEXT NOT NULL,
    registry_total INTEGER,
    nct_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS live_studies (
    nct_id TEXT PRIMARY KEY,
    raw TEXT NOT NULL,
    trial TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
"""
LIVE_SOURCE = "ClinicalTrials.gov API v2 (live search)"


def default_db_path() -> Path:
    """Where the store lives unless ``--db`` says otherwise."""
    configured = settings.current().trials_db
    if configured:
        return configured.expanduser()
    return Path(user_data_dir("islet", appauthor=False)) / "trials.sqlite"


@dataclass(frozen=True)
class CachedSearch:
    """The studies one live registry search returned, and when (ISO 8601, UTC)."""

    fetched_at: str
    registry_total: int | None
    trials: list[StoredTrial]


@dataclass(frozen=True)
class StoredTrial:
    trial: Trial
    raw: dict[str, Any]
    snapshot_date: str
    source: str


class TrialStore:
    """An open store. ``TrialStore.open_for_reading`` never creates a file."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open_for_writing(cls, path: Path) -> TrialStore:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
            connection.executescript(_SCHEMA)
            store = cls(connection, path)
            store._check_version(create=True)
        except sqlite3.DatabaseError as error:
            raise TrialDataError(f"{path}: not an Islet trial store ({error})") from error
        except OSError as error:
            raise TrialDataError(f"{path}: cannot be created ({error})") from error
        return store

    @classmethod
    def open_for_reading(cls, path: Path) -> TrialStore:
        if not path.is_file():
            raise TrialDataError(
                N_(
                    "no trial records yet at {path}: run `islet trials update` (online) or "
                    "`islet trials import FILE...` first",
                    path=str(path),
                )
            )
        try:
            # mode=rw never creates a file, yet can roll back a journal left by a crashed import.
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
            store = cls(connection, path)
            store._check_version(create=False)
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise TrialDataError(f"{path}: not an Islet trial store ({error})") from error
            # An import holds the store while it writes; readers see the old data again as
            # soon as it commits or rolls back.
            raise TrialDataError(
                f"{path}: the trial store is busy while an import writes to it; "
                "try again when the import has finished"
            ) from error
        except sqlite3.DatabaseError as error:
            raise TrialDataError(f"{path}: not an Islet trial store ({error})") from error
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TrialStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_version(self, *, create: bool) -> None:
        found = self.meta("schema_version")
        if found is None and create:
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
        elif found != SCHEMA_VERSION:
            raise TrialDataError(
                f"{self.path}: trial store version {found!r}, expected {SCHEMA_VERSION}; "
                "import the trials again into a new file"
            )

    # --- writing (call inside ``transaction``) ---------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing transaction: commits at the end, rolls back on any exception."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested unit inside a transaction: one record is written whole or not at all."""
        self._db.execute("SAVEPOINT record")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK TO record")
            self._db.execute("RELEASE record")
            raise
        self._db.execute("RELEASE record")

    def clear(self) -> None:
        self._db.execute("DELETE FROM studies")
        self._db.execute("DELETE FROM studies_fts")

    def put(self, trial: Trial, raw: dict[str, Any], snapshot_date: str, source: str) -> None:
        """Insert or replace one study and its full-text entry."""
        self._db.execute("DELETE FROM studies_fts WHERE nct_id = ?", (trial.nct_id,))
        self._db.execute(
            "INSERT OR REPLACE INTO studies "
            "(nct_id, raw, trial, overall_status, snapshot_date, source) VALUES (?, ?, ?, ?, ?, ?)",
            (
                trial.nct_id,
                json.dumps(raw, ensure_ascii=False),
                trial.model_dump_json(),
                trial.overall_status,
                snapshot_date,
                source,
            ),
        )
        self._db.execute(
            "INSERT INTO studies_fts "
            "(nct_id, titles, conditions, keywords, summary, interventions, eligibility) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                trial.nct_id,
                _join(trial.brief_title, trial.official_title, trial.acronym),
                _join(*trial.conditions),
                _join(*trial.keywords),
                _join(trial.brief_summary, trial.detailed_description),
                _join(*(n for i in trial.interventions for n in (i.name, *i.other_names))),
                trial.eligibility.criteria or "",
            ),
        )

    def put_live(
        self,
        key: str,
        fetched_at: str,
        registry_total: int | None,
        studies: list[tuple[Trial, dict[str, Any]]],
    ) -> None:
        """Keep the result of one live search (call inside ``transaction``). The cache is
        separate from imported records: it never makes the store count as filled."""
        for trial, raw in studies:
            self._db.execute(
                "INSERT OR REPLACE INTO live_studies (nct_id, raw, trial, fetched_at) "
                "VALUES (?, ?, ?, ?)",
                (
                    trial.nct_id,
                    json.dumps(raw, ensure_ascii=False),
                    trial.model_dump_json(),
                    fetched_at,
                ),
            )
        self._db.execute(
            "INSERT OR REPLACE INTO live_searches (key, fetched_at, registry_total, nct_ids) "
            "VALUES (?, ?, ?, ?)",
            (key, fetched_at, registry_total, json.dumps([t.nct_id for t, _ in studies])),
        )

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- reading ---------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM studies").fetchone()[0])

    def get(self, nct_id: str) -> StoredTrial | None:
        row = self._db.execute(
            "SELECT trial, raw, snapshot_date, source FROM studies WHERE nct_id = ?", (nct_id,)
        ).fetchone()
        return None if row is None else _stored(row)

    def cached_search(self, key: str) -> CachedSearch | None:
        """The kept result of a live search, or None (also for a store made before the cache)."""
        try:
            row = self._db.execute(
                "SELECT fetched_at, registry_total, nct_ids FROM live_searches WHERE key = ?",
                (key,),
            ).fetchone()
        except sqlite3.OperationalError:  # no such table: an older store, nothing cached
            return None
        if row is None:
            return None
        trials = [t for t in (self.cached_trial(i) for i in json.loads(row[2])) if t is not None]
        return CachedSearch(str(row[0]), None if row[1] is None else int(row[1]), trials)

    def cached_trial(self, nct_id: str) -> StoredTrial | None:
        """One study kept from a live search, or None."""
        try:
            row = self._db.execute(
                "SELECT trial, raw, fetched_at FROM live_studies WHERE nct_id = ?", (nct_id,)
            ).fetchone()
        except sqlite3.OperationalError:
            return None
        return None if row is None else _stored((row[0], row[1], row[2][:10], LIVE_SOURCE))

    def ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT nct_id FROM studies ORDER BY nct_id")]

    def matching(self, phrases: list[str] | None) -> Iterator[StoredTrial]:
        """Every stored trial, or those whose titles, conditions, keywords or summary contain
        one of ``phrases`` (full-text, with stemming: "tumors" finds "tumor")."""
        if phrases is None:
            rows = self._db.execute(
                "SELECT trial, raw, snapshot_date, source FROM studies ORDER BY nct_id"
            )
        else:
            quoted = [_fts_phrase(p) for p in phrases if _fts_phrase(p) != '""']
            if not quoted:
                return
            expression = f"{FTS_CONDITION_COLUMNS} : ({' OR '.join(quoted)})"
            rows = self._db.execute(
                "SELECT s.trial, s.raw, s.snapshot_date, s.source FROM studies s "
                "WHERE s.nct_id IN (SELECT nct_id FROM studies_fts WHERE studies_fts MATCH ?) "
                "ORDER BY s.nct_id",
                (expression,),
            )
        for row in rows:
            yield _stored(row)


def _stored(row: tuple[Any, ...]) -> StoredTrial:
    return StoredTrial(
        trial=Trial.model_validate_json(row[0]),
        raw=json.loads(row[1]),
        snapshot_date=str(row[2]),
        source=str(row[3]),
    )


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def _fts_phrase(text: str) -> str:
    # FTS5 phrase syntax: keep words only, so user text can never become an FTS operator.
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return '"' + " ".join(words) + '"'
