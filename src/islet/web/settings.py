"""Run-time settings of the web app, read from the environment once per process."""

from __future__ import annotations

import os
from dataclasses import dataclass

from islet.cds.auth import trusted_issuers
from islet.errors import IsletError

DEFAULT_MAX_BODY_BYTES = 64 * 1024
DEFAULT_RATE_LIMIT = 600  # API requests per minute per client (a clinic may share one address)
DEFAULT_RATE_LIMIT_STORAGE = "memory://"


@dataclass(frozen=True)
class Settings:
    """Limits of one app instance.

    ``rate_limit`` is the number of API requests one client may make per minute (0 turns the
    limit off); ``max_body_bytes`` bounds every request body; ``rate_limit_storage`` is where
    the counts live (``memory://`` per worker, or ``redis://host:port`` shared by every worker
    and machine using that Redis). ``public_url`` is the address people and EHRs reach Islet at
    (links in CDS cards, the JWT audience); empty means the request's own address.
    ``cds_trusted_issuers`` maps each CDS client (JWT issuer) Islet trusts to its JWKS address;
    empty means the CDS service answers anyone (testing only).
    """

    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    rate_limit: int = DEFAULT_RATE_LIMIT
    rate_limit_storage: str = DEFAULT_RATE_LIMIT_STORAGE
    public_url: str = ""
    cds_trusted_issuers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from ``ISLET_MAX_BODY_BYTES``, ``ISLET_RATE_LIMIT``,
        ``ISLET_RATE_LIMIT_STORAGE``, ``ISLET_PUBLIC_URL`` and ``ISLET_CDS_TRUSTED_ISSUERS``
        (defaults otherwise)."""
        issuers = trusted_issuers(os.environ.get("ISLET_CDS_TRUSTED_ISSUERS", ""))
        return cls(
            max_body_bytes=_int_env("ISLET_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
            rate_limit=_int_env("ISLET_RATE_LIMIT", DEFAULT_RATE_LIMIT),
            rate_limit_storage=os.environ.get("ISLET_RATE_LIMIT_STORAGE", "").strip()
            or DEFAULT_RATE_LIMIT_STORAGE,
            public_url=os.environ.get("ISLET_PUBLIC_URL", "").strip().rstrip("/"),
            cds_trusted_issuers=tuple(issuers.items()),
        )


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise IsletError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 0:
        raise IsletError(f"{name} must not be negative")
    return value
