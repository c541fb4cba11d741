"""Every data file beside the knowledge base, loaded and checked at once.

The web app (``islet.web.app.create_app``) and ``islet serve`` (before any worker starts) call
:func:`check_data`, so broken data stops start-up with its problems named rather than failing
on the first request that needs it.
"""

from __future__ import annotations

from typing import get_args

from islet.ask.answer import engine_for
from islet.ask.index import index_stored, prepare
from islet.calculators.tables import ajcc, enets, who
from islet.cds.data import load_cds_data
from islet.errors import KnowledgeError
from islet.explain.symptoms import extras, extras_in, extras_problems
from islet.explain.tests import texts
from islet.guide.data import load_guide_data
from islet.kb import KnowledgeBase
from islet.language import LANGUAGES
from islet.model import Audience
from islet.trials.vocabulary import vocabulary


def check_data(kb: KnowledgeBase) -> None:
    """Load every data file the pages use besides the knowledge base (guide wording, calculator
    tables, explainer texts, the Ask Islet lexicon and indexes, the trial screening vocabulary);
    each raises KnowledgeError naming its problems.

    The Ask engines are built here only when no compiled index of the same inputs exists (one
    that does was built from this very data, so the data is valid); otherwise each is loaded
    on the first question for its audience. The safety triage's patterns are readied with a
    fixed text (see ``islet.ask.index.prepare``)."""
    load_guide_data()
    ajcc()
    enets()
    who()
    texts()
    vocabulary()
    load_cds_data(kb=kb)
    # Checked now rather than on the first question, so broken ask data stops start-up too.
    for audience in get_args(Audience):
        if not index_stored(kb, audience):
            engine_for(kb, audience)
    prepare(LANGUAGES)
    problems = extras_problems(kb, extras()) + extras_problems(kb, extras_in("es"))
    if problems:
        raise KnowledgeError(problems)
