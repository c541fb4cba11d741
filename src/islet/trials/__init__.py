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
