"""Every ``ISLET_*`` setting declared once: a pydantic-settings model read from the environment.

Each field of :class:`Settings` is a variable (``ISLET_`` + its name in capitals) with its type,
default and description; the model is what ``tests/core/test_settings.py`` checks against
README.md, and the only place Islet names a variable. :func:`current` reads the environment
afresh each time. A bad value is an ``IsletError`` (exit 2 on the command line) that names the
variable, never a traceback. Command-line options that also read a setting (``islet serve
--workers``) take :func:`name` as their Typer ``envvar``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from islet.errors import IsletError

PREFIX = "ISLET_"
TRUE = ("1", "true", "yes", "on", "")
FALSE = ("0", "false", "no", "off")
ISSUERS_EXAMPLE = (
    '{"https://sandbox.cds-hooks.org": "https://sandbox.cds-hooks.org/.well-known/jwks.json"}'
)


def _bad(message: str) -> PydanticCustomError:
    """A bad value; :func:`current` puts the variable's name in front of ``message``."""
    return PydanticCustomError("islet_setting", message)


def _whole_number(raw: object) -> object:
    if not isinstance(raw, str):
        return raw
    try:
        value = int(raw)
    except ValueError:
        raise _bad(f"must be a whole number, not {raw!r}") from None
    if value < 0:
        raise _bad("must not be negative")
    return value


def _flag(raw: object) -> object:
    if not isinstance(raw, str):
        return raw
    if raw.lower() not in TRUE + FALSE:
        raise _bad(f"must be 0 or 1, not {raw.lower()!r}")
    return raw.lower() not in FALSE


def _issuers(raw: object) -> object:
    if not isinstance(raw, str):
        return raw
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.startswith(("https://", "http://"))
        for k, v in data.items()
    ):
        raise _bad(f"must be a JSON object of issuer -> JWKS address, e.g. {ISSUERS_EXAMPLE}")
    return data


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
Flag = Annotated[bool, BeforeValidator(_flag)]  # 1, true, yes, on / 0, false, no, off
Issuers = Annotated[dict[str, str], NoDecode, BeforeValidator(_issuers)]


class Settings(BaseSettings):
    """The ``ISLET_*`` environment: a value unset, empty or all spaces is the default, and every
    value is read without its surrounding spaces."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True)

    lang: str | None = Field(None, description="language of the command line's answers: en or es")
    cache_dir: str | None = Field(
        None, description="folder of the compiled knowledge cache (default: user cache); off: none"
    )
    max_source_age_months: WholeNumber = Field(
        12, description="islet check warns when a PDQ version is older (default 12)"
    )
    trials_db: Path | None = Field(
        None, description="the trial store file (default: the user data folder)"
    )
    trials_live: Flag = Field(True, description="0 turns the live ClinicalTrials.gov search off")
    ctgov_api: str | None = Field(
        None, description="address of the ClinicalTrials.gov API v2 (a mirror)"
    )
    server_url: str = Field(
        "http://127.0.0.1:8000", description="islet export-static: the server the links go to"
    )
    workers: WholeNumber = Field(1, description="islet serve: number of worker processes")
    root_path: str = Field("", description="islet serve: the path prefix behind a proxy")
    max_body_bytes: WholeNumber = Field(
        64 * 1024, description="largest request body (default 64 kB)"
    )
    rate_limit: WholeNumber = Field(
        600, description="API requests per minute per client; 0: no limit"
    )
    rate_limit_storage: str = Field(
        "memory://", description="where rate-limit counts live: memory:// or redis://host:port"
    )
    public_url: str = Field("", description="address people and EHRs reach Islet at (CDS links)")
    cds_trusted_issuers: Issuers = Field(
        default_factory=dict,
        description="JSON object of CDS client (JWT issuer) -> JWKS address",
    )

    @model_validator(mode="before")
    @classmethod
    def _trimmed(cls, values: Any) -> Any:
        """Values without surrounding spaces; a blank one is left out, so its default holds."""
        if not isinstance(values, dict):
            return values
        trimmed = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
        return {k: v for k, v in trimmed.items() if v != ""}


def name(field: str) -> str:
    """The environment variable of a field: ``workers`` -> ``ISLET_WORKERS``."""
    if field not in Settings.model_fields:
        raise KeyError(f"no setting {field!r}")
    return PREFIX + field.upper()


def variables() -> dict[str, str]:
    """Every variable and its description, in the order declared."""
    return {name(f): info.description or "" for f, info in Settings.model_fields.items()}


def current(lenient: bool = False) -> Settings:
    """The settings as the environment has them now; IsletError naming each bad variable.

    ``lenient``: a bad value is taken as its default instead (for showing an error, which may be
    that very value, in the language asked for)."""
    try:
        return Settings()
    except ValidationError as error:
        bad = {str(problem["loc"][0]): problem["msg"] for problem in error.errors()}
        if lenient:
            fields = Settings.model_fields
            return Settings(**{f: fields[f].get_default(call_default_factory=True) for f in bad})
        raise IsletError("; ".join(f"{name(f)} {message}" for f, message in bad.items())) from None


DEFAULTS = Settings.model_construct()  # the declared defaults, without reading the environment
