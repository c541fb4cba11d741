"""Islet's one YAML reader: every knowledge, data and evaluation file is read here.

Safe YAML, with libyaml's C loader when it is installed (several times faster than the
pure-Python one); a key given twice in one mapping is an error (PyYAML would silently keep the
last). A file that cannot be read or is not well-formed raises KnowledgeError naming the file
and the line. PyYAML is imported on first use, not with this module: a run that loads the
compiled knowledge (``islet.compiled``) never reads YAML.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from islet.errors import KnowledgeError


def parse_yaml(text: str) -> Any:
    """``text`` parsed by Islet's loader (see the module's docstring)."""
    import yaml

    return yaml.load(text, Loader=_loader())  # a safe loader either way


def yaml_error() -> type[Exception]:
    """PyYAML's error class (for ``except`` clauses, evaluated only when something failed)."""
    import yaml

    return yaml.YAMLError


def read_yaml(path: Path, where: str | None = None) -> Any:
    """The YAML document in ``path`` (see :func:`parse_yaml`).

    Raises KnowledgeError when the file cannot be read or is not well-formed YAML; the problem
    starts with ``where`` (how messages name the file, default the path) and says on which line.
    """
    name = where or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError([f"{name}: cannot be read: {error}"]) from error
    try:
        return parse_yaml(text)
    except yaml_error() as error:
        raise KnowledgeError([f"{name}: cannot be read: {_yaml_problem(error)}"]) from error


def _yaml_problem(error: Exception) -> str:
    """A YAML error as "line L, column C: what is wrong" (lines and columns counted from 1)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    what = f"{problem} ({context})" if context else str(problem)
    if mark is None:
        return what
    return f"line {mark.line + 1}, column {mark.column + 1}: {what}"


@cache
def _loader() -> Any:
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader: type[yaml.SafeLoader] = type("IsletLoader", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)
    return loader


def _unique_mapping(loader: Any, node: Any) -> Iterator[dict[Any, Any]]:
    """A mapping whose keys are all different (else a YAML error at the repeated key)."""
    import yaml

    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            repeated = key in seen
            seen.add(key)
        except TypeError:  # an unhashable key: PyYAML's own constructor says what is wrong
            continue
        if repeated:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"a key is given twice: {key}",
                key_node.start_mark,
            )
    # As PyYAML's own constructor: the (empty) mapping first, so references to it resolve.
    data: dict[Any, Any] = {}
    yield data
    data.update(loader.construct_mapping(node))


def read_mapping(path: Path, where: str, problems: list[str]) -> dict[Any, Any] | None:
    """The YAML mapping in ``path``; None, with the problem added (``where`` names the file),
    when it cannot be read or is not a mapping. An empty file is an empty mapping."""
    try:
        document = read_yaml(path, where) or {}
    except KnowledgeError as error:
        problems.extend(error.problems)
        return None
    if not isinstance(document, dict):
        problems.append(f"{where}: expected a mapping of collections")
        return None
    return document
