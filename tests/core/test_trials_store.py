"""The trial store and importer: raw JSON kept, snapshot date, all-or-nothing imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from islet.errors import TrialDataError
from islet.trials.eligibility import PersonFacts
from islet.trials.geo import Point
from islet.trials.importer import import_files
from islet.trials.search import TrialQuery, search, show
from islet.trials.store import TrialStore, default_db_path
from tests.tables import load_cases
from tests.trials_helpers import (
    LEGACY_FILES,
    REAL,
    REAL_V2_FILES,
    SNAPSHOT,
    net_files,
    net_store,
    stored_ids,
    write_page,
)

NET_IDS = ["NCT00353496", "NCT00428597", "NCT00510068", "NCT03375320"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding the four constructed NET trials."""
    return net_store(tmp_path / "trials.sqlite")


def test_real_records_are_imported_with_their_raw_json(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    report = import_files([REAL / f for f in REAL_V2_FILES], path, snapshot_date="2026-08-11")
    assert (report.imported, report.skipped, report.total_in_store) == (10, [], 10)
    original = json.loads((REAL / REAL_V2_FILES[3]).read_text(encoding="utf-8"))
    with TrialStore.open_for_reading(path) as store:
        kept = store.get("NCT00763412")
        assert kept is not None
        assert kept.raw == original  # results and derived sections kept, though not parsed
        assert kept.snapshot_date == "2026-08-11"
        assert kept.source == str(REAL / REAL_V2_FILES[3])
        assert store.meta("snapshot_date") == "2026-08-11"


def test_a_folder_with_a_legacy_file_is_refused_before_anything_is_written(db: Path) -> None:
    with pytest.raises(TrialDataError, match=LEGACY_FILES[0]):
        import_files([REAL], db, snapshot_date="2030-01-01")
    assert stored_ids(db) == NET_IDS
    with TrialStore.open_for_reading(db) as store:
        assert store.meta("snapshot_date") == SNAPSHOT


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TrialDataError, match="no such file or folder"):
        import_files([tmp_path / "nope.json"], tmp_path / "t.sqlite")
    assert not (tmp_path / "t.sqlite").exists()


@pytest.mark.parametrize("case", load_cases("trials_malformed.yaml"))
def test_a_malformed_record_is_skipped_and_reported(case: dict[str, Any], tmp_path: Path) -> None:
    good = [json.loads(p.read_text(encoding="utf-8")) for p in net_files()[:2]]
    page = write_page(tmp_path / "page.json", [good[0], case["raw"], good[1]])
    report = import_files([page], tmp_path / "t.sqlite")
    assert report.imported == 2
    [skipped] = report.skipped
    assert (skipped.source, skipped.index) == (str(page), 1)
    assert case["reason"] in skipped.reason
    assert stored_ids(tmp_path / "t.sqlite") == NET_IDS[:2]


def test_a_crash_mid_import_leaves_the_previous_data_intact(db: Path) -> None:
    def crash_after_five(done: int, total: int) -> None:
        if done == 5:
            raise RuntimeError("simulated crash")

    with pytest.raises(RuntimeError, match="simulated crash"):
        import_files([REAL / f for f in REAL_V2_FILES], db, progress=crash_after_five)
    assert stored_ids(db) == NET_IDS
    with TrialStore.open_for_reading(db) as store:
        assert store.meta("snapshot_date") == SNAPSHOT


def test_a_crash_during_a_replace_keeps_the_old_records(db: Path) -> None:
    def crash(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_files([REAL / REAL_V2_FILES[0]], db, replace=True, progress=crash)
    assert stored_ids(db) == NET_IDS


def test_a_killed_process_leaves_the_previous_data_intact(db: Path) -> None:
    # The process dies (os._exit: no cleanup, no rollback code runs) after writing 3 records.
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from islet.trials.importer import import_files\n"
        "def die(done, total):\n"
        "    if done == 3:\n"
        "        os._exit(9)\n"
        "files = [Path(a) for a in sys.argv[2:]]\n"
        "import_files(files, Path(sys.argv[1]), replace=True, progress=die)\n"
    )
    files = [str(REAL / f) for f in REAL_V2_FILES]
    done = subprocess.run([sys.executable, "-c", script, str(db), *files], check=False)
    assert done.returncode == 9
    assert stored_ids(db) == NET_IDS  # SQLite's journal undid the half-written import
    assert import_files([REAL / REAL_V2_FILES[2]], db).total_in_store == 5


def test_replace_swaps_the_whole_snapshot(db: Path) -> None:
    report = import_files([REAL / REAL_V2_FILES[2]], db, replace=True, snapshot_date="2026-08-11")
    assert report.replaced
    assert stored_ids(db) == ["NCT02576665"]


def test_merging_updates_a_record_that_is_imported_again(db: Path, tmp_path: Path) -> None:
    raw = json.loads(net_files()[0].read_text(encoding="utf-8"))
    raw["protocolSection"]["statusModule"]["overallStatus"] = "WITHDRAWN"
    report = import_files(
        [write_page(tmp_path / "again.json", [raw])], db, snapshot_date="2030-01-01"
    )
    assert (report.imported, report.total_in_store) == (1, 4)
    detail = show("NCT00353496", db)
    assert detail.trial.overall_status == "WITHDRAWN"
    assert detail.snapshot_date == "2030-01-01"
    assert search(TrialQuery(statuses=["withdrawn"]), db).total == 1


def test_reading_a_missing_store_says_what_to_do_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    with pytest.raises(TrialDataError, match="islet trials update"):
        search(TrialQuery(), path)
    assert not path.exists()


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list", encoding="utf-8")
    with pytest.raises(TrialDataError, match="not an Islet trial store"):
        search(TrialQuery(), path)
    with pytest.raises(TrialDataError, match="not an Islet trial store"):
        import_files(net_files(), path)
    assert path.read_text(encoding="utf-8") == "shopping list"


def test_the_store_location_can_be_configured(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ISLET_TRIALS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "islet" / "trials.sqlite"
    monkeypatch.setenv("ISLET_TRIALS_DB", str(tmp_path / "mine.sqlite"))
    assert default_db_path() == tmp_path / "mine.sqlite"


def test_what_a_person_enters_is_never_written(db: Path) -> None:
    before = {p.name: p.read_bytes() for p in db.parent.iterdir()}
    person = PersonFacts(age=54.321, sex="female", grade=2, ki67=7.654, prior_treatments=["Qzx"])
    near = Point(lat=12.3456, lon=-65.4321)
    search(TrialQuery(age=54.321, sex="female", near=near), db)
    show("NCT03375320", db, person=person, near=near)
    after = {p.name: p.read_bytes() for p in db.parent.iterdir()}
    assert after == before
    assert not any(os.fsencode(v) in after[db.name] for v in ("54.321", "12.3456", "7.654", "Qzx"))
