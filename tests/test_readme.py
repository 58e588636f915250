"""The README's sessions print what the README shows (tests/readme_sessions.py)."""

from __future__ import annotations

import pytest

from . import readme_sessions


def test_sessions_are_found_with_their_outputs() -> None:
    lines = ["```", "$ caconnect a", "one", "$ caconnect b", "(exit 1)", "```", "", SKIP, "```"]
    lines += ["$ caconnect c", "```"]
    found = readme_sessions.sessions(lines)
    assert [[c.line for c in s] for s in found] == [["caconnect a", "caconnect b"]]
    assert [c.expected for c in found[0]] == [["one"], ["(exit 1)"]]


SKIP = readme_sessions.SKIP


def test_an_ellipsis_stands_for_the_rest_of_a_line_or_for_lines() -> None:
    assert readme_sessions.matches(["a…", "…", "z"], ["abc", "x", "y", "z"])
    assert readme_sessions.matches(["…"], [])
    assert not readme_sessions.matches(["a…", "z"], ["abc", "x", "z"])
    assert not readme_sessions.matches(["b…"], ["abc"])
    assert readme_sessions.matches(["x 'ab…'"], ["x 'abcdef'"])
    assert not readme_sessions.matches(["x 'ab…'"], ["x 'abcdef"])


def test_sessions_reading_the_shared_sets_wait_for_them() -> None:
    lines = ["```", "$ caconnect eval ../shared/corpus/gold.yaml", "x", "```", ""]
    lines += ["```", "$ caconnect summary", "y", "```"]
    found = readme_sessions.sessions(lines)
    assert len(readme_sessions.runnable(found, shared=True)) == 2
    kept = readme_sessions.runnable(found, shared=False)
    assert [[c.line for c in s] for s in kept] == [["caconnect summary"]]


@pytest.mark.slow  # every session runs caconnect in a subprocess
def test_every_readme_session_prints_what_the_readme_shows() -> None:
    problems = readme_sessions.check()
    assert not problems, "\n".join(problems) + "\n(python -m tests.readme_sessions --update)"
