from __future__ import annotations

import pytest

from islet import kb as kb_module


@pytest.fixture(scope="session")
def kb() -> kb_module.KnowledgeBase:
    return kb_module.load()
