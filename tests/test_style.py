"""Lint and format are part of the test command, so CI and developers run one thing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import PROJECT


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff(args: list[str]) -> None:
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    command = [sys.executable, "-m", "ruff", *args]
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_default_run_skips_slow_tests_and_ci_runs_them() -> None:
    config = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert "addopts = \"-q -m 'not slow' -n 2\"" in config
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert '"$venv/bin/pytest"\n' in ci and '"$venv/bin/pytest" -m slow\n' in ci
