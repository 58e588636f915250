"""Docs cannot go stale: every command has help with an example and is in the README."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli

from .conftest import PROJECT

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"caconnect {name}" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name: str) -> None:
    readme = (PROJECT / "README.md").read_text()
    assert f"$ caconnect {name}" in readme, name
