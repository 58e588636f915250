"""`python -m ca_connect` (__main__.py): pydantic's plugins are off for the program, unless
its environment says otherwise."""

from __future__ import annotations

import os

import pytest

from ca_connect import __main__ as program

PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


class _Left(Exception):
    """The program left (os._exit), with this status."""


def _run_program(monkeypatch: pytest.MonkeyPatch) -> tuple[str | None, int]:
    """The plugins setting the command saw, and the status the program left with."""
    seen: list[str | None] = []

    def command() -> int:
        seen.append(os.environ.get(PLUGINS))
        return 0

    def leave(status: int) -> None:
        raise _Left(status)

    monkeypatch.setattr(program, "run", command)
    monkeypatch.setattr(program.os, "_exit", leave)
    monkeypatch.setattr(program.gc, "disable", lambda: None)  # the test process's own
    with pytest.raises(_Left) as left:
        program.main()
    return seen[0], left.value.args[0]


def test_the_program_turns_pydantics_plugins_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS, "")  # so that the program's setting is undone after
    monkeypatch.delenv(PLUGINS)
    assert _run_program(monkeypatch) == ("__all__", 0)


@pytest.mark.parametrize("chosen", ["", "logfire", "false"])
def test_a_setting_in_the_environment_is_kept(chosen: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS, chosen)
    assert _run_program(monkeypatch) == (chosen, 0)
