"""The Ask index, built once per version of what shapes it and loaded from the user cache.

Building an engine (the passages, the BM25 index, the phrase table and the speller) takes most
of a second per audience; loading its compiled form takes milliseconds, the BM25 arrays
memory-mapped (see ``islet.compiled``). The key hashes the knowledge base's own key (its files
and model code), the Ask data (``knowledge/ask/``), the word lists (``knowledge/language/``),
the English vocabulary, the code of the Ask engine and of ``islet.text``, the library versions
and the audience, so a changed input always means a rebuild. The knowledge base itself is not
stored with the index: the loaded one is handed back in.

Only engines over a knowledge base that ``kb.load`` loaded (whose files are known) are compiled;
the optional dense embeddings are never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from typing import TypeVar

import pydantic

from islet import compiled, regexes
from islet.ask.lexicon import ASK_DIR
from islet.ask.words import ENGLISH_VOCABULARY, SPELLING_WORDS
from islet.kb import COLLECTIONS, KnowledgeBase, compiled_key
from islet.language import Language
from islet.model import Audience
from islet.safety import triage
from islet.text import LANGUAGE_DIR

# What the safety triage reads while it compiles its patterns: fixed, never a person's words.
WARM_UP_TEXT = "warm-up"
# The code whose objects make up an engine: a change to it changes the key.
ENGINE_CODE = ("ask", "model", "kb.py", "compiled.py", "text.py")
# The libraries that build an engine (bm25s and numpy compute the BM25 scores it stores): read
# from their installed metadata, since importing them costs more than loading the index.
LIBRARIES = ("bm25s", "numpy")
E = TypeVar("E")


def index_key(kb_key: str, audience: Audience) -> str:
    """The key of the engine for ``audience`` over the knowledge base compiled as ``kb_key``."""
    files = [
        *compiled.code_files(ENGINE_CODE),
        *sorted(ASK_DIR.rglob("*.yaml")),
        *sorted(ASK_DIR.rglob("*.json")),  # the labelled questions' model (islet.ask.learned)
        *sorted(LANGUAGE_DIR.glob("*.yaml")),
        ENGLISH_VOCABULARY,
        SPELLING_WORDS,
    ]
    versions = {**library_versions(), "knowledge": kb_key, "audience": audience}
    return compiled.digest(files, versions)


@cache
def library_versions() -> dict[str, str]:
    """The installed versions of the libraries an engine is built with."""
    return {**{name: version(name) for name in LIBRARIES}, "pydantic": pydantic.VERSION}


def shared_objects(kb: KnowledgeBase) -> dict[str, object]:
    """The knowledge base and its items, which an engine refers to but does not store."""
    shared: dict[str, object] = {"kb": kb}
    for name in COLLECTIONS:
        for item_id, item in kb.collection(name).items():
            shared[f"{name}/{item_id}"] = item
    if kb.pdq is not None:
        shared["pdq"] = kb.pdq
    return shared


def compiled_engine(
    kb: KnowledgeBase, audience: Audience, build: Callable[[], E], expected: type[E]
) -> E:
    """``build()``'s engine over ``kb`` for ``audience``, from the cache when it was built before
    from the same inputs; built (and stored) otherwise."""
    kb_key = compiled_key(kb)
    if kb_key is None:
        return build()
    try:
        key = index_key(kb_key, audience)
    except OSError:  # an input cannot be read: building says what is wrong
        return build()
    with regexes.recording():  # the engine's patterns come from the Ask data
        return compiled.cached(f"ask-{audience}", key, build, expected, shared_objects(kb))


def index_stored(kb: KnowledgeBase, audience: Audience) -> bool:
    """Whether the cache holds an index compiled from ``kb``'s files and the current Ask data
    for ``audience`` (then that data was valid when it was built, and still is)."""
    kb_key = compiled_key(kb)
    if kb_key is None:
        return False
    try:
        key = index_key(kb_key, audience)
    except OSError:
        return False
    return compiled.stored(f"ask-{audience}", key)


def prepare(languages: tuple[Language, ...] = ("en",)) -> None:
    """Ready the safety triage of ``languages`` before any question is read: its patterns are
    compiled (or taken from the stored table, see ``islet.regexes``) with a fixed text."""
    regexes.install()
    with regexes.recording():
        for language in languages:
            triage(WARM_UP_TEXT, language)
