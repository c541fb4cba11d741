"""Compiled regular expressions of Islet's own data, kept between runs.

Islet's data holds about a thousand regular expressions (the safety vocabulary in English and
Spanish, the Ask lexicon). Python's ``re`` parses and compiles each in pure Python, which costs
about 0.3 s a run; the C engine builds a pattern from its compiled code in microseconds. So the
compiled code of Islet's patterns is stored in the user cache (next to ``islet.compiled``'s
files) and handed to the engine on later runs. A pattern built from stored code is the same
object ``re.compile`` returns (equal pattern, flags and code).

- Privacy: only patterns compiled inside :func:`recording` are stored, and Islet records only
  while it loads its own data with fixed inputs, never while it reads what a person typed.
- Safety: the table is keyed by the Python build and the regular-expression engine's version, and
  used only when its checksum matches; one that is missing, corrupt or from another build is
  ignored (and rewritten), never a reason for Islet to fail. :func:`install` first checks, on
  sample patterns, that the stored form gives patterns equal to ``re``'s own, and does nothing
  if this Python's internals differ.
- ``ISLET_CACHE_DIR=off`` turns it off with the other compiled files.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the C engine behind `re`
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from islet import compiled

MAGIC = b"ISLETRE2"
MAX_ENTRIES = 20_000  # a bound on the table as the data changes over many versions
SAMPLES = (r"(?<![\w'])chest pains?(?![\w'])", r"(?P<n>\d+)\s*mg/dl", r"^(?:a|b)+$", r"x{2,5}?")

# flags, the compiled code (as bytes: reading ints one by one is ten times slower), the number
# of groups, the group names and the name of each group.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
CODE_TYPE = "I"  # an array of the engine's code words (checked against _sre.CODESIZE)

_recording: ContextVar[bool] = ContextVar("islet_regex_recording", default=False)
_state: dict[str, Any] = {"table": None, "path": None, "changed": False, "original": None}


def table_path(folder: Path) -> Path:
    """The table's file for this Python build and regular-expression engine."""
    build = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return folder / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:16]}.marshal"


def install() -> None:
    """Serve Islet's stored patterns to ``re`` from now on (once per process; idempotent)."""
    if _state["table"] is not None:
        return
    folder = compiled.cache_dir()
    if folder is None or not _internals_agree():
        return
    path = table_path(folder)
    _state["path"] = path
    _state["table"] = _read(path)
    _state["original"] = _compiler.compile
    _compiler.compile = _compile


def uninstall() -> None:
    """Give ``re`` its own compiler back and forget the table (for tests)."""
    if _state["original"] is not None:
        _compiler.compile = _state["original"]
    _state.update(table=None, path=None, changed=False, original=None)


@contextlib.contextmanager
def recording() -> Iterator[None]:
    """Patterns compiled within this block are stored (only Islet's data, never user text)."""
    token = _recording.set(True)
    try:
        yield
    finally:
        _recording.reset(token)
        save()


def save() -> None:
    """Write the table if it gained patterns; a table that cannot be written is skipped."""
    table, path = _state["table"], _state["path"]
    if table is None or path is None or not _state["changed"]:
        return
    _state["changed"] = False
    kept = dict(list(table.items())[-MAX_ENTRIES:])
    payload = marshal.dumps(kept)
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def stored_patterns() -> set[str]:
    """The patterns the table in the cache holds now (empty when there is none)."""
    folder = compiled.cache_dir()
    return {pattern for pattern, _ in _read(table_path(folder))} if folder else set()


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re``'s compiler, answering from the table for the patterns stored there."""
    table = _state["table"]
    if table is not None and type(pattern) is str and not flags & re.DEBUG:
        entry = table.get((pattern, flags))
        if entry is None and _recording.get():
            entry = table[(pattern, flags)] = _entry(pattern, flags)
            _state["changed"] = True
        if entry is not None:
            try:
                return _built(pattern, entry)
            except Exception:  # an entry the engine refuses: compile it as usual
                table.pop((pattern, flags), None)
    return _state["original"](pattern, flags)


def _entry(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the C engine for ``pattern`` (Python 3.11-3.13)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        array(CODE_TYPE, code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _built(pattern: str, entry: Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(
        pattern, flags, array(CODE_TYPE, code).tolist(), groups, groupindex, indexgroup
    )


def _internals_agree() -> bool:
    """Whether patterns built from stored code equal ``re``'s own on this Python."""
    try:
        return array(CODE_TYPE).itemsize == _sre.CODESIZE and all(
            _built(p, marshal.loads(marshal.dumps(_entry(p, 0)))) == _compiler.compile(p, 0)
            for p in SAMPLES
        )
    except Exception:  # internals renamed or changed: `re` keeps its own compiler
        return False


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    try:
        data = path.read_bytes()
        checksum, payload = data[len(MAGIC) : len(MAGIC) + 32], data[len(MAGIC) + 32 :]
        if data[: len(MAGIC)] != MAGIC or hashlib.sha256(payload).digest() != checksum:
            raise ValueError("not a regex table")
        with compiled.collection_paused():
            table = marshal.loads(payload)
        if not isinstance(table, dict):
            raise ValueError("not a regex table")
        return table
    except FileNotFoundError:
        return {}
    except Exception:  # corrupt or from another build: start a new table
        with contextlib.suppress(OSError):
            path.unlink()
        return {}
