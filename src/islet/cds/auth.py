"""Who may call the CDS service: the JWT bearer a CDS client (EHR) sends, as CDS Hooks describes.

The client signs a JWT with its private key; Islet checks the signature with the public keys from
the JWKS address configured for that issuer, that the issuer is trusted, that the audience is the
service address it called, and that the token has not expired (``exp``, ``iat`` and ``jti`` must
be present). Keys are fetched with httpx and kept in memory for a while; nothing else is kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    import jwt

from islet.errors import IsletError

ALGORITHMS = ["ES384", "RS384", "ES256", "RS256", "ES512", "RS512"]  # never "none" or HS*
LEEWAY_SECONDS = 30
KEYS_SECONDS = 600.0


class Unauthorized(IsletError):
    """The request carries no usable bearer token (HTTP 401)."""


class KeySets:
    """JWK sets by address, fetched when first needed and again after ``KEYS_SECONDS`` or
    when a token names a key id the set lacks (the client may have rotated its keys)."""

    def __init__(self, transport: httpx.BaseTransport | None = None) -> None:
        self.transport = transport
        self.sets: dict[str, tuple[float, jwt.PyJWKSet]] = {}
        self.lock = threading.Lock()

    def key(self, url: str, kid: str | None) -> jwt.PyJWK:
        with self.lock:
            cached = self.sets.get(url)
            fresh = cached is not None and time.monotonic() - cached[0] < KEYS_SECONDS
            keys = cached[1] if cached and fresh else self._fetch(url)
            found = _pick(keys, kid)
            if found is None and fresh:
                found = _pick(self._fetch(url), kid)
        if found is None:
            raise Unauthorized("the token's signing key is not among the issuer's keys")
        return found

    def _fetch(self, url: str) -> jwt.PyJWKSet:
        import jwt  # with its cryptography stack, only when a CDS Hooks request is checked

        try:
            with httpx.Client(transport=self.transport, timeout=10.0) as client:
                response = client.get(url, headers={"Accept": "application/json"})
            response.raise_for_status()
            keys = jwt.PyJWKSet.from_dict(response.json())
        except (httpx.HTTPError, ValueError, jwt.PyJWKSetError) as error:
            raise Unauthorized(
                f"the issuer's keys could not be read ({type(error).__name__})"
            ) from None
        self.sets[url] = (time.monotonic(), keys)
        return keys


def _pick(keys: jwt.PyJWKSet, kid: str | None) -> jwt.PyJWK | None:
    if kid is None:
        return keys.keys[0] if len(keys.keys) == 1 else None
    return next((k for k in keys.keys if k.key_id == kid), None)


def verify(
    authorization: str | None,
    audience: str,
    issuers: Mapping[str, str],
    key_sets: KeySets,
) -> dict[str, Any]:
    """The claims of the bearer token in the ``Authorization`` header, once verified.

    ``issuers`` maps each trusted issuer (``iss``) to the address of its JWK set. Raises
    Unauthorized saying what is wrong (never repeating the token).
    """
    import jwt  # with its cryptography stack, only when a CDS Hooks request is checked

    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("a JWT bearer token is needed (Authorization: Bearer <JWT>)")
    token = token.strip()
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise Unauthorized("the bearer token is not a JWT") from None
    issuer = unverified.get("iss")
    if not isinstance(issuer, str) or issuer not in issuers:
        raise Unauthorized("the token's issuer is not one this service trusts")
    if header.get("alg") not in ALGORITHMS:
        raise Unauthorized(f"the token must be signed with one of {', '.join(ALGORITHMS)}")
    key = key_sets.key(issuers[issuer], header.get("kid"))
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=ALGORITHMS,
            audience=audience,
            issuer=issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": ["iss", "aud", "exp", "iat", "jti"]},
        )
    except jwt.ExpiredSignatureError:
        raise Unauthorized("the token has expired") from None
    except jwt.InvalidAudienceError:
        raise Unauthorized("the token's audience is not this service's address") from None
    except jwt.MissingRequiredClaimError as error:
        raise Unauthorized(f"the token lacks the '{error.claim}' claim") from None
    except jwt.PyJWTError as error:
        raise Unauthorized(f"the token is not valid ({type(error).__name__})") from None
    return claims
