from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from islet import kb as kb_module


@pytest.fixture(scope="session", autouse=True)
def compiled_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Compiled knowledge goes to a folder of this test run, not the user's cache."""
    folder = tmp_path_factory.mktemp("islet-cache")
    before = os.environ.get("ISLET_CACHE_DIR")
    os.environ["ISLET_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("ISLET_CACHE_DIR", None)
    else:
        os.environ["ISLET_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def kb() -> kb_module.KnowledgeBase:
    return kb_module.load()
