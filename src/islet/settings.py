"""Every ``ISLET_*`` setting in one declared table, read from the environment with clear errors.

Each :class:`Setting` names its variable and says what it does; the table is what
``tests/core/test_settings.py`` checks against README.md, and the only place Islet names a variable.
A bad value is an ``IsletError`` (exit 2 on the command line) that names the setting, never a
traceback. Command-line options that also read a setting (``islet serve --workers``) take its
``name`` as their Typer ``envvar``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from islet.errors import IsletError

TRUE = ("1", "true", "yes", "on", "")
FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name and what it does."""

    name: str
    help: str

    def read(self) -> str | None:
        """The value as set (None when unset)."""
        return os.environ.get(self.name)

    def text(self) -> str:
        """The value without surrounding spaces ("" when unset)."""
        return (self.read() or "").strip()

    def whole_number(self, default: int) -> int:
        """A whole number of 0 or more; ``default`` when unset or empty."""
        raw = self.text()
        if not raw:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise IsletError(f"{self.name} must be a whole number, not {raw!r}") from None
        if value < 0:
            raise IsletError(f"{self.name} must not be negative")
        return value

    def flag(self) -> bool:
        """On (1, true, yes, on; the default) or off (0, false, no, off)."""
        raw = self.text().lower()
        if raw not in TRUE + FALSE:
            raise IsletError(f"{self.name} must be 0 or 1, not {raw!r}")
        return raw not in FALSE


LANG = Setting("ISLET_LANG", "language of the command line's answers: en or es")
CACHE_DIR = Setting(
    "ISLET_CACHE_DIR", "folder of the compiled knowledge cache (default: user cache); off: none"
)
MAX_SOURCE_AGE_MONTHS = Setting(
    "ISLET_MAX_SOURCE_AGE_MONTHS", "islet check warns when a PDQ version is older (default 12)"
)
TRIALS_DB = Setting("ISLET_TRIALS_DB", "the trial store file (default: the user data folder)")
TRIALS_LIVE = Setting("ISLET_TRIALS_LIVE", "0 turns the live ClinicalTrials.gov search off")
CTGOV_API = Setting("ISLET_CTGOV_API", "address of the ClinicalTrials.gov API v2 (a mirror)")
SERVER_URL = Setting("ISLET_SERVER_URL", "islet export-static: the server the links go to")
WORKERS = Setting("ISLET_WORKERS", "islet serve: number of worker processes")
ROOT_PATH = Setting("ISLET_ROOT_PATH", "islet serve: the path prefix behind a proxy")
MAX_BODY_BYTES = Setting("ISLET_MAX_BODY_BYTES", "largest request body (default 64 kB)")
RATE_LIMIT = Setting("ISLET_RATE_LIMIT", "API requests per minute per client; 0: no limit")
RATE_LIMIT_STORAGE = Setting(
    "ISLET_RATE_LIMIT_STORAGE", "where rate-limit counts live: memory:// or redis://host:port"
)
PUBLIC_URL = Setting("ISLET_PUBLIC_URL", "address people and EHRs reach Islet at (CDS links)")
CDS_TRUSTED_ISSUERS = Setting(
    "ISLET_CDS_TRUSTED_ISSUERS", "JSON object of CDS client (JWT issuer) -> JWKS address"
)

SETTINGS: tuple[Setting, ...] = (
    LANG,
    CACHE_DIR,
    MAX_SOURCE_AGE_MONTHS,
    TRIALS_DB,
    TRIALS_LIVE,
    CTGOV_API,
    SERVER_URL,
    WORKERS,
    ROOT_PATH,
    MAX_BODY_BYTES,
    RATE_LIMIT,
    RATE_LIMIT_STORAGE,
    PUBLIC_URL,
    CDS_TRUSTED_ISSUERS,
)
