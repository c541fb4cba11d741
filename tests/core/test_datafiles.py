"""Every data file beside the knowledge base is loaded and checked at once (``islet.datafiles``):
what the web app and ``islet serve`` run before they answer anything."""

from __future__ import annotations

import pytest

from islet import datafiles
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase


def test_the_shipped_data_files_are_valid(kb: KnowledgeBase) -> None:
    datafiles.check_data(kb)


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
