"""`islet serve`: starts uvicorn on the app factory, without access logs, and says where."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from islet import cli
from islet.errors import KnowledgeError
from islet.web import app as web_app


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_run(target: str, **kwargs: Any) -> None:
        calls.append({"target": target, **kwargs})

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


@pytest.mark.parametrize(
    ("args", "expected", "address"),
    [
        ([], {"host": "127.0.0.1", "port": 8000, "workers": 1, "root_path": ""}, ":8000/"),
        (
            ["--host", "0.0.0.0", "--port", "9000", "--workers", "2", "--root-path", "islet/"],
            {"host": "0.0.0.0", "port": 9000, "workers": 2, "root_path": "/islet"},
            "http://0.0.0.0:9000/",
        ),
    ],
)
def test_serve_starts_the_app_factory(
    started: list[dict[str, Any]],
    args: list[str],
    expected: dict[str, Any],
    address: str,
    runner: CliRunner,
) -> None:
    result = runner.invoke(cli.app, ["serve", *args])
    assert result.exit_code == 0, result.output
    assert address in result.output
    (call,) = started
    assert call["target"] == "islet.web.app:create_app"
    assert call["factory"] is True
    assert call["access_log"] is False  # addresses carry what people entered
    for key, value in expected.items():
        assert call[key] == value


@pytest.mark.parametrize("args", [["--port", "0"], ["--port", "70000"], ["--workers", "0"]])
def test_serve_refuses_bad_options(
    started: list[dict[str, Any]], args: list[str], runner: CliRunner
) -> None:
    result = runner.invoke(cli.app, ["serve", *args])
    assert result.exit_code == 2
    assert started == []


def test_broken_knowledge_stops_start_up(
    started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> None:
        raise KnowledgeError(["tumor_types.yaml: cannot be read"])

    monkeypatch.setattr(web_app.kb_module, "load", broken)
    monkeypatch.setattr("sys.argv", ["islet", "serve"])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    assert started == []


def test_a_broken_knowledge_folder_is_named(tmp_path: Any) -> None:
    (tmp_path / "broken.yaml").write_text("sections: [", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"broken\.yaml"):
        web_app.create_app(knowledge_dir=tmp_path)
