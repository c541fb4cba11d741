"""Load, validate and index the knowledge base once; the result is immutable.

The knowledge lives in ``islet/knowledge/*.yaml``. Each file is a mapping whose top-level keys
name collections (``sections``, ``tumor_types``, ...); several files may add to one collection.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import BaseModel, ValidationError

from islet import compiled
from islet.errors import KnowledgeError, UnknownTerm
from islet.model import (
    Code,
    DiagnosticTest,
    GlossaryTerm,
    Item,
    PdqInfo,
    Rule,
    Section,
    Symptom,
    SymptomPattern,
    Treatment,
    TumorType,
    glossary_marks,
)
from islet.paths import KNOWLEDGE_DIR as KNOWLEDGE_DIR  # re-exported: where load() reads
from islet.yamlfiles import read_mapping, read_yaml

COLLECTIONS: dict[str, type[Item]] = {
    "sections": Section,
    "tumor_types": TumorType,
    "symptoms": Symptom,
    "symptom_patterns": SymptomPattern,
    "tests": DiagnosticTest,
    "treatments": Treatment,
    "rules": Rule,
    "glossary": GlossaryTerm,
    "codes": Code,
}
# Collections whose ids name a topic for `islet show`; they share one id space.
TOPIC_COLLECTIONS = (
    "sections",
    "tumor_types",
    "symptom_patterns",
    "symptoms",
    "tests",
    "treatments",
)
RECURRENT = "recurrent-progressive"


@dataclass(frozen=True)
class KnowledgeBase:
    """Every collection as an id -> item mapping, in file order."""

    sections: dict[str, Section] = field(default_factory=dict)
    tumor_types: dict[str, TumorType] = field(default_factory=dict)
    symptoms: dict[str, Symptom] = field(default_factory=dict)
    symptom_patterns: dict[str, SymptomPattern] = field(default_factory=dict)
    tests: dict[str, DiagnosticTest] = field(default_factory=dict)
    treatments: dict[str, Treatment] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    codes: dict[str, Code] = field(default_factory=dict)
    pdq: PdqInfo | None = None

    def collection(self, name: str) -> dict[str, Any]:
        items: dict[str, Any] = getattr(self, name)
        return items

    def items(self) -> Iterator[tuple[str, Item]]:
        """Every item with the name of its collection."""
        for name in COLLECTIONS:
            for item in self.collection(name).values():
                yield name, item

    def topic(self, query: str) -> Item:
        """The section, tumor type, pattern, test or treatment named by id, name or alias."""
        key = _norm(query)
        for collection in TOPIC_COLLECTIONS:
            exact: Item | None = self.collection(collection).get(query)
            if exact is not None:
                return exact  # an exact id wins over another item's title
        names: dict[str, Item] = {}
        for collection in TOPIC_COLLECTIONS:
            for item in self.collection(collection).values():
                for label in _labels(item):
                    names.setdefault(_norm(label), item)
        return _named(query, _variants(key), names, "topic", lambda item: item.id)

    def red_flags(self) -> list[Symptom]:
        """The symptoms marked as needing urgent care, in file order."""
        return [s for s in self.symptoms.values() if s.red_flag]

    def term(self, query: str) -> GlossaryTerm:
        """The glossary entry named by id, term or alias. A name with a note in brackets, as
        the tests and treatments print theirs ("MRI (magnetic resonance imaging)"), is also
        found without the note."""
        key = _norm(query)
        names = {
            _norm(label): entry
            for entry in self.glossary.values()
            for label in (entry.id, entry.term, *entry.aliases)
        }
        keys = _variants(key)
        bare = _norm(re.sub(r"\([^()]*\)", " ", query))
        if bare and bare != key:
            keys += _variants(bare)
        return _named(query, keys, names, "glossary term", lambda entry: entry.term)

    def item_in(self, collection: str, query: str, kind: str) -> Item:
        """The item of ``collection`` with id, name or alias ``query`` (its ``id`` differs from
        ``query`` when an alias or name found it). UnknownTerm for a ``kind``: with the close
        matches when ``query`` names nothing, without when it names another collection's item."""
        items: dict[str, Item] = self.collection(collection)
        if query in items:
            return items[query]
        try:
            item: Item = self.term(query) if collection == "glossary" else self.topic(query)
        except UnknownTerm as error:
            raise UnknownTerm(kind, query, error.suggestions) from None
        if item.id not in items:
            raise UnknownTerm(kind, query)
        return item

    def tumor_type(self, query: str) -> TumorType:
        """The tumor type named by id, name or alias; case and punctuation do not matter."""
        key = _words(query)
        names: dict[str, TumorType] = {}
        for item in self.tumor_types.values():
            for label in (item.id, item.name, *item.aliases):
                names.setdefault(_words(label), item)
        return _named(query, [key], names, "tumor type", lambda item: item.id)

    def rules_for(self, applies_to: str) -> list[Rule]:
        return [rule for rule in self.rules.values() if rule.applies_to == applies_to]


NamedT = TypeVar("NamedT", bound=Item)


def _named(
    query: str,
    keys: list[str],
    names: dict[str, NamedT],
    kind: str,
    shown: Callable[[NamedT], str],
) -> NamedT:
    """The item under the first of ``keys`` (spellings of ``query``) in ``names``; otherwise
    UnknownTerm for a ``kind``, suggesting the close matches as ``shown`` names them."""
    for key in keys:
        if key in names:
            return names[key]
    close = difflib.get_close_matches(keys[0], list(names), n=5, cutoff=0.6)
    raise UnknownTerm(kind, query, sorted({shown(names[c]) for c in close}))


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _variants(key: str) -> list[str]:
    """A normalised name, then the same without a possessive or a plural "s" ("Cushing's
    syndrome", "pancreatic neuroendocrine tumors"), so everyday spellings find the entry."""
    out = [key, key.replace("'s ", " ").removesuffix("'s").replace("'", "")]
    out += [v[:-1] for v in out if v.endswith("s") and not v.endswith("ss") and len(v) > 3]
    return list(dict.fromkeys(out))


def _labels(item: Item) -> list[str]:
    labels = [item.id]
    for attr in ("name", "title", "lay_name"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            labels.append(value)
    labels.extend(getattr(item, "aliases", []))
    # A tumor type is also found by its syndrome: "Zollinger-Ellison syndrome" is a gastrinoma.
    labels.extend(getattr(item, "syndromes", []))
    return labels


@cache
def load(directory: Path = KNOWLEDGE_DIR) -> KnowledgeBase:
    """The validated knowledge base; raises KnowledgeError listing every problem found.

    Validated once per version of the files: later runs load the compiled form from the user
    cache (see ``islet.compiled``); a changed file is read and validated again.
    """
    key = compiled.fingerprint(directory)
    kb = compiled.cached("knowledge", key, lambda: validated(directory), KnowledgeBase)
    _KEYS[id(kb)] = (kb, key)
    return kb


# The key each loaded knowledge base was compiled under, for what is compiled from it in turn
# (the Ask index). Kept with the knowledge base so that an id is never reused for another one.
_KEYS: dict[int, tuple[KnowledgeBase, str]] = {}


def compiled_key(kb: KnowledgeBase) -> str | None:
    """The hash of the files ``kb`` was loaded from by ``load`` (None for any other)."""
    kept = _KEYS.get(id(kb))
    return kept[1] if kept is not None and kept[0] is kb else None


def validated(directory: Path) -> KnowledgeBase:
    """The knowledge base read from the YAML in ``directory``; KnowledgeError if not valid."""
    kb, problems = read(directory)
    if problems:
        raise KnowledgeError(problems)
    return kb


def read(directory: Path) -> tuple[KnowledgeBase, list[str]]:
    """Parse every file and return what loaded plus the structural problems found."""
    problems: list[str] = []
    raw: dict[str, list[tuple[str, dict[str, Any]]]] = {name: [] for name in COLLECTIONS}
    pdq: PdqInfo | None = None
    files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    if not files:
        problems.append(f"no knowledge files found in {directory}")
    for path in files:
        document = read_mapping(path, path.name, problems)
        if document is None:
            continue
        for key, value in document.items():
            if key == "pdq":
                try:
                    pdq = PdqInfo.model_validate(value)
                except ValidationError as error:
                    problems.extend(validation_problems(path.name, "pdq", error))
            elif key not in COLLECTIONS:
                problems.append(f"{path.name}: unknown collection '{key}'")
            elif not isinstance(value, list):
                problems.append(f"{path.name}: '{key}' must be a list")
            else:
                raw[key].extend((path.name, entry) for entry in value)

    loaded: dict[str, dict[str, Any]] = {}
    topic_ids: dict[str, str] = {}
    for name, model in COLLECTIONS.items():
        items: dict[str, Any] = {}
        for filename, entry in raw[name]:
            where = f"{filename}: {name}/{entry.get('id', '?') if isinstance(entry, dict) else '?'}"
            try:
                item = model.model_validate(entry)
            except ValidationError as error:
                problems.extend(validation_problems(where, "", error))
                continue
            if item.id in items:
                problems.append(f"{where}: duplicate id '{item.id}'")
                continue
            if name in TOPIC_COLLECTIONS:
                if item.id in topic_ids:
                    problems.append(
                        f"{where}: duplicate id '{item.id}' (also in {topic_ids[item.id]})"
                    )
                    continue
                topic_ids[item.id] = name
            items[item.id] = item
        loaded[name] = items
    if pdq is None:
        problems.append("no 'pdq' metadata block found")
    kb = KnowledgeBase(**loaded, pdq=pdq)
    dangling = dangling_references(kb)
    # A missing or emptied file leaves a collection empty that other items still point to: name
    # it before the dangling ids that follow from it.
    problems.extend(
        f"no {name} found: is a knowledge file missing or empty?"
        for name in COLLECTIONS
        if not loaded[name] and any(p.endswith(f"({name})") for p in dangling)
    )
    problems.extend(dangling)
    return kb, problems


def validation_problems(where: str, prefix: str, error: ValidationError) -> list[str]:
    """One problem per error in ``error``, each starting with ``where`` (the file and item)."""
    out = []
    for detail in error.errors():
        path = ".".join(str(part) for part in (prefix, *detail["loc"]) if part != "")
        out.append(f"{where}: {path or 'item'}: {detail['msg']}")
    return out


ModelT = TypeVar("ModelT", bound=BaseModel)


def load_data_file(path: Path, model: type[ModelT], where: str) -> ModelT:
    """The YAML file at ``path`` validated as ``model``: for the data files in the subfolders
    of ``knowledge/``, which ``load`` does not read.

    Raises KnowledgeError when the file cannot be read or is not valid, each problem starting
    with ``where`` (how messages name the file, e.g. ``"calculators/ajcc-pnet.yaml"``).
    Validated once per version of the file and of the code that validates it; later runs load
    the compiled form (see ``islet.compiled``).
    """
    try:
        key = compiled.digest(
            [path, *compiled.code_files((*compiled.SHAPING_CODE, *compiled.code_of(model)))],
            {"model": f"{model.__module__}.{model.__qualname__}", "pydantic": PYDANTIC_VERSION},
        )
    except OSError:
        return _validated_file(path, model, where)  # unreadable: say so, as the loader does
    kind = "data." + re.sub(r"[^A-Za-z0-9_.]", ".", f"{where}.{model.__name__}")
    return compiled.cached(kind, key, lambda: _validated_file(path, model, where), model)


def _validated_file(path: Path, model: type[ModelT], where: str) -> ModelT:
    data = read_yaml(path, where)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise KnowledgeError(validation_problems(where, "", error)) from error


def strings_in(value: object) -> Iterator[str]:
    """Every string in ``value``, at any depth of its mappings, lists and tuples."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for inner in value.values():
            yield from strings_in(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from strings_in(inner)


def references(item: BaseModel, name: str) -> Iterator[tuple[str, str]]:
    """The (collection, id) pairs an item points to."""
    if isinstance(item, Section):
        if item.parent:
            yield "sections", item.parent
        for related in item.related:
            yield "topics", related
    elif isinstance(item, TumorType):
        if item.symptom_pattern:
            yield "symptom_patterns", item.symptom_pattern
        if item.treatment_section:
            yield "sections", item.treatment_section
    elif isinstance(item, SymptomPattern):
        yield from (("tumor_types", t) for t in item.tumor_types)
        yield from (("symptoms", s) for s in item.symptoms)
    elif isinstance(item, DiagnosticTest):
        yield from (("tumor_types", t) for t in item.used_for)
    elif isinstance(item, Treatment):
        if item.parent:
            yield "treatments", item.parent
        yield from (("tests", t) for t in item.related_tests)
    elif isinstance(item, Code):
        yield "any", item.concept
    elif isinstance(item, Rule):
        if item.applies_to != RECURRENT:
            yield "tumor_types", item.applies_to
        if item.section:
            yield "sections", item.section
        for option in item.options:
            yield "treatments", option.treatment
            yield from (("treatments", t) for t in option.with_or_without)
            yield from (("treatments", t) for t in option.together_with)
    for text in strings_in(item.model_dump()):
        for mark in glossary_marks(text):
            yield "glossary", mark


def dangling_references(kb: KnowledgeBase) -> list[str]:
    """Problems for every reference to an id that does not exist."""
    topics = {i for c in TOPIC_COLLECTIONS for i in kb.collection(c)}
    every = topics | {i for c in COLLECTIONS for i in kb.collection(c)}
    problems = []
    for name, item in kb.items():
        for target, ref in references(item, name):
            if target == "topics":
                known = ref in topics or ref in kb.rules
            elif target == "any":
                known = ref in every
            else:
                known = ref in kb.collection(target)
            if not known:
                kind = "unknown glossary term" if target == "glossary" else "dangling id"
                problems.append(f"{name}/{item.id}: {kind} '{ref}' ({target})")
    return problems
