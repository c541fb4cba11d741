"""What the safety triage says: the level it found, the words to lead with, whom to call.

:class:`Safety` is the triage's answer on every interface; :func:`reply` builds it from the
signals found (by the patterns or the word model) and a blood sugar reading, in the language
asked. The texts themselves are data (``knowledge/safety/replies.yaml``, Spanish beside it).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from islet.language import Language
from islet.model import Source, Strict
from islet.safety.languages import replies_for
from islet.safety.readings import GlucoseReading
from islet.safety.vocabulary import LEVELS, Contact, Level, Signal, Topic


class Safety(Strict):
    """What the triage found, and what to say first."""

    level: Level
    message: str  # the words to lead with ("" for level none without a danger topic)
    actions: list[str]
    contacts: list[Contact]  # numbers to call or text (tel:/sms: links on the web)
    signs: list[str] = Field(default_factory=list)  # what was recognised, in plain words
    words: list[str] = Field(default_factory=list)  # the words of the text that raised it
    also: list[Level] = Field(default_factory=list)  # other levels that apply too
    reading: GlucoseReading | None = None  # a blood sugar number, when one was read
    danger_topic: bool = False  # a question about danger signs in general
    overdose_topic: bool = False  # a question about too much of a medicine, in general
    source: Source

    @property
    def urgent(self) -> bool:
        """Emergency or crisis: the reply leads with help, not with tumor passages."""
        return self.level in ("emergency", "crisis")


@dataclass(frozen=True)
class Found:
    signal: Signal
    words: str


def no_alert(language: Language = "en") -> Safety:
    """The triage's reply when nothing was found (level ``none``, nothing to say)."""
    return reply("none", [], None, set(), language)


def reply(
    level: Level,
    found: list[Found],
    reading: GlucoseReading | None,
    asked: set[Topic],
    language: Language,
) -> Safety:
    """The reply for ``level``; ``asked``: the topics a question at level none asked about in
    general, whose sentences are shown beside the answer (Poison Control first)."""
    texts = replies_for(language)
    base = texts.levels[level]
    message = [base.message] if base.message else []
    actions = list(base.actions)
    contacts = list(base.contacts)
    levels = {f.signal.level for f in found}
    kinds = {f.signal.kind for f in found if f.signal.level == level}
    low = level == "emergency" and reading is not None and reading.low is not None
    if low and not kinds:  # a low number is the only sign: fast sugar first, 911 if it fails
        message = [texts.low_sugar.first]
        actions = list(texts.low_sugar.actions)
    elif level == "emergency" and (low or "low-sugar" in kinds or "confusion" in kinds):
        message.append(texts.low_sugar.with_danger)
    if low and reading is not None and reading.low is not None:
        if reading.unit_unclear:
            message.insert(0, texts.low_sugar.unit)
        message.insert(0, texts.reading[reading.low].format(reading=reading.shown))
    if level == "emergency" and "crisis" in levels:
        message.append(texts.crisis_also)
        contacts += [k for k in texts.levels["crisis"].contacts if k not in contacts]
    if level == "crisis" and "emergency" in levels:  # pills swallowed with intent: 911 now too
        message.append(texts.levels["emergency"].message)
        actions = [texts.levels["emergency"].actions[0], *actions]
        contacts += [k for k in texts.levels["emergency"].contacts if k not in contacts]
    overdose = any(f.signal.kind == "overdose" for f in found)
    if overdose and level == "medication":
        message.insert(0, texts.overdose.message)
        actions = [*texts.overdose.actions, *actions]
        contacts += [k for k in texts.overdose.contacts if k not in contacts]
    elif overdose and level in ("emergency", "crisis"):
        message.append(texts.overdose_emergency)
        contacts += [k for k in texts.overdose.contacts if k not in contacts]
    elif level == "medication" and "missed" in kinds:
        message.insert(0, texts.missed)
    if asked:
        message = [texts.overdose_topic.message] if "overdose" in asked else []
        message += [texts.danger_topic] if "danger" in asked else []
        contacts = list(texts.overdose_topic.contacts) if "overdose" in asked else contacts
    # a medicine taken in excess is a medicine matter too, whatever level leads
    also = levels | ({"medication"} if overdose else set())
    signs = [f.signal.label for f in found if f.signal.level == level]
    if reading is not None and level == "emergency":
        signs.insert(0, texts.reading_sign)
    return Safety(
        level=level,
        message=" ".join(message),
        actions=actions,
        contacts=contacts,
        signs=list(dict.fromkeys(signs)),
        words=list(
            dict.fromkeys(
                [*(f.words for f in found if f.words), *([reading.words] if reading else [])]
            )
        ),
        also=[lv for lv in LEVELS if lv in also and lv != level and lv != "none"],
        reading=reading,
        danger_topic="danger" in asked,
        overdose_topic="overdose" in asked,
        source=texts.source,
    )


def leading(levels: set[Level], counted: list[Found], reading: GlucoseReading | None) -> Level:
    """The level the reply leads with: the highest found, except that medicine swallowed with
    intent is a crisis first (see :func:`_swallowed_with_intent`)."""
    level: Level = next((lv for lv in LEVELS if lv in levels), "none")
    if level == "emergency" and reading is None and _swallowed_with_intent(counted):
        return "crisis"
    return level


def _swallowed_with_intent(counted: list[Found]) -> bool:
    """Whether the only emergency is medicine swallowed on purpose and the text tells of a
    crisis too ("took all my pills, sorry", "swallowed the lot, do not care any more"): a
    crisis first, whose reply gives 988, 911 and Poison Control; emergency stays in ``also``."""
    emergency = [f for f in counted if f.signal.level == "emergency"]
    crisis = any(f.signal.level == "crisis" for f in counted)
    return crisis and all(f.signal.kind == "overdose" for f in emergency)
