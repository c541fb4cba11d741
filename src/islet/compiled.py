"""The compiled knowledge base: validated once, then loaded from the user cache in milliseconds.

Reading 300 kB of YAML and validating it with pydantic takes most of a second; unpickling the
validated result takes a few milliseconds. The compiled form is keyed by a hash of everything
that shapes it (the knowledge files, Islet's version and the source of the model classes, the
Python and pydantic versions), so a changed file is never served stale: a new key means the
YAML is read and validated again. A cache that cannot be read, or is corrupt, is ignored and
rebuilt; one that cannot be written is skipped. Neither ever stops Islet.

``islet check`` does not come here: it always reads and checks the YAML itself.

``ISLET_CACHE_DIR`` moves the cache (default: the user cache folder, via platformdirs);
``ISLET_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from islet import __version__, settings

CACHE_ENV = settings.CACHE_DIR.name
OFF = "off"
# The modules whose classes are pickled (patterns under src/islet): a change to any of them,
# including a file added, moved or renamed (a pickle names each class by its module path),
# changes the key.
SHAPING_MODULES = ("model/*.py", "kb.py", "compiled.py")
PACKAGE = Path(__file__).parent

T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where compiled files live, or None when caching is off."""
    configured = settings.CACHE_DIR.text()
    if configured.lower() == OFF:
        return None
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir  # imported only when the default is needed

    return Path(user_cache_dir("islet", appauthor=False))


def fingerprint(directory: Path, pattern: str = "*.yaml") -> str:
    """A hash of the files in ``directory`` matching ``pattern`` (names and bytes), Islet's
    version and code, and the Python and pydantic versions."""
    import pydantic

    digest = hashlib.sha256()
    parts: list[tuple[str, bytes]] = [
        ("islet", __version__.encode()),
        ("python", sys.version.encode()),
        ("pydantic", pydantic.VERSION.encode()),
    ]
    parts += [(f"code/{name}", (PACKAGE / name).read_bytes()) for name in shaping_files()]
    files = sorted(directory.glob(pattern)) if directory.is_dir() else []
    parts += [(f"data/{path.name}", path.read_bytes()) for path in files]
    for name, data in parts:
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


def shaping_files() -> list[str]:
    """The files of Islet's code that shape the compiled form, as paths under the package."""
    found = {path for pattern in SHAPING_MODULES for path in PACKAGE.glob(pattern)}
    return sorted(path.relative_to(PACKAGE).as_posix() for path in found)


def cached(kind: str, key: str, build: Callable[[], T], expected: type[T]) -> T:
    """The ``kind`` object compiled under ``key``, or ``build()`` compiled and stored.

    Anything that is not a readable pickle of an ``expected`` object is treated as absent.
    Errors from ``build`` (for example invalid knowledge) are raised as they are, and nothing
    is stored for them.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    found = _read(path, expected)
    if found is not None:
        return found
    value = build()
    _write(folder, kind, path, value)
    return value


def _read(path: Path, expected: type[T]) -> T | None:
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated, corrupt or incompatible file: rebuild it
        _remove(path)
        return None
    return value if isinstance(value, expected) else None


def _write(folder: Path, kind: str, path: Path, value: object) -> None:
    """Store ``value`` atomically (a reader never sees half a file) and drop older versions."""
    temporary: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # a read-only or full disk: Islet works without the cache
        if temporary is not None:
            _remove(temporary)
        return
    for old in folder.glob(f"{kind}-*.pickle"):
        if old != path:
            _remove(old)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
