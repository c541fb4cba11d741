"""The compiled Ask index: answers exactly as a freshly built one, is never used once any of its
inputs changed (the knowledge, the Ask data), and a corrupt one is ignored and rebuilt, never a
crash."""

from __future__ import annotations

import importlib
import json
import mmap
from pathlib import Path

import pytest
import yaml

from islet import compiled
from islet import kb as kb_module
from islet.ask.answer import Engine
from islet.ask.index import compiled_engine
from islet.ask.lexicon import load_lexicon
from islet.model import Audience
from tests.processes import package_copy, run_islet

answer_module = importlib.import_module("islet.ask.answer")  # the package exports `answer()`

QUESTIONS = [
    ("what is a whipple", "patient"),
    ("how is an insulinoma found", "patient"),
    ("wat is a gastrinomma", "patient"),
    ("what is the outlook for a pancreatic NET", "professional"),
    ("how do I bake bread", "patient"),
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(compiled.CACHE_ENV, str(folder))
    return folder


def index_files(folder: Path, audience: str = "patient") -> list[Path]:
    return sorted(folder.glob(f"ask-{audience}-*.pickle"))


def built(kb: kb_module.KnowledgeBase, audience: Audience) -> Engine:
    return Engine(kb, load_lexicon(), audience)


def refuse_to_build() -> Engine:
    raise AssertionError("built the engine again instead of loading the compiled one")


@pytest.mark.parametrize(("question", "audience"), QUESTIONS)
def test_a_compiled_engine_answers_exactly_as_a_freshly_built_one(
    cache: Path, question: str, audience: Audience
) -> None:
    kb = kb_module.load()
    fresh = built(kb, audience)
    compiled_engine(kb, audience, lambda: built(kb, audience), Engine)  # stores it
    assert len(index_files(cache, audience)) == 1
    loaded = compiled_engine(kb, audience, refuse_to_build, Engine)
    assert loaded is not fresh and loaded.kb is kb  # the knowledge base is not stored with it
    assert loaded.answer(question) == fresh.answer(question)


def test_the_index_arrays_are_read_in_place_from_the_file(cache: Path) -> None:
    kb = kb_module.load()
    compiled_engine(kb, "patient", lambda: built(kb, "patient"), Engine)
    loaded = compiled_engine(kb, "patient", refuse_to_build, Engine)
    scores = loaded.retriever.bm25.data
    assert isinstance(scores.obj, mmap.mmap)  # a view of the memory-mapped file, not a copy
    assert scores.readonly


def test_an_engine_over_knowledge_not_loaded_from_files_is_never_stored(cache: Path) -> None:
    kb = kb_module.validated(kb_module.KNOWLEDGE_DIR)  # read from the YAML, not by `load`
    compiled_engine(kb, "patient", lambda: built(kb, "patient"), Engine)
    assert index_files(cache) == []


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a compiled file", compiled.MAGIC + b"\x00" * 4, b"\x80\x05\x95truncated"],
    ids=["empty", "garbage", "truncated-header", "a-bare-pickle"],
)
def test_a_corrupt_index_is_ignored_and_rebuilt(cache: Path, damage: bytes) -> None:
    kb = kb_module.load()
    expected = built(kb, "patient").answer("what is a whipple")
    compiled_engine(kb, "patient", lambda: built(kb, "patient"), Engine)
    (path,) = index_files(cache)
    path.write_bytes(damage)
    rebuilt = compiled_engine(kb, "patient", lambda: built(kb, "patient"), Engine)
    assert rebuilt.answer("what is a whipple") == expected
    loaded = compiled_engine(kb, "patient", refuse_to_build, Engine)  # the file was rebuilt
    assert loaded.answer("what is a whipple") == expected


def test_an_index_cut_short_is_ignored_and_rebuilt(cache: Path) -> None:
    kb = kb_module.load()
    compiled_engine(kb, "patient", lambda: built(kb, "patient"), Engine)
    (path,) = index_files(cache)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    rebuilt = compiled_engine(kb, "patient", lambda: built(kb, "patient"), Engine)
    assert rebuilt.answer("what is a whipple") == built(kb, "patient").answer("what is a whipple")


def ask(question: str, env: dict[str, str]) -> dict[str, object]:
    done = run_islet("ask", question, "--json", env=env)
    assert (done.returncode, done.stderr) == (0, "")
    reply: dict[str, object] = json.loads(done.stdout)
    return reply


def first_title(reply: dict[str, object]) -> str:
    answers = reply["answers"]
    assert isinstance(answers, list) and answers
    title: str = answers[0]["title"]
    return title


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the package to change, run with its own cache folder."""
    knowledge = package_copy(tmp_path / "site")
    env = {"PYTHONPATH": str(tmp_path / "site"), compiled.CACHE_ENV: str(tmp_path / "cache")}
    return knowledge, env


def test_islet_ask_shows_a_changed_knowledge_file_on_the_next_run(
    site: tuple[Path, dict[str, str]],
) -> None:
    knowledge, env = site
    assert first_title(ask("what is an insulinoma", env)) == "Insulinoma"
    assert index_files(Path(env[compiled.CACHE_ENV]))
    path = knowledge / "tumor_types.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    (entry,) = [t for t in content["tumor_types"] if t["id"] == "insulinoma"]
    entry["name"] = "Insulinoma (renamed for this test)"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    assert first_title(ask("what is an insulinoma", env)) == "Insulinoma (renamed for this test)"


def test_islet_ask_shows_changed_ask_data_on_the_next_run(
    site: tuple[Path, dict[str, str]],
) -> None:
    knowledge, env = site
    before = ask("what is a whipple", env)["help"]
    path = knowledge / "ask" / "answering.yaml"
    text = path.read_text(encoding="utf-8")
    changed = "For questions about your own care (changed for this test), talk"
    path.write_text(text.replace("For questions about your own care, talk", changed))
    after = ask("what is a whipple", env)["help"]
    assert isinstance(after, str) and after != before
    assert after.startswith("For questions about your own care (changed for this test)")


def test_islet_ask_rebuilds_a_corrupt_index(site: tuple[Path, dict[str, str]]) -> None:
    _, env = site
    first = run_islet("ask", "what is a whipple", "--json", env=env)
    (path,) = index_files(Path(env[compiled.CACHE_ENV]))
    path.write_bytes(b"\x00garbage")
    again = run_islet("ask", "what is a whipple", "--json", env=env)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    assert path.read_bytes().startswith(compiled.MAGIC)


def test_the_engine_of_the_installed_knowledge_comes_from_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = kb_module.load()
    monkeypatch.setattr(answer_module, "_ENGINES", {})
    first = answer_module.engine_for(kb, "patient")
    assert len(index_files(cache)) == 1
    monkeypatch.setattr(answer_module, "_ENGINES", {})

    def refuse() -> None:
        raise AssertionError("read the Ask data to build the engine again")

    monkeypatch.setattr(answer_module, "load_lexicon", refuse)
    again = answer_module.engine_for(kb, "patient")
    assert again is not first
    assert again.answer("what is a whipple") == first.answer("what is a whipple")
