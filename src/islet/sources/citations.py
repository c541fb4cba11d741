"""Which PDQ section, and where possible which bullet or sentence, each Islet item rests on.

An item's ``source.section`` names a section in words ("General Information: Lab tests…",
"Diagnostics: Gastrinoma; Treatment of Gastrinoma"). ``resolve`` finds the recorded sections it
names; ``passages_for`` narrows a citation to the passages an item rests on when the item is one
bullet or sentence: a treatment rule (its PDQ bullet and the options listed under it), a test,
treatment, tumor type or glossary word defined by a labelled bullet ("Enucleation: …"), or a
sign or symptom from a PDQ list. A rule may pin its passages (``Rule.passages``); the pinned
passages found in a section are used there as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from islet.kb import KNOWLEDGE_DIR, KnowledgeBase
from islet.model import GlossaryTerm, Rule, Source, Symptom, SymptomPattern, TextItem
from islet.sources.data import DataText, data_sources
from islet.sources.document import WHOLE, Passage, Section, SourceDocument
from islet.sources.text import clean, content_words, fingerprint, heading_key, similarity

_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_LEAD = re.compile(r"^(for|if)\b", re.IGNORECASE)


def sources_of(
    kb: KnowledgeBase, directory: Path = KNOWLEDGE_DIR
) -> Iterator[tuple[str, BaseModel, Source]]:
    """Every (``collection/id``, item, PDQ source) pair: an item with patient and professional
    sources gives two; then the data files' entries that name a PDQ source (``data.py``).
    External sources are left out: PDQ updates do not touch them."""
    for name, item in kb.items():
        for source in (item.source, getattr(item, "professional_source", None)):
            if source is not None and source.document != "external":
                yield f"{name}/{item.id}", item, source
    if kb.pdq is not None and kb.pdq.source.document != "external":
        yield "pdq/pdq", kb.pdq, kb.pdq.source
    yield from data_sources(directory)


def _split(text: str) -> list[str]:
    """``text`` cut at ";" and " / " outside brackets."""
    parts, depth, current = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and (ch == ";" or text.startswith(" / ", i)):
            parts.append(current)
            current = ""
            i += 3 if ch == " " else 1
            continue
        current += ch
        i += 1
    return [p.strip() for p in [*parts, current] if p.strip()]


def _ancestors(doc: SourceDocument, section: Section) -> list[str]:
    keys, parent = [], section.parent
    by_id = {s.id: s for s in doc.sections}
    while parent is not None:
        keys.append(heading_key(by_id[parent].heading))
        parent = by_id[parent].parent
    return keys


def resolve(text: str, doc: SourceDocument) -> list[str]:
    """The ids of the recorded sections that ``text`` names (``summary`` for the whole
    document); empty when none can be found."""
    if heading_key(text).startswith("whole summary"):
        return [WHOLE]
    found: list[str] = []
    for part in _split(text):
        for variant in dict.fromkeys([part, _NOTE.sub("", part)]):
            ids = _resolve_part(variant, doc)
            if ids:
                found.extend(i for i in ids if i not in found)
                break
    return found


def _resolve_part(part: str, doc: SourceDocument) -> list[str]:
    key = heading_key(part)
    if key and key == heading_key(doc.title):
        return [WHOLE]
    prefix, child = "", key
    if ": " in part:
        head, tail = part.rsplit(": ", 1)
        prefix, child = heading_key(head), heading_key(_NOTE.sub("", tail))
    for exact in (True, False):
        matches = [
            s
            for s in doc.sections
            if (heading_key(s.heading) == child)
            or (not exact and bool(child) and heading_key(s.heading).startswith(child))
        ]
        if prefix:
            inside = [s for s in matches if any(a.startswith(prefix) for a in _ancestors(doc, s))]
            matches = inside or matches
        if matches:
            return [s.id for s in matches]
    if prefix:
        return _resolve_part(part.rsplit(": ", 1)[0], doc) if child != key else []
    return []


def _ref(section: Section, index: int) -> str:
    """The passage at ``index`` as a citation names it: its fingerprint, with ``#n`` for the
    n-th identical passage of the section."""
    fp = section.passages[index].fingerprint
    n = sum(p.fingerprint == fp for p in section.passages[: index + 1])
    return fp if n == 1 else f"{fp}#{n}"


def index_of(section: Section, ref: str) -> int | None:
    """The position in ``section`` of the passage a citation names, if it is there."""
    fp, _, n = ref.partition("#")
    wanted, seen = int(n or 1), 0
    for index, passage in enumerate(section.passages):
        if passage.fingerprint == fp:
            seen += 1
            if seen == wanted:
                return index
    return None


def _label(passage: Passage) -> str:
    """The name a labelled bullet defines ("Enucleation: Surgery…" -> "enucleation"), or the
    first sentence of a short list bullet ("Low blood sugar. This can cause…")."""
    text = passage.text
    if ":" in text[:90]:
        return heading_key(_NOTE.sub("", text.split(":", 1)[0]))
    return heading_key(text.split(". ", 1)[0])


def _names(item: BaseModel) -> list[str]:
    names = [getattr(item, attr, None) for attr in ("name", "term", "lay_name")]
    names += [*getattr(item, "aliases", []), *getattr(item, "synonyms", [])]
    out = []
    for name in names:
        if isinstance(name, str) and name:
            out += [heading_key(name), heading_key(re.sub(r"\([^()]*\)", " ", name))]
    return [n for n in dict.fromkeys(out) if n]


def passages_for(item: BaseModel, section: Section) -> list[int]:
    """The positions of the passages in ``section`` that ``item`` rests on; empty when it
    rests on the section as a whole."""
    if isinstance(item, Rule):
        pinned = [index_of(section, ref) for ref in item.passages]
        found = sorted(i for i in pinned if i is not None)
        return found or _rule_passages(item, section)
    if isinstance(item, SymptomPattern):
        return _list_passages(item, section)
    names = _names(item)
    labelled = [
        i
        for i, p in enumerate(section.passages)
        if p.kind in ("bullet", "label") and _label(p) in names
    ]
    if labelled:
        return labelled
    if isinstance(item, GlossaryTerm):
        return _mentions(names, section)
    if not isinstance(item, Symptom):
        return []
    scores = [
        (max(similarity(_label(p), n) for n in names), i)
        for i, p in enumerate(section.passages)
        if p.kind == "bullet"
    ]
    best = max((s for s, _ in scores), default=0.0)
    return [i for s, i in scores if s >= 0.5 and s == best]


def _situation(text: str) -> set[str]:
    """The words of a bullet's situation: what comes before ", treatment …" or ":"."""
    return content_words(re.split(r",\s*(?:treatment|surgery)\b|:", text, maxsplit=1)[0])


def _children(section: Section, lead: int) -> list[int]:
    """The bullets listed under the passage at ``lead`` when it introduces a list."""
    if not section.passages[lead].text.rstrip().endswith(":"):
        return []
    out = []
    for j in range(lead + 1, len(section.passages)):
        p = section.passages[j]
        if p.kind != "bullet" or _LEAD.match(p.text) or p.text.endswith(":"):
            break
        out.append(j)
    return out


def _block(rule: Rule, section: Section) -> range:
    """The part of a section that lists the options for the rule's tumor type, when the
    section holds lists for several types ("For VIPoma, treatment may include…")."""
    intros = [
        i
        for i, p in enumerate(section.passages)
        if p.kind == "sentence" and p.text.endswith(":") and "treatment" in p.text.lower()
    ]
    wanted = rule.applies_to.split("-")[0]
    for n, i in enumerate(intros):
        if wanted in content_words(section.passages[i].text):
            stop = intros[n + 1] if n + 1 < len(intros) else len(section.passages)
            return range(i, stop)
    return range(len(section.passages))


def _list_passages(pattern: SymptomPattern, section: Section) -> list[int]:
    """A PDQ list of signs: the line that names the hormone (or the nonfunctional tumor) and
    the bullets under it."""
    wanted = content_words(pattern.hormone or "non functional")
    for i, p in enumerate(section.passages):
        if p.kind not in ("label", "sentence") or not wanted <= content_words(p.text):
            continue
        after = section.passages[i + 1].text if i + 1 < len(section.passages) else ""
        if p.kind == "sentence" and not (p.text.endswith(":") or after.endswith(":")):
            continue
        out = [i]
        for j in range(i + 1, len(section.passages)):
            nxt = section.passages[j]
            if nxt.kind == "label" or (nxt.kind == "sentence" and j > out[-1] + 1):
                break
            if (
                nxt.kind == "sentence"
                and len(out) > 1
                and section.passages[out[-1]].kind == "bullet"
            ):
                break
            out.append(j)
        return out
    return []


def _mentions(names: list[str], section: Section, most: int = 3) -> list[int]:
    """The passages that use a glossary word, when it is used in only a few of them: the
    entry rests on those sentences, not on the whole section."""
    found = [
        i
        for i, p in enumerate(section.passages)
        if any(re.search(rf"\b{re.escape(n)}\b", heading_key(p.text)) for n in names)
    ]
    return found if len(found) <= most else []


def _rule_passages(rule: Rule, section: Section) -> list[int]:
    """The bullet a rule stands for and the options listed under it: the lead-in whose
    situation reads most like the rule's and whose list best covers the rule's options."""
    wanted = content_words(rule.bullet)
    options = [o.wording or o.treatment.replace("-", " ") for o in rule.options]
    best: tuple[float, int] | None = None
    for i in _block(rule, section):
        passage = section.passages[i]
        if passage.kind == "label":
            continue
        words = _situation(passage.text)
        situation = len(wanted & words) / len(wanted | words) if words else 0.0
        pool = _children(section, i) or [i]
        cover = sum(
            max(similarity(o, section.passages[k].text) for k in pool) for o in options
        ) / len(options)
        score = situation + cover
        if best is None or score > best[0]:
            best = (score, i)
    if best is None or best[0] < 0.4:
        return []
    lead = best[1]
    kids = _children(section, lead)
    chosen = {
        max(kids, key=lambda k: similarity(o, section.passages[k].text))
        for o in options
        if kids and max(similarity(o, section.passages[k].text) for k in kids) >= 0.2
    }
    return [lead, *sorted(chosen or kids)]


def cite(item: BaseModel, source: Source, doc: SourceDocument) -> list[tuple[str, list[str], str]]:
    """(section id, passage refs, fingerprint of the cited text) for each section ``source``
    names in ``doc``; the fingerprint is the one recorded as the text the item was written from."""
    ids = resolve(source.section, doc)
    out: list[tuple[str, list[str], str]] = []
    for section_id in ids:
        if section_id == WHOLE:
            texts = [p.text for s in doc.sections for p in s.passages]
            out.append((WHOLE, [], fingerprint(" ".join(texts))))
            continue
        section = doc.section(section_id)
        chosen = passages_for(item, section) if len(ids) == 1 else []
        if chosen:
            texts = [section.passages[i].text for i in chosen]
            refs = [_ref(section, i) for i in chosen]
        else:
            texts = [p.text for s in doc.descendants(section_id) for p in doc.section(s).passages]
            refs = []
        out.append((section_id, refs, fingerprint(" ".join(texts))))
    return out


def says(item: BaseModel, document: str = "patient") -> str:
    """What an item says, in one short line, for the review report: for a citation of the
    professional version, the professional text that rests on it when the item has one."""
    if isinstance(item, Rule):
        options = "; ".join(o.wording or o.treatment for o in item.options)
        text = f"{item.bullet}: {options}"
    elif isinstance(item, GlossaryTerm):
        text = f"{item.term}: {item.definition}"
    elif isinstance(item, TextItem):
        resting = document == "professional" and item.professional_source is not None
        text = item.professional if resting and item.professional else item.patient
    elif isinstance(item, DataText):
        text = item.text
    else:
        text = str(
            getattr(item, "label", "") or getattr(item, "title", "") or getattr(item, "id", "")
        )
    text = clean(re.sub(r"\[\[([^\]|]+)\|?([^\]]*)\]\]", lambda m: m.group(2) or m.group(1), text))
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"
