"""The personal guide: which PDQ treatment options fit a situation, why, and what is unknown.

``options_for(situation)`` is the one entry point; CLI, web page and API all call it and show
``GuideResult.model_dump(mode="json")``. ``situation_from`` reads a situation from JSON.
"""

from islet.errors import InvalidSituation
from islet.guide.engine import options_for
from islet.guide.result import GuideOption, GuideResult
from islet.guide.situation import situation_from
from islet.model import Situation

__all__ = [
    "GuideOption",
    "GuideResult",
    "InvalidSituation",
    "Situation",
    "options_for",
    "situation_from",
]
