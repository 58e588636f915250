"""Session 11, one added article: the tagger read back from its file only for the words of
the articles an update analyses (tagging/cache.py), tagging them as the whole tagger does."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect import keyed_file
from ca_connect.cli import cli
from ca_connect.models import Article, EntityDictionary
from ca_connect.store import default_path
from ca_connect.store import scan as scan_module
from ca_connect.tagging import cache
from ca_connect.tagging import tagger as tagger_module
from ca_connect.tagging.tagger import Tagger, tagger_for

from .conftest import write_data

FIRST = Article(
    id="first",
    path="first.txt",
    title="Kazakhtelecom lays fibre",
    body="Kazakhtelecom signed an agreement to lay a fibre-optic link to Kyrgyzstan.",
)
OTHER = Article(
    id="other",
    path="other.txt",
    title="A satellite for Tajikistan",
    body="Beeline Uzbekistan and the ITU will test 5G and satellite internet in Tajikistan.",
)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has compiled no tagger yet."""
    monkeypatch.setattr(tagger_module, "_COMPILED", {})


@pytest.fixture
def written(small_dictionary: EntityDictionary, tmp_path: Path, fresh: None) -> Path:
    """A tagger file of the small dictionary, as an earlier command left it."""
    path = tmp_path / "index.sqlite.tagger"
    cache.load_tagger(small_dictionary, path, "k")
    tagger_module._COMPILED.clear()  # the next command: another process
    return path


def phrases(tagger: Tagger) -> int:
    return sum(len(matcher) for matcher in tagger.stored())


def test_a_tagger_read_for_an_article_tags_it_as_the_whole_tagger(
    small_dictionary: EntityDictionary, written: Path
) -> None:
    whole = Tagger(small_dictionary)
    part = cache.load_tagger(small_dictionary, written, "k", whole=False)
    assert tagger_for(small_dictionary) is part  # the process's tagger
    assert part.tag(FIRST) == whole.tag(FIRST)
    read = part._tagger  # type: ignore[attr-defined]
    assert 0 < sum(len(m._phrases) for m in read._matchers.matchers) < phrases(whole)
    # An article with other words: their phrases are read too, then it is tagged.
    assert part.tag(OTHER) == whole.tag(OTHER)
    assert part.tag(FIRST) == whole.tag(FIRST)


def test_after_a_few_readings_the_whole_tagger_is_read(
    small_dictionary: EntityDictionary, written: Path
) -> None:
    part = cache.load_tagger(small_dictionary, written, "k", whole=False)
    whole = Tagger(small_dictionary)
    for number in range(cache.PART_READINGS + 1):
        article = Article(id=f"a{number}", path="a.txt", body=f"Word{number} in Kazakhstan.")
        assert part.tag(article) == whole.tag(article)
    assert part._words is None  # type: ignore[attr-defined]


def test_asked_for_the_whole_tagger_it_reads_every_phrase(
    small_dictionary: EntityDictionary, written: Path
) -> None:
    part = cache.load_tagger(small_dictionary, written, "k", whole=False)
    part.tag(FIRST)
    again = cache.load_tagger(small_dictionary, written, "k")  # many articles to analyse
    assert again is part
    assert phrases(again) == phrases(Tagger(small_dictionary))
    assert again._countries is not None  # a Tagger's parts: the whole tagger's


def test_group_data_of_another_shape_is_compiled_not_an_error(
    small_dictionary: EntityDictionary, written: Path
) -> None:
    """A file whose digest matches but whose groups are not phrases (a writer's bug):
    the article is still tagged as the whole tagger tags it."""
    content = written.read_bytes()
    header, key, _, data = content.split(b"\n", 3)
    index_line, _, groups = data.partition(b"\n")
    for number in range(6):  # every phrase said to be of a seventh matcher
        groups = groups.replace(b"[%d," % number, b"[9,")
    broken = index_line + b"\n" + groups
    written.write_bytes(b"\n".join((header, key, keyed_file.digest(broken), broken)))
    part = cache.load_tagger(small_dictionary, written, "k", whole=False)
    assert part.tag(FIRST) == Tagger(small_dictionary).tag(FIRST)


def test_an_added_article_is_tagged_from_its_phrases_alone(tmp_path: Path, fresh: None) -> None:
    """The update of one added article reads only its phrases; the index answers as a
    store built from the files does."""
    entities = (Path(__file__).parent / "fixtures" / "entities.yaml").read_text()
    data = write_data(tmp_path / "data", entities, {"a.txt": f"{FIRST.title}\n\n{FIRST.body}\n"})
    run = CliRunner().invoke
    assert run(cli, ["--data", str(data), "summary"]).exit_code == 0
    tagger_module._COMPILED.clear()  # the next command: another process
    (data / "articles" / "b.txt").write_text(f"{OTHER.title}\n\n{OTHER.body}\n")
    indexed = run(cli, ["--data", str(data), "export", "--format", "jsonl"])
    read = next(iter(tagger_module._COMPILED.values()))
    assert isinstance(read, cache._TaggerOfTexts) and read._words  # read for b.txt's words
    fresh_answer = run(cli, ["--data", str(data), "--no-index", "export", "--format", "jsonl"])
    assert indexed.exit_code == 0 and indexed.stdout == fresh_answer.stdout


# --- The update's comparison of the folder with the stored files (store/index.py) -------


def stored_lines(data: Path) -> set[str]:
    db = sqlite3.connect(default_path(data))
    try:
        (joined,) = db.execute(
            f"SELECT group_concat({scan_module.FILE_LINE_SQL}, char(0)) FROM files"
        ).fetchone()
    finally:
        db.close()
    return set(joined.split("\0"))


ODD_NAME = "a, b\nc.txt"  # a comma and a new line: a name holds any character but / and NUL


def test_a_files_line_is_made_alike_in_sql_and_from_the_scan(tmp_path: Path) -> None:
    entities = (Path(__file__).parent / "fixtures" / "entities.yaml").read_text()
    texts = {"one.txt": "One\n\nKazakhtelecom in Kazakhstan.\n", ODD_NAME: "Two\n\nText.\n"}
    data = write_data(tmp_path / "data", entities, texts)
    for name in texts:  # long ago: trusted by their stat, not hashed again (racy)
        os.utime(data / "articles" / name, ns=(10**18, 10**18))
    assert CliRunner().invoke(cli, ["--data", str(data), "summary"]).exit_code == 0
    listing = scan_module.scan(data / "articles")
    assert set(listing.lines()) == stored_lines(data)
    assert dict(map(scan_module.parse_line, listing.lines())) == listing.files


def test_added_edited_and_deleted_files_of_any_name_are_seen(tmp_path: Path) -> None:
    """Racy (just written) or not, a file added, edited or deleted changes the answers
    as it changes those of a store built from the files."""
    entities = (Path(__file__).parent / "fixtures" / "entities.yaml").read_text()
    data = write_data(tmp_path / "data", entities, {"one.txt": f"{FIRST.title}\n\n{FIRST.body}\n"})
    articles = data / "articles"
    run = CliRunner().invoke

    def same_answers() -> None:
        indexed = run(cli, ["--data", str(data), "articles", "--format", "csv"])
        fresh_answer = run(cli, ["--data", str(data), "--no-index", "articles", "--format", "csv"])
        assert indexed.exit_code == 0 and indexed.stdout == fresh_answer.stdout

    same_answers()
    (articles / ODD_NAME).write_text(f"{OTHER.title}\n\n{OTHER.body}\n")  # added, racy
    same_answers()
    os.utime(articles / ODD_NAME, ns=(10**18, 10**18))  # trusted from now on
    same_answers()
    (articles / ODD_NAME).write_text(f"Edited\n\n{OTHER.body}\n")
    same_answers()
    (articles / ODD_NAME).unlink()  # deleted while racy
    same_answers()
    os.utime(articles / "one.txt", ns=(10**18, 10**18))
    same_answers()
    (articles / "one.txt").unlink()  # deleted, not racy
    same_answers()
