"""Every data file beside the knowledge base is loaded and checked at once (``islet.datafiles``):
what the web app and ``islet serve`` run before they answer anything."""

from __future__ import annotations

from typing import Any

import pytest

from islet import datafiles
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase

READERS = ["load_guide_data", "ajcc", "enets", "who", "texts", "vocabulary", "load_cds_data"]


def test_the_shipped_data_files_are_read_and_valid(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every reader runs on the real files (each raises on a problem) and none is skipped."""
    called: list[str] = []
    for name in READERS:
        reader = getattr(datafiles, name)

        def spy(*args: Any, _reader: Any = reader, _name: str = name, **kwargs: Any) -> Any:
            called.append(_name)
            return _reader(*args, **kwargs)

        monkeypatch.setattr(datafiles, name, spy)
    assert datafiles.check_data(kb) is None
    assert sorted(called) == sorted(READERS)


def test_a_problem_in_the_symptom_texts_stops_start_up(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datafiles, "extras_problems", lambda kb, extras: ["symptoms: no text"])
    with pytest.raises(KnowledgeError, match="symptoms: no text"):
        datafiles.check_data(kb)


def test_a_broken_data_file_is_named(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise KnowledgeError(["guide/questions.yaml: cannot be read"])

    monkeypatch.setattr(datafiles, "load_guide_data", broken)
    with pytest.raises(KnowledgeError, match=r"guide/questions\.yaml"):
        datafiles.check_data(kb)
