"""``islet check`` for the Spanish texts (issue 17).

Fails on: a Spanish file that is malformed or names an unknown item or field (the Spanish Ask's
general dictionary and word tables included); a glossary mark in Spanish that does not resolve;
numbers, units, hours or drug names that differ between the English and Spanish text of an
item; and, with ``--lang es``, a patient item with no Spanish.
Reports the Spanish reading level of each section with textstat's Fernández Huerta index.

Threshold: Fernández Huerta 60. On its scale (Fernández Huerta 1959, after Flesch), 60–70 is
"normal" text, read by 8th–9th grade (13–15 years); 50–60 is "somewhat hard" (high school).
So >= 60 is the Spanish counterpart of the English target, Flesch-Kincaid grade <= 9.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from islet.ask.spanish import ASK_DIR, read_reader, read_texts
from islet.ask.spanish_general import PATH as GENERAL
from islet.ask.spanish_general import read_general
from islet.ask.spanish_tables import COGNATES, WORD_FORMS, read_cognates, read_word_forms
from islet.errors import KnowledgeError
from islet.kb import KnowledgeBase
from islet.model import GLOSSARY_MARK, TextItem, plain_text
from islet.translations import (
    SPANISH_DIR,
    TRANSLATABLE,
    Texts,
    apply,
    english_text,
    patient_items,
    read_spanish,
)
from islet.yamlfiles import read_yaml

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)  # textstat 0.7.4 imports pkg_resources
    import textstat

MIN_FERNANDEZ_HUERTA = 60.0
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?")
UNITS = ("mg/dL", "mmol/L", "mg", "mcg", "cm", "mm", "%", "Ki-67")
# A unit is a word of its own: "mm" in "summary" or "cm" in "acmé" is not a unit.
UNIT_PATTERNS = {unit: re.compile(rf"(?<![^\W\d_]){re.escape(unit)}(?![^\W\d_])") for unit in UNITS}
READING = ASK_DIR / "words.yaml"
ANSWERING = ASK_DIR / "answering.yaml"
HOURS = {"en": re.compile(r"\bhours?\b", re.I), "es": re.compile(r"\bhoras?\b", re.I)}


@dataclass(frozen=True)
class SpanishReadability:
    collection: str
    item_id: str
    fernandez_huerta: float
    exempt: bool

    @property
    def too_hard(self) -> bool:
        return (
            self.collection == "sections"
            and not self.exempt
            and (self.fernandez_huerta < MIN_FERNANDEZ_HUERTA)
        )

    def as_json(self) -> dict[str, Any]:
        """Its fields in order, ``item_id`` named ``id`` (as ``islet check --json`` gives it)."""
        return {("id" if name == "item_id" else name): v for name, v in asdict(self).items()}


@dataclass
class SpanishReport:
    problems: list[str]
    missing: list[str]  # "collection.id" of patient items with no Spanish yet
    translated: int
    total: int
    readability: list[SpanishReadability] = field(default_factory=list)

    def ok(self, strict: bool) -> bool:
        hard = any(r.too_hard for r in self.readability)
        return not self.problems and not hard and not (strict and self.missing)

    def as_json(self, strict: bool) -> dict[str, Any]:
        """The Spanish part of ``islet check --json``."""
        return {
            "ok": self.ok(strict),
            "strict": strict,
            "translated": self.translated,
            "items": self.total,
            "missing": self.missing,
            "problems": self.problems,
            "readability": [r.as_json() for r in self.readability],
        }


def fernandez_huerta(text: str) -> float:
    """Fernández Huerta reading ease of Spanish ``text`` (higher is easier)."""
    textstat.set_lang("es")
    try:
        return round(float(textstat.fernandez_huerta(text)), 1)
    finally:
        textstat.set_lang("en_US")


def drug_names(directory: Path = SPANISH_DIR) -> dict[str, str]:
    """English drug name -> its Spanish spelling (``knowledge/es/terms.yaml``, ``drugs``)."""
    path = directory / "terms" / "drugs.yaml"
    if not path.is_file():
        return {}
    data: Any = read_yaml(path, "es/terms/drugs.yaml") or {}
    drugs = data.get("drugs", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in drugs.items()}


def _texts(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]


def parity_problems(english: str, spanish: str, drugs: dict[str, str]) -> list[str]:
    """What differs in numbers, units, hours or drug names between two texts of one item."""
    problems = []
    en_numbers = Counter(n.replace(",", ".") for n in NUMBER.findall(english))
    es_numbers = Counter(n.replace(",", ".") for n in NUMBER.findall(spanish))
    if en_numbers != es_numbers:
        problems.append(f"numbers differ: {sorted(en_numbers)} vs {sorted(es_numbers)}")
    for unit, pattern in UNIT_PATTERNS.items():
        if len(pattern.findall(english)) != len(pattern.findall(spanish)):
            problems.append(f"unit '{unit}' differs")
    if len(HOURS["en"].findall(english)) != len(HOURS["es"].findall(spanish)):
        problems.append("hours differ")
    for name, spanish_name in drugs.items():
        in_english = re.search(rf"\b{re.escape(name)}\b", english, re.I)
        in_spanish = re.search(rf"\b{re.escape(spanish_name)}\b", spanish, re.I)
        if bool(in_english) != bool(in_spanish):
            problems.append(f"drug name '{name}' / '{spanish_name}' is in one text only")
    return problems


def spanish_report(kb: KnowledgeBase, directory: Path = SPANISH_DIR) -> SpanishReport:
    """Every problem of the Spanish texts, what is not translated, and the reading levels."""
    texts, pdq, problems = read_spanish(directory)
    if (directory / "ask" / GENERAL.name).is_file():  # the Spanish Ask's general dictionary
        try:
            read_general(directory / "ask" / GENERAL.name)
        except KnowledgeError as error:
            problems += error.problems
    if (directory / "ask").is_dir():  # the word tables of the Spanish Ask's readers
        tables: tuple[tuple[Path, Callable[[Path], object]], ...] = (
            (COGNATES, read_cognates),
            (WORD_FORMS, read_word_forms),
            (READING, read_reader),  # the reading table and the answers' fixed texts
            (ANSWERING, read_texts),
        )
        for table, read_table in tables:
            try:
                read_table(directory / "ask" / table.name)
            except KnowledgeError as error:
                problems += error.problems
    drugs = drug_names(directory)
    problems += _item_problems(kb, texts, drugs)
    items = patient_items(kb)
    missing = [f"{name}.{item.id}" for name, item in items if item.id not in texts[name]]
    spanish = apply(kb, texts, pdq)
    readability = []
    for name, item in patient_items(spanish):
        if item.id not in texts[name] or "patient" not in texts[name][item.id]:
            continue
        text = plain_text(getattr(item, "patient", "") or getattr(item, "definition", ""))
        exempt = isinstance(item, TextItem) and item.term_list
        readability.append(SpanishReadability(name, item.id, fernandez_huerta(text), exempt))
    return SpanishReport(problems, missing, len(items) - len(missing), len(items), readability)


def _item_problems(kb: KnowledgeBase, texts: Texts, drugs: dict[str, str]) -> list[str]:
    problems = []
    for collection, entries in texts.items():
        known = kb.collection(collection)
        for item_id, fields in entries.items():
            at = f"es: {collection}.{item_id}"
            item = known.get(item_id)
            if item is None:
                problems.append(f"{at}: no such item in the English knowledge")
                continue
            for name in TRANSLATABLE[collection]:
                if name not in fields:
                    if english_text(item, name):
                        problems.append(f"{at}: '{name}' has English text but no Spanish")
                    continue
                if name == "wordings" and len(_texts(fields[name])) != len(
                    english_text(item, name)
                ):
                    problems.append(f"{at}.{name}: one text per option wording, in order")
                spanish = " ".join(_texts(fields[name]))
                english = " ".join(_texts(english_text(item, name)))
                for mark in GLOSSARY_MARK.finditer(spanish):
                    if mark.group(1).strip() not in kb.glossary:
                        problems.append(f"{at}.{name}: glossary mark {mark.group(0)} is unknown")
                if name in ("aliases", "synonyms", "signs"):
                    continue  # word lists: not the same words, numbers or count
                problems += [f"{at}.{name}: {p}" for p in parity_problems(english, spanish, drugs)]
    return problems
