"""The clinical trial finder: ClinicalTrials.gov API v2 records for pancreatic NETs.

- ``client``: the polite API v2 client (paging, rate limit, retries, timeouts)
- ``records``: the Trial model and the file formats read (legacy formats rejected)
- ``conditions``: condition names of pancreatic NETs and of each tumor type
- ``store`` / ``importer``: the SQLite store with full-text search; all-or-nothing imports
- ``search``: search and show (one function per question, pydantic results)
- ``eligibility`` / ``criteria`` / ``screening``: reading free-text criteria against a
  person's facts (pass / fail / undetermined per criterion)
- ``geo``: distances

Only public registry records are stored; what a person enters is never stored or logged.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from islet.trials.eligibility import CriterionCheck, PersonFacts
    from islet.trials.importer import ImportReport, import_files, update_from_registry
    from islet.trials.records import Trial, parse_study
    from islet.trials.screening import ScreeningResult, screen
    from islet.trials.search import (
        TrialDetail,
        TrialHit,
        TrialQuery,
        TrialSearchResult,
        search,
        show,
    )
    from islet.trials.store import default_db_path

# Where each name lives: a submodule is imported when one of its names is first used, so that
# importing one part (the web app imports the screening vocabulary at start-up) does not load
# the registry client, the importer and the store with httpx and SQLite.
_HOME = {
    "CriterionCheck": "eligibility",
    "PersonFacts": "eligibility",
    "ImportReport": "importer",
    "import_files": "importer",
    "update_from_registry": "importer",
    "Trial": "records",
    "parse_study": "records",
    "ScreeningResult": "screening",
    "screen": "screening",
    "TrialDetail": "search",
    "TrialHit": "search",
    "TrialQuery": "search",
    "TrialSearchResult": "search",
    "search": "search",
    "show": "search",
    "default_db_path": "store",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'islet.trials' has no attribute '{name}'")
    return getattr(importlib.import_module(f"islet.trials.{_HOME[name]}"), name)


__all__ = [
    "CriterionCheck",
    "ImportReport",
    "PersonFacts",
    "ScreeningResult",
    "Trial",
    "TrialDetail",
    "TrialHit",
    "TrialQuery",
    "TrialSearchResult",
    "default_db_path",
    "import_files",
    "parse_study",
    "screen",
    "search",
    "show",
    "update_from_registry",
]
