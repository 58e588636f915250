"""The compiled tagger kept beside the index (tagging/cache.py): read back only when it was
written for the same code and dictionary file, whole and of the right shape; otherwise
compiled again and written anew, never an error and never a different tag."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect import keyed_file
from ca_connect.cli import cli
from ca_connect.loader import load_article
from ca_connect.models import Article, EntityDictionary
from ca_connect.store import default_path
from ca_connect.tagging import cache
from ca_connect.tagging import matcher as matcher_module
from ca_connect.tagging import tagger as tagger_module
from ca_connect.tagging.tagger import Tagger, tagger_for

from .conftest import SEEDS, write_data

TEXT = (
    "Kazakhtelecom and Beeline Uzbekistan signed an agreement on a fibre-optic link "
    "between Kazakhstan and Kyrgyzstan; the US$ 10 million Digital Silk Road project "
    "was not feasible in Tajikistan, the ITU said."
)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has compiled no tagger yet."""
    monkeypatch.setattr(tagger_module, "_COMPILED", {})


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the phrase matchers compiled from the dictionary from here on."""
    calls: list[int] = []
    original = matcher_module.PhraseMatcher.__init__

    def counting(self, *args, **kwargs) -> None:
        calls.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(matcher_module.PhraseMatcher, "__init__", counting)
    return calls


def tags(tagger: Tagger) -> str:
    article = Article(id="cache-test", path="cache-test.txt", title="A link", body=TEXT)
    return tagger.tag(article).model_dump_json()


@pytest.mark.slow  # the whole dictionary compiled and read back (about 1 s)
def test_a_tagger_read_back_tags_as_the_compiled_one(dictionary: EntityDictionary) -> None:
    compiled = Tagger(dictionary)
    again = Tagger(dictionary, compiled.stored())
    assert tags(again) == tags(compiled)
    for seed in sorted(SEEDS.iterdir())[:10]:
        article = load_article(seed)
        assert again.tag(article) == compiled.tag(article), seed.name


def test_the_cache_is_read_back_without_compiling(
    small_dictionary: EntityDictionary, tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = small_dictionary  # compiled in a blink
    path = tmp_path / "index.sqlite.tagger"
    first = cache.load_tagger(dictionary, path, "build:dict")
    assert path.exists()
    monkeypatch.setattr(tagger_module, "_COMPILED", {})  # another process
    calls = compiles(monkeypatch)
    second = cache.load_tagger(dictionary, path, "build:dict")
    assert calls == []
    assert second is not first and tags(second) == tags(first)
    assert tagger_module.tagger_for(dictionary) is second  # the process's tagger from now on


def test_a_tagger_read_back_makes_a_keys_phrases_when_a_text_first_holds_it(
    small_dictionary: EntityDictionary,
) -> None:
    compiled = Tagger(small_dictionary)
    again = Tagger(small_dictionary, compiled.stored())
    matchers = again._matchers.matchers
    assert all(m._stored == set(m._phrases) for m in matchers)  # only keys read
    assert tags(again) == tags(compiled)
    made = sum(len(m._phrases) - len(m._stored) for m in matchers)
    assert 0 < made < sum(len(m._phrases) for m in matchers)  # those this text holds
    assert again.stored() == compiled.stored()  # written back whole


def test_a_stored_phrase_of_another_shape_is_refused_at_once(
    small_dictionary: EntityDictionary,
) -> None:
    stored = Tagger(small_dictionary).stored()
    key, phrases = stored[1][0]
    stored[1][0] = [key, [phrase[:5] for phrase in phrases]]
    with pytest.raises(ValueError):
        Tagger(small_dictionary, stored)


def test_a_cache_of_another_key_is_compiled_again_and_replaced(
    small_dictionary: EntityDictionary, tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another build key or another dictionary file (an edit) makes another key."""
    dictionary = small_dictionary  # compiled in a blink
    path = tmp_path / "index.sqlite.tagger"
    cache.load_tagger(dictionary, path, "old-build:dict")
    monkeypatch.setattr(tagger_module, "_COMPILED", {})
    calls = compiles(monkeypatch)
    cache.load_tagger(dictionary, path, "new-build:dict")
    assert calls  # compiled
    assert path.read_bytes().split(b"\n")[1] == b"new-build:dict"
    assert not list(tmp_path.glob("*.tmp"))  # written through a temporary file, renamed


@pytest.mark.parametrize(
    "damage",
    ["truncated", "one byte changed", "foreign file", "our header, other data"],
)
def test_a_damaged_or_foreign_cache_is_ignored_and_written_anew(
    small_dictionary: EntityDictionary,
    tmp_path: Path,
    fresh: None,
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    dictionary = small_dictionary  # compiled in a blink
    path = tmp_path / "index.sqlite.tagger"
    expected = tags(cache.load_tagger(dictionary, path, "k"))
    good = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "one byte changed":
        middle = len(good) // 2
        path.write_bytes(good[:middle] + bytes([good[middle] ^ 1]) + good[middle + 1 :])
    elif damage == "foreign file":
        path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)))
    else:  # a well-formed file of ours whose data is not six matchers
        data = b'{"matchers": []}'
        path.write_bytes(b"".join((cache._HEADER, b"k\n", keyed_file.digest(data), b"\n", data)))
    monkeypatch.setattr(tagger_module, "_COMPILED", {})
    calls = compiles(monkeypatch)
    tagger = cache.load_tagger(dictionary, path, "k")
    assert calls  # compiled, not read
    assert tags(tagger) == expected
    assert path.read_bytes() == good


def test_the_index_keeps_the_cache_beside_it_never_among_the_articles(
    data_dir: Path, tmp_path: Path, fresh: None
) -> None:
    data = data_dir
    before = sorted(p.name for p in (data / "articles").iterdir())
    assert CliRunner().invoke(cli, ["--data", str(data), "summary"]).exit_code == 0
    assert cache.cache_path(default_path(data)).exists()
    assert sorted(p.name for p in (data / "articles").iterdir()) == before
    memory = tmp_path / "memory"
    shutil.copytree(SEEDS, memory / "articles")
    assert CliRunner().invoke(cli, ["--data", str(memory), "--no-index", "summary"]).exit_code == 0
    assert not list(memory.rglob("*.tagger"))


@pytest.mark.slow  # the whole dictionary compiled and read back (about 1 s)
def test_an_edited_dictionary_tags_with_its_new_names(data_dir: Path, fresh: None) -> None:
    """The index's key holds the dictionary file's hash: an edit is never read from a
    cache written for the file before it."""
    data = data_dir
    run = CliRunner().invoke
    assert run(cli, ["--data", str(data), "summary"]).exit_code == 0
    entities = data / "entities.yaml"
    entities.write_text(entities.read_text().replace("name: Starlink", "name: Starlynx"))
    (data / "articles" / "zz-added.txt").write_text(
        "Starlynx to serve Kazakhstan\n\nStarlynx signed a licence in Kazakhstan.\n"
    )
    tagger_module._COMPILED.clear()  # the next command: another process
    indexed = run(cli, ["--data", str(data), "export", "--format", "jsonl"]).stdout
    fresh_answer = run(cli, ["--data", str(data), "--no-index", "export", "--format", "jsonl"])
    assert indexed == fresh_answer.stdout
    added = next(line for line in indexed.splitlines() if "zz-added" in line)
    assert "Starlynx" in added


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


def phrases(tagger: Tagger) -> int:
    return sum(len(matcher) for matcher in tagger.stored())


@pytest.fixture
def written(small_dictionary: EntityDictionary, tmp_path: Path, fresh: None) -> Path:
    """A tagger file of the small dictionary, as an earlier command left it."""
    path = tmp_path / "index.sqlite.tagger"
    cache.load_tagger(small_dictionary, path, "k")
    tagger_module._COMPILED.clear()  # the next command: another process
    return path


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


def test_a_span_of_the_wrong_shape_in_the_taggers_file_is_compiled_not_an_error(
    small_dictionary, tmp_path: Path, monkeypatch
) -> None:
    """The tagger's file (tagging/cache.py) checks each group's span when an article's
    words first need it: one not a span of the groups (a writer's bug, the digest
    matching) makes the tagger compile, and tag as the compiled one does."""
    from ca_connect import keyed_file
    from ca_connect.models import Article
    from ca_connect.tagging import cache
    from ca_connect.tagging import tagger as tagger_module
    from ca_connect.tagging.tagger import Tagger

    article = Article(
        id="span", path="span.txt", title="A link", body="Kazakhtelecom signed with Beeline."
    )
    path = tmp_path / "index.sqlite.tagger"
    monkeypatch.setattr(tagger_module, "_COMPILED", {})
    cache.load_tagger(small_dictionary, path, "k")
    header, key, _, data = path.read_bytes().split(b"\n", 3)
    index_line, _, groups = data.partition(b"\n")
    index = json.loads(index_line)
    word = next(word for word in sorted(cache._text_keys(article)) if word in index)
    index[word] = [len(groups) + 5, 1]
    broken = json.dumps(index).encode() + b"\n" + groups
    path.write_bytes(b"\n".join((header, key, keyed_file.digest(broken), broken)))
    monkeypatch.setattr(tagger_module, "_COMPILED", {})
    part = cache.load_tagger(small_dictionary, path, "k", whole=False)
    assert part.tag(article) == Tagger(small_dictionary).tag(article)
    assert json.loads(path.read_bytes().split(b"\n", 3)[3].partition(b"\n")[0])[word] != [
        len(groups) + 5,
        1,
    ]  # written anew


def test_the_tagger_file_knows_how_many_matchers_a_tagger_stores(
    small_dictionary: EntityDictionary,
) -> None:
    """tagging/cache.py reads a file's groups into `_MATCHERS` matchers: a Tagger with
    another number of them would make every partial reading fail and compile instead."""
    assert len(Tagger(small_dictionary).stored()) == cache._MATCHERS
