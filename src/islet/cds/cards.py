"""CDS Hooks cards from the guide's answer, the record's facts and the trial store.

Cards follow the CDS Hooks rules: a summary of at most 140 characters, an ``indicator`` of info,
warning or critical, a ``source`` whose label names NCI PDQ via Islet with a link, Markdown detail
and absolute links. The options and their words come from the guide (``options_for``); the card
words from ``knowledge/cds/cds-hooks.yaml``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal

from islet.calculators.grading import GradeResult
from islet.calculators.staging import StageResult
from islet.cds.data import CardWords, CodeIndex
from islet.cds.records import RecordFacts
from islet.guide import GuideResult
from islet.kb import KnowledgeBase
from islet.trials.search import TrialHit

MAX_SUMMARY = 140
MAX_QUESTIONS = 4
Indicator = Literal["info", "warning", "critical"]


@dataclass(frozen=True)
class Links:
    """Where the cards link: Islet's guide page for this situation and its trial pages."""

    guide: str
    trial_base: str  # "<islet>/trials/"


def summary(text: str) -> str:
    """``text`` cut to the CDS Hooks limit, on a word when it has to be cut."""
    if len(text) <= MAX_SUMMARY:
        return text
    cut = text[: MAX_SUMMARY - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def options_card(
    kb: KnowledgeBase,
    index: CodeIndex,
    facts: RecordFacts,
    result: GuideResult,
    grade: GradeResult | str | None,
    ki67_problem: str | None,
    stage: StageResult | None,
    links: Links,
) -> dict[str, Any]:
    """The card with the PDQ options for the record's situation and what is still unknown."""
    words = index.data.cards
    tumor = _tumor_name(kb, result, words)
    if result.applies:
        text = words.summary_options.format(
            tumor=tumor, applies=len(result.applies), depends=len(result.depends)
        )
    else:
        text = words.summary_none.format(tumor=tumor)
    lines: list[str] = []
    if result.applies:
        lines += [f"**{words.heading_applies}**", ""]
        lines += [f"- {_option(o.name, o.wording, o.source.section)}" for o in result.applies]
        lines.append("")
    if result.depends:
        lines += [f"**{words.heading_depends}**", ""]
        # One line per treatment: several PDQ bullets can list the same one.
        deciding: dict[str, list[str]] = {}
        for option in result.depends:
            deciding.setdefault(option.name, []).extend(d.label for d in option.depends_on)
        for name, labels in deciding.items():
            facts_text = ", ".join(dict.fromkeys(labels))
            lines.append(f"- {_md(name)} ({words.depends_on}: {_md(facts_text)})")
        lines.append("")
    if result.next_questions:
        lines += [f"**{words.heading_unknown}**", ""]
        lines += [f"- {_md(q.question)}" for q in result.next_questions[:MAX_QUESTIONS]]
        lines.append("")
    if result.gaps:
        lines += [f"**{words.heading_gaps}**", ""]
        lines += [f"- {_md(gap.message)}" for gap in result.gaps]
        lines.append("")
    lines += [f"**{words.heading_record}**", ""]
    lines += _record_lines(kb, index, facts, result, grade, ki67_problem, stage)
    lines += ["", _md(words.disclaimer)]
    indicator: Indicator = "warning" if result.gaps else "info"  # PDQ is silent here
    return _card(
        text,
        "\n".join(lines),
        indicator,
        words.source_label,
        kb,
        [
            {"label": words.link_guide, "url": links.guide, "type": "absolute"},
            {"label": words.link_pdq, "url": _pdq_url(kb), "type": "absolute"},
        ],
    )


def trials_card(
    kb: KnowledgeBase, index: CodeIndex, tumor: str, hits: list[TrialHit], links: Links
) -> dict[str, Any]:
    """A card listing stored trials that may fit (their eligibility is not checked here)."""
    words = index.data.cards
    lines = [f"**{words.heading_trials}**", ""]
    lines += [f"- {hit.nct_id}: {_md(hit.title)} ({hit.overall_status or '?'})" for hit in hits]
    card_links = [
        {
            "label": words.link_trial.format(nct_id=hit.nct_id),
            "url": links.trial_base + hit.nct_id,
            "type": "absolute",
        }
        for hit in hits
    ]
    return _card(
        words.summary_trials.format(count=len(hits), tumor=tumor),
        "\n".join(lines),
        "info",
        words.trials_source_label,
        kb,
        card_links,
    )


def _card(
    text: str,
    detail: str,
    indicator: Indicator,
    label: str,
    kb: KnowledgeBase,
    links: list[dict[str, str]],
) -> dict[str, Any]:
    return {
        "uuid": str(uuid.uuid4()),
        "summary": summary(text),
        "detail": detail,
        "indicator": indicator,
        "source": {"label": label, "url": _pdq_url(kb)},
        "links": links,
    }


def _record_lines(
    kb: KnowledgeBase,
    index: CodeIndex,
    facts: RecordFacts,
    result: GuideResult,
    grade: GradeResult | str | None,
    ki67_problem: str | None,
    stage: StageResult | None,
) -> list[str]:
    words = index.data.cards
    situation = result.situation
    tumor = situation.tumor_type
    shown = kb.tumor_types[tumor].name if tumor in kb.tumor_types else words.tumor_unknown
    lines = [f"- {words.read_type}: {_md(shown)}"]
    if len(facts.tumor_types) > 1:
        lines.append(f"- {words.read_conflict.format(types=', '.join(facts.tumor_types))}")
    if situation.sites:
        lines.append(f"- {words.read_sites}: {', '.join(situation.sites)}")
    if situation.spread is not None:
        spread = situation.spread
        lines.append(f"- {words.read_spread}: {', '.join(spread) if spread else 'none'}")
    if situation.course:
        lines.append(f"- {words.read_course}: {situation.course}")
    if isinstance(grade, GradeResult):
        least = "" if grade.complete else f"{words.read_grade_at_least} "
        reasons = "; ".join(map(_md, grade.reasons))
        lines.append(f"- {words.read_grade}: {least}{grade.grade} ({reasons})")
    elif isinstance(grade, str):
        lines.append(f"- {words.read_no_grade.format(reason=_md(grade))}")
    if ki67_problem is not None:
        lines.append(f"- {words.read_no_grade.format(reason=_md(ki67_problem))}")
    if facts.mitoses_words is not None:
        lines.append(f"- {words.read_mitoses_text.format(words=_md(facts.mitoses_words))}")
    if facts.mitoses_problem is not None:
        lines.append(f"- {words.read_no_mitoses.format(reason=_md(facts.mitoses_problem))}")
    if stage is not None:
        group = stage.stage or f"{words.read_stage_open} {', '.join(stage.possible_stages)}"
        lines.append(f"- {words.read_stage}: {group} ({stage.tnm})")
    if facts.unlinked:
        lines.append(f"- {words.read_unlinked}")
    # Warn about unverified codes that name the tumor or its spread (not the FHIR/mCODE codes,
    # which no fact base lists).
    data = index.data
    medical = {t.code for t in data.tumor_codes} | set(data.site_codes) | set(data.spread_codes)
    for code in index.unverified(i for i in facts.codes_read if i in medical):
        lines.append(f"- {words.read_unverified.format(code=f'{code.system} {code.code}')}")
    codes = ", ".join(f"{index.codes[i].system} {index.codes[i].code}" for i in facts.codes_read)
    lines.append(f"- {words.read_codes}: {codes}")
    return lines


def _tumor_name(kb: KnowledgeBase, result: GuideResult, words: CardWords) -> str:
    tumor = result.situation.tumor_type
    return kb.tumor_types[tumor].name if tumor in kb.tumor_types else words.tumor_unknown


def _option(name: str, wording: str, section: str) -> str:
    return f"**{_md(name)}**: {_md(wording)} (PDQ: {_md(section)})"


def _pdq_url(kb: KnowledgeBase) -> str:
    return kb.pdq.professional_url if kb.pdq else "https://www.cancer.gov/"


def _md(text: str) -> str:
    """Text made safe for the card's Markdown (no raw HTML, no link syntax from data)."""
    return (
        text.replace("\\", "\\\\")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )
