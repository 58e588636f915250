"""Session 15, the added article's command (issue 11): patterns compiled when first used."""

from __future__ import annotations

import re
import subprocess
import sys

from ca_connect.lazy_pattern import LazyPattern

TEXT = "Signed on 6 May 2024; the second phase began in June 2025."
YEAR = r"(?P<year>\d{4})"


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    lazy, compiled = LazyPattern(YEAR, re.IGNORECASE), re.compile(YEAR, re.IGNORECASE)
    assert lazy.pattern == compiled.pattern
    assert lazy.search(TEXT)[0] == compiled.search(TEXT)[0] == "2024"  # type: ignore[index]
    assert lazy.search(TEXT, 30).span() == compiled.search(TEXT, 30).span()  # type: ignore[union-attr]
    assert lazy.match(TEXT) is None and compiled.match(TEXT) is None
    assert lazy.fullmatch("2025") is not None
    assert lazy.findall(TEXT) == compiled.findall(TEXT) == ["2024", "2025"]
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub("YYYY", TEXT) == compiled.sub("YYYY", TEXT)
    assert lazy.subn(lambda m: m[0][::-1], TEXT, 1) == compiled.subn(lambda m: m[0][::-1], TEXT, 1)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert (lazy.flags, lazy.groups, dict(lazy.groupindex)) == (
        compiled.flags,
        compiled.groups,
        dict(compiled.groupindex),
    )


def test_it_compiles_once_on_first_use_then_calls_the_compiled_pattern_directly() -> None:
    lazy = LazyPattern(YEAR)
    assert lazy.pattern == YEAR and "search" not in vars(lazy)  # read without compiling
    assert lazy.findall(TEXT) == ["2024", "2025"]
    compiled = lazy.compiled()
    assert lazy.compiled() is compiled
    # Every method is now the compiled pattern's own: no wrapper runs on later calls.
    assert lazy.search == compiled.search and lazy.sub == compiled.sub
    assert lazy.search.__self__ is compiled  # type: ignore[attr-defined]


# What the update of one added article imports (store/index.py `_prepare`).
UPDATE_IMPORTS = (
    "from ca_connect.deals import store\n"
    "from ca_connect.store import affected, ingest\n"
    "from ca_connect.events.mentions import MentionReader\n"
)


def _run(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", UPDATE_IMPORTS + script], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_importing_the_analysis_compiles_none_of_its_lazy_patterns() -> None:
    # Its lazy patterns are compiled by the articles that use them, never by the import.
    script = (
        "import gc\n"
        "from ca_connect.lazy_pattern import LazyPattern\n"
        "lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(len(lazy), sum(o._compiled is not None for o in lazy))\n"
    )
    made, compiled = map(int, _run(script).split())
    assert made > 150 and compiled == 0


def test_the_update_does_not_import_yaml() -> None:
    # The dictionary is read back from its cache beside the index; only a maintainer's
    # file with an error needs yaml's node tree (deals/named.py `_line`): ~10 ms of CPU
    # an added article's command no longer spends.
    assert _run("import sys\nprint('yaml' in sys.modules)\n").strip() == "False"
