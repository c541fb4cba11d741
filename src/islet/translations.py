"""Patient text in Spanish: ``knowledge/es/*.yaml``, parallel to the English files, by item id.

Each Spanish file maps collections to item ids to the patient fields in Spanish::

    tumor_types:
      insulinoma:
        name: Insulinoma
        patient: Un insulinoma es un tumor que produce demasiada [[insulin|insulina]]. ...

Ids, structure, rules, codes and sources stay in the English files: a Spanish entry holds only
text. Glossary marks keep the English id and give the Spanish words (``[[insulin|insulina]]``).
:func:`in_language` gives the knowledge base with the Spanish texts in place (an item not yet
translated keeps its English text); :mod:`islet.check_es` validates the Spanish files.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from islet import kb as kb_module
from islet.kb import KNOWLEDGE_DIR, KnowledgeBase
from islet.language import Language
from islet.messages import Message
from islet.model import Item, PdqInfo, Rule, RuleOption, Section
from islet.yamlfiles import read_mapping

SPANISH_DIR = KNOWLEDGE_DIR / "es"
# The fields of each collection that a patient reads; only these may be given in Spanish.
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "sections": ("title", "patient", "key_points"),
    "tumor_types": (
        "name",
        "aliases",
        "patient",
        "hormone",
        "hormone_action",
        "site_note",
        "syndromes",
    ),
    "symptoms": ("lay_name", "synonyms", "signs", "patient", "red_flag"),
    "symptom_patterns": ("name", "patient"),
    "tests": ("name", "aliases", "patient", "looks_for", "preparation"),
    "treatments": ("name", "aliases", "patient"),
    # ``wordings``: the Spanish of each option's own wording, in order, for the options that
    # have one (the other options read as their treatment's name).
    "rules": ("bullet", "wordings"),
    "glossary": ("term", "aliases", "definition"),
}
PDQ_FIELDS = ("title", "patient_updated_note", "citation_template")
LIST_FIELDS = frozenset({"aliases", "synonyms", "signs", "key_points", "wordings", "syndromes"})
Texts = dict[str, dict[str, dict[str, Any]]]  # collection -> id -> field -> text


def read_spanish(directory: Path = SPANISH_DIR) -> tuple[Texts, dict[str, str], list[str]]:
    """The Spanish texts of every file in ``directory``, the Spanish PDQ metadata, and the
    problems of form found (unreadable files, unknown collections or fields, wrong types)."""
    texts: Texts = {name: {} for name in TRANSLATABLE}
    pdq: dict[str, str] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else []:
        document = read_mapping(path, f"es/{path.name}", problems)
        if document is None:
            continue
        where = f"es/{path.name}"
        for collection, entries in document.items():
            if collection == "pdq" and isinstance(entries, dict):
                problems += _pdq_problems(where, entries)
                pdq.update({k: v for k, v in entries.items() if isinstance(v, str)})
                continue
            if collection not in TRANSLATABLE:
                problems.append(f"{where}: unknown collection '{collection}'")
                continue
            if not isinstance(entries, dict):
                problems.append(f"{where}: {collection}: expected a mapping of item ids")
                continue
            for item_id, fields in entries.items():
                problems += _entry_problems(where, collection, str(item_id), fields)
                if isinstance(fields, dict):
                    if item_id in texts[collection]:
                        problems.append(f"{where}: {collection}.{item_id} is given twice")
                    texts[collection][str(item_id)] = fields
    return texts, pdq, problems


def _pdq_problems(where: str, entries: dict[str, Any]) -> list[str]:
    return [
        f"{where}: pdq.{key}: not a Spanish PDQ field (one of {', '.join(PDQ_FIELDS)})"
        for key, value in entries.items()
        if key not in PDQ_FIELDS or not isinstance(value, str) or not value.strip()
    ]


def _entry_problems(where: str, collection: str, item_id: str, fields: Any) -> list[str]:
    if not isinstance(fields, dict):
        return [f"{where}: {collection}.{item_id}: expected a mapping of fields"]
    problems = []
    for name, value in fields.items():
        at = f"{where}: {collection}.{item_id}.{name}"
        if name not in TRANSLATABLE[collection]:
            problems.append(f"{at}: not a patient field of {collection}")
        elif name in LIST_FIELDS:
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                problems.append(f"{at}: expected a list of texts")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{at}: expected a text")
    return problems


def english_text(item: Item, name: str) -> Any:
    """The English value of the patient field ``name`` of ``item`` (a rule's ``wordings``: the
    wordings of its options that have one, in order)."""
    if name == "wordings" and isinstance(item, Rule):
        return [option.wording for option in item.options if option.wording]
    return getattr(item, name, None)


def _with_wordings(rule: Rule, wordings: list[str]) -> list[RuleOption]:
    spanish = iter(wordings)
    return [
        option.model_copy(update={"wording": next(spanish, option.wording)})
        if option.wording
        else option
        for option in rule.options
    ]


def patient_items(kb: KnowledgeBase) -> list[tuple[str, Item]]:
    """Every item a patient reads (professional-only sections left out), with its collection."""
    return [
        (name, item)
        for name, item in kb.items()
        if name in TRANSLATABLE and not (isinstance(item, Section) and item.professional_only)
    ]


def apply(kb: KnowledgeBase, texts: Texts, pdq: dict[str, str]) -> KnowledgeBase:
    """``kb`` with the Spanish texts in place of the English ones (unknown ids ignored)."""
    collections: dict[str, Any] = {}
    for collection, entries in texts.items():
        items = dict(kb.collection(collection))
        for item_id, fields in entries.items():
            if item_id in items:
                known = {k: v for k, v in fields.items() if k in TRANSLATABLE[collection]}
                item = items[item_id]
                if isinstance(item, Rule) and "wordings" in known:
                    known["options"] = _with_wordings(item, known.pop("wordings"))
                items[item_id] = item.model_copy(update=known)
        collections[collection] = items
    info: PdqInfo | None = kb.pdq.model_copy(update=pdq) if kb.pdq and pdq else kb.pdq
    return replace(kb, pdq=info, **collections)


@cache
def _spanish_of_installed() -> KnowledgeBase:
    texts, pdq, _ = read_spanish()
    return apply(kb_module.load(), texts, pdq)


class ItemName(Message):
    """A knowledge item's name inside a message built by the core ("your tumor is
    {name}"): it reads as the English name and is shown as the item's name in the reader's
    language (the Spanish text of ``knowledge/es/``, not the gettext catalog)."""

    collection: str
    item_id: str
    field: str

    def __new__(cls, collection: str, item_id: str, english: str, field: str = "name") -> ItemName:
        self = str.__new__(cls, english)
        self.msgid, self.params = english, {}
        self.collection, self.item_id, self.field = collection, item_id, field
        return self

    def _template(self, gettext: object, language: str) -> str:
        spoken: Language = "es" if language == "es" else "en"
        item = getattr(in_language(spoken), self.collection).get(self.item_id)
        return str(getattr(item, self.field, None) or self)


def in_language(language: Language, kb: KnowledgeBase | None = None) -> KnowledgeBase:
    """The knowledge base with patient text in ``language`` (the installed one by default)."""
    if language == "en":
        return kb or kb_module.load()
    if kb is None or kb is kb_module.load():
        return _spanish_of_installed()
    texts, pdq, _ = read_spanish()
    return apply(kb, texts, pdq)
