"""Faults: a trial import killed with SIGKILL mid-way, and a broken install of the knowledge.

The import really runs in another process and really dies by SIGKILL (no Python cleanup, no
rollback code), once while its writes are only in SQLite's cache and once after they have
reached the database file. The broken installs are copies of the package with one data file
corrupted, deleted, emptied or made binary: `islet serve` must refuse to start and the CLI must
exit 2 with a message naming the problem.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from islet.cli.guide import _read_situation
from islet.errors import InvalidInput, InvalidSituation, TrialDataError
from islet.trials.importer import import_files
from islet.trials.search import TrialQuery, search, show
from islet.trials.store import TrialStore
from tests.processes import (
    free_port,
    listening,
    package_copy,
    read_line,
    run_islet,
    run_islets,
)
from tests.tables import load_cases
from tests.trials_helpers import REAL, REAL_V2_FILES, SNAPSHOT, net_store, stored_ids
from tests.webapp import client

NET_IDS = ["NCT00353496", "NCT00428597", "NCT00510068", "NCT03375320"]
PAUSE_AFTER = 6  # records written when the import stops to be killed (of 10)

# Imports the real records into the store given, replacing what is there; after PAUSE_AFTER
# records it says "paused" and waits for input that never comes. "spill" shrinks SQLite's page
# cache to one page, so the half-done import is already written into the database file.
IMPORTER = f"""
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from islet.trials import store
from islet.trials.importer import import_files

if sys.argv[2] == "spill":
    opened = store.TrialStore.open_for_writing.__func__
    def small_cache(cls, path):
        writer = opened(cls, path)
        writer._db.execute("PRAGMA cache_size = 1")
        return writer
    store.TrialStore.open_for_writing = classmethod(small_cache)

def pause(done, total):
    if done == {PAUSE_AFTER}:
        print("paused", flush=True)
        sys.stdin.read()

import_files([Path(a) for a in sys.argv[3:]], Path(sys.argv[1]), replace=True, progress=pause)
print("finished", flush=True)
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding the four constructed NET trials: the data from before."""
    return net_store(tmp_path / "trials.sqlite")


def kill_mid_import(db: Path, cache: str) -> bytes:
    """Start the import, wait until it has written PAUSE_AFTER records, SIGKILL it; return the
    database file's bytes as the killed process left them."""
    with start_importer(db, cache) as importer:
        assert read_line(importer) == "paused\n"
        # The transaction is open: its journal is on disk next to the store.
        assert Path(f"{db}-journal").stat().st_size > 0
        importer.send_signal(signal.SIGKILL)
        assert importer.wait(timeout=30) == -signal.SIGKILL
    return db.read_bytes()


@contextmanager
def start_importer(db: Path, cache: str) -> Iterator[subprocess.Popen[bytes]]:
    """The importer process; killed if a check fails while it still runs."""
    files = [str(REAL / name) for name in REAL_V2_FILES]
    command = [sys.executable, "-c", IMPORTER, str(db), cache, *files]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as importer:
        try:
            yield importer
        finally:
            if importer.poll() is None:
                importer.kill()


@pytest.mark.parametrize(
    ("cache", "file_touched"), [("default", False), ("spill", True)], ids=["in-cache", "on-disk"]
)
def test_a_killed_import_leaves_the_data_from_before_intact_and_readable(
    db: Path, cache: str, file_touched: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db.read_bytes()
    left = kill_mid_import(db, cache)
    # With a one-page cache the half-done import had reached the database file itself.
    assert (left != before) == file_touched
    # The first reader rolls the journal back: the four trials from before, nothing of the six.
    assert stored_ids(db) == NET_IDS
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with TrialStore.open_for_reading(db) as store:
        assert store.meta("snapshot_date") == SNAPSHOT
        assert store.count() == 4
    assert sorted(hit.nct_id for hit in search(TrialQuery(), db).hits) == NET_IDS
    assert show("NCT00510068", db).snapshot_date == SNAPSHOT
    # The web app reads the same store as before, and a new import works as usual.
    monkeypatch.setenv("ISLET_TRIALS_DB", str(db))
    web: TestClient = client()
    found = web.get("/api/v1/trials", params={"any_condition": "true"})
    assert found.status_code == 200
    assert sorted(hit["nct_id"] for hit in found.json()["hits"]) == NET_IDS
    assert import_files([REAL / REAL_V2_FILES[2]], db).total_in_store == 5


def test_reading_during_an_import_sees_the_data_from_before(db: Path) -> None:
    with start_importer(db, "default") as importer:
        assert read_line(importer) == "paused\n"
        assert stored_ids(db) == NET_IDS  # the six new records are not visible yet
        assert importer.stdin is not None
        importer.stdin.close()  # let it finish
        assert read_line(importer) == "finished\n"
        assert importer.wait(timeout=30) == 0
    assert len(stored_ids(db)) == 10  # replaced by the ten real records


def test_a_store_locked_by_an_import_is_named_busy(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # as an import holds it while it writes to the file
    connect = sqlite3.connect
    # Readers give up at once instead of waiting SQLite's five seconds for the lock.
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, **{**k, "timeout": 0}))
    try:
        with pytest.raises(TrialDataError, match="busy while an import writes"):
            TrialStore.open_for_reading(db)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    monkeypatch.undo()
    assert stored_ids(db) == NET_IDS


def break_file(knowledge: Path, name: str, how: str) -> None:
    path = knowledge / name
    if how == "missing":
        path.unlink()
    elif how == "empty":
        path.write_text("", encoding="utf-8")
    elif how == "corrupt":
        path.write_text("items: [\n  - id: broken\n", encoding="utf-8")
    elif how == "binary":
        path.write_bytes(b"\xff\xfe\x00 not text \x80\x81")
    else:
        raise AssertionError(f"unknown way to break a file: {how}")


def flat(text: str) -> str:
    """Text with the console's line wrapping undone."""
    return " ".join(text.split())


@pytest.mark.parametrize("case", load_cases("broken_knowledge.yaml"))
def test_a_broken_install_refuses_to_start(case: dict[str, Any], tmp_path: Path) -> None:
    knowledge = package_copy(tmp_path / "site")
    break_file(knowledge, case["file"], case["break"])
    env = {"PYTHONPATH": str(tmp_path / "site"), "COLUMNS": "200", "ISLET_RATE_LIMIT": "0"}
    port = free_port()
    serve, command = run_islets(
        [["serve", "--port", str(port)], case["command"]], env=env, cwd=tmp_path
    )
    assert serve.returncode == 2, serve.stdout + serve.stderr
    assert "the knowledge base is invalid" in flat(serve.stderr)
    assert case["says"] in flat(serve.stderr)
    assert "Traceback" not in serve.stderr + serve.stdout
    assert "Islet is running" not in serve.stdout  # it never claimed to be up
    assert not listening(port)
    assert command.returncode == 2, command.stdout + command.stderr
    assert case["says"] in flat(command.stderr)
    assert "Traceback" not in command.stderr + command.stdout


def test_the_copy_used_above_works_when_nothing_is_broken(tmp_path: Path) -> None:
    """The control for the table: the same copy, unbroken, answers (so exit 2 above is the
    broken file's doing, not the copy's)."""
    package_copy(tmp_path / "site")
    env = {"PYTHONPATH": str(tmp_path / "site"), "COLUMNS": "200"}
    done = run_islet("show", "insulinoma", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    check = run_islet("check", env=env, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_situation_file_that_is_not_text_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "situation.json"
    path.write_bytes(b"\xff\xfe{}")
    done = run_islet("guide", "--situation", str(path), env={"COLUMNS": "200"})
    assert done.returncode == 2
    assert "is not UTF-8 text" in flat(done.stderr)
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("content", "says"), [(None, "cannot read"), (b"\xff\xfe{}", "is not UTF-8 text")]
)
def test_a_situation_file_islet_cannot_read_is_bad_input_not_a_bad_situation(
    tmp_path: Path, content: bytes | None, says: str
) -> None:
    """InvalidSituation is for situations; a file problem is the generic InvalidInput, still
    naming the field (so the exit code, 2, and the message stay those of any bad input)."""
    path = tmp_path / "situation.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InvalidInput) as refused:
        _read_situation(str(path))
    assert not isinstance(refused.value, InvalidSituation)
    assert refused.value.field == "situation"
    assert says in str(refused.value)
