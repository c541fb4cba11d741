"""Guide results as people read them: one card per treatment (presentation only).

The core lists one option per PDQ bullet, so a treatment named by several bullets appears
several times. A card gathers them: it sits in the best group any of its bullets reaches
(applies, then depends, then excluded) and lists every bullet that names the treatment.
"""

from __future__ import annotations

from dataclasses import dataclass

from islet.guide import GuideOption, GuideResult
from islet.guide.result import Status

ORDER: tuple[Status, ...] = ("applies", "depends", "excluded")


@dataclass(frozen=True)
class TreatmentCard:
    """One treatment and every PDQ bullet that names it, best status first."""

    treatment_id: str
    name: str
    explanation_marked: str
    status: Status
    options: tuple[GuideOption, ...]

    @property
    def professional_only(self) -> bool:
        return all(option.professional_only for option in self.options)


def cards(result: GuideResult) -> dict[Status, list[TreatmentCard]]:
    """The result's treatments as cards, grouped by the best status any bullet gives them."""
    named: dict[str, list[GuideOption]] = {}
    for status in ORDER:
        for option in getattr(result, status):
            named.setdefault(option.treatment_id, []).append(option)
    grouped: dict[Status, list[TreatmentCard]] = {status: [] for status in ORDER}
    for treatment_id, options in named.items():
        best = options[0]
        grouped[best.status].append(
            TreatmentCard(
                treatment_id=treatment_id,
                name=best.name,
                explanation_marked=best.explanation_marked,
                status=best.status,
                options=tuple(options),
            )
        )
    return grouped
