"""Compiled forms: validated or built once, then loaded from the user cache in milliseconds.

Reading 300 kB of YAML and validating it with pydantic takes most of a second, and so does
building the Ask index; loading the stored result takes a few milliseconds. Each compiled file
is keyed by a hash of everything that shapes it (its input files, Islet's version and the source
of the code that builds it, the Python and library versions), so a changed input is never served
stale: a new key means the object is built again. A cache that cannot be read, or is corrupt,
is ignored and rebuilt; one that cannot be written is skipped. Neither ever stops Islet.

The file is a pickle (protocol 5) whose large arrays are stored out of band, after it, and
memory-mapped when read: the Ask index's arrays are read from the page cache in place, and
shared by every worker on the machine. Objects the caller already holds (the knowledge base an
index is built over) are stored by name and given back by the caller when it is read.

``islet check`` does not come here: it always reads and checks the YAML itself.

``ISLET_CACHE_DIR`` moves the cache (default: the user cache folder, via platformdirs);
``ISLET_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import mmap
import os
import pickle
import struct
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

from islet import __version__, settings

CACHE_ENV = settings.name("cache_dir")
OFF = "off"
# The code whose classes are pickled: a change to it changes the key. A name is a module file or
# a package folder ("model" is either model.py or a model/ package).
SHAPING_CODE = ("model", "kb.py", "yamlfiles.py", "compiled.py")
MAGIC = b"ISLETC5\n"
ALIGN = 64  # buffers start at multiples of this, so arrays are aligned in the mapping
_HEADER = struct.Struct("<QQ")  # pickle length, number of buffers
_BUFFER = struct.Struct("<QQ")  # offset, length

T = TypeVar("T")
_PACKAGE = Path(__file__).parent
# Off while `islet check` runs: every data file is read and validated from its YAML.
_bypass: ContextVar[bool] = ContextVar("islet_compiled_bypass", default=False)


def cache_dir() -> Path | None:
    """Where compiled files live, or None when caching is off."""
    if _bypass.get():
        return None
    configured = settings.current().cache_dir or ""
    if configured.lower() == OFF:
        return None
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir  # imported only when the default is needed

    return Path(user_cache_dir("islet", appauthor=False))


@contextlib.contextmanager
def bypassed() -> Iterator[None]:
    """Within this block nothing is read from or written to the cache."""
    token = _bypass.set(True)
    try:
        yield
    finally:
        _bypass.reset(token)


def code_files(names: Iterable[str]) -> list[Path]:
    """The source files of the named modules and packages of Islet (missing names skipped)."""
    found: list[Path] = []
    for name in names:
        path = _PACKAGE / name
        if path.is_dir():
            found.extend(sorted(path.rglob("*.py")))
        elif path.suffix == ".py" and path.is_file():
            found.append(path)
        elif (_PACKAGE / f"{name}.py").is_file():
            found.append(_PACKAGE / f"{name}.py")
    return found


def code_of(cls: type) -> list[str]:
    """The Islet modules or packages (as ``code_files`` names them) that define ``cls`` and the
    classes it is built on."""
    names = []
    for base in cls.__mro__:
        parts = base.__module__.split(".")
        if parts[0] == "islet" and len(parts) > 1:
            names.append(parts[1] if len(parts) > 2 else f"{parts[1]}.py")
    return list(dict.fromkeys(names))


def digest(files: Iterable[Path], versions: Mapping[str, str] = {}) -> str:
    """A hash of ``files`` (names and bytes), Islet's version, Python's and ``versions``."""
    hashed = hashlib.sha256()
    parts: list[tuple[str, bytes]] = [
        ("islet", __version__.encode()),
        ("python", sys.version.encode()),
    ]
    parts += [(name, value.encode()) for name, value in sorted(versions.items())]
    for path in files:
        try:
            name = path.relative_to(_PACKAGE).as_posix()
        except ValueError:  # knowledge outside the package (a test's copy)
            name = f"data/{path.name}"
        parts.append((f"file/{name}", path.read_bytes()))
    for name, data in parts:
        hashed.update(f"{name}\0{len(data)}\0".encode())
        hashed.update(data)
    return hashed.hexdigest()[:32]


def fingerprint(directory: Path, pattern: str = "*.yaml") -> str:
    """A hash of the files in ``directory`` matching ``pattern`` (names and bytes), Islet's
    version and the code of its model, and the Python and pydantic versions."""
    import pydantic

    files = sorted(directory.glob(pattern)) if directory.is_dir() else []
    return digest([*code_files(SHAPING_CODE), *files], {"pydantic": pydantic.VERSION})


def cached(
    kind: str,
    key: str,
    build: Callable[[], T],
    expected: type[T],
    shared: Mapping[str, object] | None = None,
) -> T:
    """The ``kind`` object compiled under ``key``, or ``build()`` compiled and stored.

    Anything that is not a readable compiled ``expected`` object is treated as absent.
    ``shared`` names objects the value refers to that are not stored with it (they are the
    caller's, and given back by name when the file is read). Errors from ``build`` (for
    example invalid knowledge) are raised as they are, and nothing is stored for them.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    found = _read(path, expected, shared or {})
    if found is not None:
        return found
    value = build()
    _write(folder, kind, path, value, shared or {})
    return value


def stored(kind: str, key: str) -> bool:
    """Whether a compiled ``kind`` file for ``key`` is in the cache."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        with (folder / f"{kind}-{key}.pickle").open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection within the block: reading a compiled file creates a few
    hundred thousand objects and no garbage, and collections triggered on the way would only
    walk them (a third of the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_file(path: Path, shared: Mapping[str, object] | None = None) -> Any:
    """The object stored in a compiled file; raises for anything that is not one."""
    with path.open("rb") as handle:
        mapping = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        with collection_paused():
            return _decode(memoryview(mapping), path.name, shared or {})
    finally:
        # Closed now unless loaded arrays read from it; then it closes with the last of them.
        with contextlib.suppress(BufferError):
            mapping.close()


def _decode(view: memoryview, name: str, shared: Mapping[str, object]) -> Any:
    if bytes(view[: len(MAGIC)]) != MAGIC:
        raise ValueError(f"{name} is not a compiled file")
    start = len(MAGIC)
    length, count = _HEADER.unpack_from(view, start)
    start += _HEADER.size
    buffers = []
    for index in range(count):
        offset, size = _BUFFER.unpack_from(view, start + index * _BUFFER.size)
        if offset + size > len(view):
            raise ValueError(f"{name} is truncated")
        buffers.append(view[offset : offset + size])
    start += count * _BUFFER.size
    if start + length > len(view):
        raise ValueError(f"{name} is truncated")
    return _Unpickler(io.BytesIO(view[start : start + length]), shared, buffers).load()


class _Pickler(pickle.Pickler):
    def __init__(self, out: io.BytesIO, shared: Mapping[str, object], buffers: list[Any]):
        super().__init__(out, protocol=5, buffer_callback=buffers.append)
        self._names = {id(value): name for name, value in shared.items()}

    def persistent_id(self, obj: object) -> str | None:
        return self._names.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: io.BytesIO, shared: Mapping[str, object], buffers: list[Any]):
        super().__init__(data, buffers=buffers)
        self._shared = shared

    def persistent_load(self, pid: Any) -> object:
        return self._shared[pid]  # a name the caller no longer has: KeyError, rebuilt


def _read(path: Path, expected: type[T], shared: Mapping[str, object]) -> T | None:
    try:
        value = load_file(path, shared)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated, corrupt or incompatible file: rebuild it
        _remove(path)
        return None
    return value if isinstance(value, expected) else None


def _encode(value: object, shared: Mapping[str, object]) -> bytes:
    out = io.BytesIO()
    buffers: list[pickle.PickleBuffer] = []
    _Pickler(out, shared, buffers).dump(value)
    body = out.getvalue()
    raws = [buffer.raw() for buffer in buffers]
    head = len(MAGIC) + _HEADER.size + len(raws) * _BUFFER.size + len(body)
    offsets = []
    position = head
    for raw in raws:
        position += -position % ALIGN
        offsets.append(position)
        position += raw.nbytes
    parts = [MAGIC, _HEADER.pack(len(body), len(raws))]
    parts += [_BUFFER.pack(o, raw.nbytes) for o, raw in zip(offsets, raws, strict=True)]
    parts.append(body)
    written = head
    for offset, raw in zip(offsets, raws, strict=True):
        parts.append(b"\0" * (offset - written))
        parts.append(bytes(raw))
        written = offset + raw.nbytes
    return b"".join(parts)


def _write(
    folder: Path, kind: str, path: Path, value: object, shared: Mapping[str, object]
) -> None:
    """Store ``value`` atomically (a reader never sees half a file) and drop older versions."""
    temporary: Path | None = None
    try:
        data = _encode(value, shared)
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except Exception:  # a read-only or full disk, an object that cannot be stored: skip it
        if temporary is not None:
            _remove(temporary)
        return
    for old in folder.glob(f"{kind}-*.pickle"):
        if old != path:
            _remove(old)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
