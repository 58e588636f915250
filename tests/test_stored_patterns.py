"""Regular expressions read back compiled from the file beside the index (stored_patterns.py):
each the pattern re.compile makes, and any file that is not exactly theirs read as none."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import ca_connect
from ca_connect import lazy_pattern, stored_patterns
from ca_connect.keyed_file import write_keyed
from ca_connect.stored_patterns import compile_pattern, read_patterns, write_patterns

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Texts every pattern is run over: English and Russian, dates, sums, names, punctuation.
SAMPLES = [
    "On 12 March 2024 Kazakhtelecom and Huawei signed a $120 million contract to lay 1,200 km"
    " of fibre-optic cable; construction began in May, but was suspended until next year.",
    "Минцифры Узбекистана и ПАО «Ростелеком» подписали меморандум 5 мая 2023 года: "
    "строительство началось, однако работы отложены до конца 2025 г.",
    "The Asian Development Bank (ADB) approved a loan of USD 35m. Separately, the second phase"
    " of the Digital CASA project will be completed in Q3 2026, officials said on Monday.",
]


def _every_pattern() -> list[tuple[str, int]]:
    """Every LazyPattern the package defines: all its modules imported."""
    for module in pkgutil.walk_packages(ca_connect.__path__, "ca_connect."):
        if module.name != "ca_connect.__main__":
            importlib.import_module(module.name)
    return sorted(set(lazy_pattern.every_pattern()))


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process's reading of a file, forgotten before and after the test."""
    monkeypatch.setattr(stored_patterns, "_read", {})
    monkeypatch.setattr(stored_patterns, "_read_from", None)


def test_every_pattern_of_the_package_read_back_is_the_one_re_compile_makes(
    tmp_path: Path, fresh: None
) -> None:
    patterns = _every_pattern()
    assert len(patterns) > 250
    path = tmp_path / "index.sqlite.patterns"
    write_patterns(path, "build", patterns)
    read_patterns(path, "build")
    assert set(patterns) <= stored_patterns._read.keys()  # all of them read back
    texts = [*SAMPLES, *(p.read_text() for p in sorted((FIXTURES / "blind3").glob("*.txt"))[:6])]
    for text, flags in patterns:
        stored, compiled = compile_pattern(text, flags), re.compile(text, flags)
        # Patterns are equal when their text, flags and code words are.
        assert stored == compiled, text
        assert (stored.pattern, stored.flags, stored.groups, stored.groupindex) == (
            compiled.pattern,
            compiled.flags,
            compiled.groups,
            compiled.groupindex,
        )
        for sample in texts:
            assert [(m.span(), m.groups()) for m in stored.finditer(sample)] == [
                (m.span(), m.groups()) for m in compiled.finditer(sample)
            ], text


def test_a_lazy_pattern_is_compiled_through_the_file(tmp_path: Path, fresh: None) -> None:
    lazy = lazy_pattern.LazyPattern(r"(?P<year>\d{4})\s+(?:год|year)", re.IGNORECASE)
    path = tmp_path / "patterns"
    write_patterns(path, "build", [(lazy.pattern, re.IGNORECASE)])
    read_patterns(path, "build")
    assert (lazy.pattern, re.IGNORECASE) in stored_patterns._read
    assert lazy.search("in 2024 year")["year"] == "2024"  # type: ignore[index]
    assert lazy.compiled() == re.compile(lazy.pattern, re.IGNORECASE)


def test_an_update_writes_the_file_once_and_the_next_reads_it(
    small_data_dir: Path, fresh: None
) -> None:
    from ca_connect.corpus import DataDir, open_corpus
    from ca_connect.store import default_path

    def update() -> None:
        open_corpus(DataDir(small_data_dir)).close()

    update()
    path = stored_patterns.pattern_path(default_path(small_data_dir))
    written = path.read_bytes()
    assert written.startswith(b"caconnect compiled patterns 1\n")
    (small_data_dir / "articles" / "zz-added.txt").write_text("Fibre for Tajikistan\n\nSigned.\n")
    update()
    assert path.read_bytes() == written  # it held them all: not written again
    path.write_bytes(written[:-7] + b"damaged")
    (small_data_dir / "articles" / "zz-added.txt").unlink()
    (small_data_dir / "articles" / "zz-other.txt").write_text("Cable for Tajikistan\n\nLaid.\n")
    update()  # the damaged file read as none, and written anew
    assert path.read_bytes() == written


@pytest.mark.parametrize(
    "damage",
    ["digest", "another key", "not JSON", "entries of another shape", "words cut", "code refused"],
)
def test_a_file_that_is_not_theirs_compiles_as_re_compile_does(
    tmp_path: Path, fresh: None, damage: str
) -> None:
    text, flags = r"(?P<word>\w+)\s+(?P=word)", re.IGNORECASE
    path = tmp_path / "patterns"
    write_patterns(path, "build", [(text, flags)])
    content = path.read_bytes()
    header, key, _digest, entries, words = content.split(b"\n", 4)
    data = entries + b"\n" + words
    if damage == "digest":
        path.write_bytes(content[:-1] + bytes([content[-1] ^ 1]))
    elif damage == "not JSON":
        write_keyed(path, header + b"\n", key.decode(), b"[[" + data)
    elif damage == "entries of another shape":
        write_keyed(path, header + b"\n", key.decode(), entries.replace(b",0,", b',"0",') + data)
    elif damage == "words cut":
        write_keyed(path, header + b"\n", key.decode(), data[:-1])
    else:  # well formed, but code words the engine refuses
        write_keyed(path, header + b"\n", key.decode(), entries + b"\n" + bytes(len(words)))
    read_patterns(path, "another build" if damage == "another key" else "build")
    if damage != "code refused":
        assert stored_patterns._read == {}
    assert compile_pattern(text, flags) == re.compile(text, flags)
    assert stored_patterns._read == {}  # a refused entry is dropped


def test_without_the_interpreters_interfaces_nothing_is_read_or_written(
    tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = r"\b(?:fibre|fiber)\b"
    path = tmp_path / "patterns"
    write_patterns(path, "build", [(text, 0)])
    read_patterns(path, "build")
    assert (text, 0) in stored_patterns._read

    class Engine:  # `_sre` without its `compile`
        MAGIC, CODESIZE = stored_patterns._sre.MAGIC, stored_patterns._sre.CODESIZE

    monkeypatch.setattr(stored_patterns, "_sre", Engine())
    assert compile_pattern(text) == re.compile(text)  # the hand-over fails: compiled
    stored_patterns._words_type.cache_clear()
    try:
        assert stored_patterns._words_type() == ""  # the probe fails: no file is read or written
        path.unlink()
        write_patterns(tmp_path / "patterns", "build", [(text, 0)])
        read_patterns(path, "another build")
        assert not path.exists() and stored_patterns._read == {}
    finally:
        stored_patterns._words_type.cache_clear()
