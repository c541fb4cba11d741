"""Run-time settings of the web app, read from the environment once per process."""

from __future__ import annotations

from dataclasses import dataclass

from islet import settings

DEFAULT_MAX_BODY_BYTES = settings.DEFAULTS.max_body_bytes
DEFAULT_RATE_LIMIT = settings.DEFAULTS.rate_limit  # per minute per client (a clinic may share one)
DEFAULT_RATE_LIMIT_STORAGE = settings.DEFAULTS.rate_limit_storage


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
        """The ``ISLET_*`` settings of the web app (islet.settings), defaults otherwise."""
        found = settings.current()
        return cls(
            max_body_bytes=found.max_body_bytes,
            rate_limit=found.rate_limit,
            rate_limit_storage=found.rate_limit_storage,
            public_url=found.public_url.rstrip("/"),
            cds_trusted_issuers=tuple(found.cds_trusted_issuers.items()),
        )
