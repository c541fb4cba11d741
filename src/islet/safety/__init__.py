"""The safety triage: emergencies, crisis and medicine questions recognised before anything else.

``triage(text)`` is called by every free-text entry point (Ask, the symptom explainer) before
retrieval or matching; see :mod:`islet.safety.triage`. Every other box a person types into
calls ``help_first(text)`` first (:mod:`islet.safety.boxes`).
"""

from islet.safety.boxes import help_first
from islet.safety.readings import GlucoseReading
from islet.safety.reply import Safety, no_alert
from islet.safety.triage import triage
from islet.safety.vocabulary import Contact, Level

__all__ = ["Contact", "GlucoseReading", "Level", "Safety", "help_first", "no_alert", "triage"]
