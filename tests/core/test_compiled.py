"""The compiled knowledge base: used only while the knowledge is unchanged, rebuilt when it is
corrupt, and never a reason for Islet to fail."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
import yaml

from islet import compiled
from islet import kb as kb_module
from islet.errors import KnowledgeError
from tests.processes import package_copy, run_islet

VALID = Path(__file__).parents[1] / "fixtures" / "kb-valid"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(compiled.CACHE_ENV, str(folder))
    return folder


def load(directory: Path) -> kb_module.KnowledgeBase:
    """``kb.load`` without its per-process memo, as a fresh run would call it."""
    return kb_module.load.__wrapped__(directory)


def compiled_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("knowledge-*.pickle"))


def rename_insulinoma(knowledge: Path, name: str) -> None:
    path = knowledge / "tumor_types.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    (entry,) = [t for t in content["tumor_types"] if t["id"] == "insulinoma"]
    entry["name"] = name
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")


def forbid_reading_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(directory: Path) -> None:
        raise AssertionError(f"read the YAML in {directory}")

    monkeypatch.setattr(kb_module, "read", refuse)


def test_a_second_run_loads_the_compiled_form_without_reading_yaml(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load(VALID)
    assert len(compiled_files(cache)) == 1
    forbid_reading_yaml(monkeypatch)
    assert load(VALID) == first


def test_a_changed_knowledge_file_is_validated_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    for path in VALID.iterdir():
        (knowledge / path.name).write_bytes(path.read_bytes())
    load(knowledge)
    content = knowledge / "content.yaml"
    content.write_text(content.read_text().replace("id: surgery", "id: Surgery!"))
    with pytest.raises(KnowledgeError):
        load(knowledge)


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle at all", pickle.dumps({"sections": []}), b"\x80\x05\x95truncated"],
    ids=["empty", "garbage", "another-type", "truncated"],
)
def test_a_corrupt_compiled_file_is_ignored_and_rebuilt(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    expected = load(VALID)
    (path,) = compiled_files(cache)
    path.write_bytes(damage)
    assert load(VALID) == expected
    forbid_reading_yaml(monkeypatch)
    assert load(VALID) == expected  # the file was rebuilt


def test_every_islet_module_a_compiled_file_names_shapes_its_key(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pickle names each class by its module path, so a change to any of those modules
    (moved, renamed or edited) must give a new key."""
    load(VALID)
    (path,) = compiled_files(cache)
    modules: set[str] = set()
    original = compiled._Unpickler.find_class

    def naming(self: Any, module: str, name: str) -> Any:
        modules.add(module)
        return original(self, module, name)

    monkeypatch.setattr(compiled._Unpickler, "find_class", naming)
    compiled.load_file(path)
    named = {m for m in modules if m == "islet" or m.startswith("islet.")}
    shaping = {
        "islet."
        + path.relative_to(compiled._PACKAGE)
        .as_posix()
        .removesuffix(".py")
        .removesuffix("/__init__")
        .replace("/", ".")
        for path in compiled.code_files(compiled.SHAPING_CODE)
    }
    assert {"islet.kb", "islet.model.content"} <= named
    assert named <= shaping


def test_moving_a_model_module_changes_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same bytes under another module path: a pickle of the old layout is never loaded."""
    code = tmp_path / "islet"
    for path in compiled.code_files(compiled.SHAPING_CODE):
        name = path.relative_to(compiled._PACKAGE)
        (code / name).parent.mkdir(parents=True, exist_ok=True)
        (code / name).write_bytes(path.read_bytes())
    monkeypatch.setattr(compiled, "_PACKAGE", code)
    before = compiled.fingerprint(VALID)
    assert compiled.fingerprint(VALID) == before
    (code / "model" / "marks.py").rename(code / "model" / "glossary_marks.py")
    assert compiled.fingerprint(VALID) != before


def test_a_cache_that_cannot_be_written_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv(compiled.CACHE_ENV, str(blocker / "cache"))
    assert load(VALID).sections


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, "off")
    assert compiled.cache_dir() is None
    assert load(VALID).sections


def test_islet_shows_a_changed_knowledge_file_on_the_next_run(tmp_path: Path) -> None:
    """End to end, as a person sees it: run, edit the knowledge, run again."""
    knowledge = package_copy(tmp_path / "site")
    env = {"PYTHONPATH": str(tmp_path / "site"), compiled.CACHE_ENV: str(tmp_path / "cache")}

    def shown_name() -> str:
        done = run_islet("show", "insulinoma", "--json", env=env)
        assert done.returncode == 0, done.stderr
        name: str = json.loads(done.stdout)["name"]
        return name

    before = shown_name()
    assert compiled_files(tmp_path / "cache")
    rename_insulinoma(knowledge, "Insulinoma (renamed for this test)")
    assert shown_name() == "Insulinoma (renamed for this test)" != before


def test_islet_rebuilds_a_corrupt_compiled_file(tmp_path: Path) -> None:
    package_copy(tmp_path / "site")
    env = {"PYTHONPATH": str(tmp_path / "site"), compiled.CACHE_ENV: str(tmp_path / "cache")}
    first = run_islet("show", "insulinoma", "--json", env=env)
    (path,) = compiled_files(tmp_path / "cache")
    path.write_bytes(b"\x00garbage")
    again = run_islet("show", "insulinoma", "--json", env=env)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    assert isinstance(compiled.load_file(path), kb_module.KnowledgeBase)


def test_islet_check_always_reads_the_yaml(tmp_path: Path) -> None:
    """A compiled file from valid knowledge never hides a defect from `islet check`."""
    knowledge = package_copy(tmp_path / "site")
    env = {"PYTHONPATH": str(tmp_path / "site"), compiled.CACHE_ENV: str(tmp_path / "cache")}
    assert run_islet("show", "insulinoma", env=env).returncode == 0
    path = knowledge / "tumor_types.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    done = run_islet("check", "--json", env=env)
    assert done.returncode == 1
    assert json.loads(done.stdout)["ok"] is False
