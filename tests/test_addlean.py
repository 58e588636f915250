"""Session 12, one added article (issue 11): the event reader's stage cues kept beside the
index (events/cache.py), read back only when written for the same code and dictionary,
whole and of the right shape, each language's made when an article in it is first read;
otherwise compiled again, never an error and never another cue."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.corpus import DataDir, open_corpus
from ca_connect.events import analyse
from ca_connect.events.cache import cue_cache_path, load_cues
from ca_connect.events.grammar import grammar_for
from ca_connect.events.reader import CueSets, Reader, _find_cues
from ca_connect.models import Article, EntityDictionary
from ca_connect.store import Index, default_path
from ca_connect.store import scan as scan_module
from ca_connect.store.connection import writing
from ca_connect.store.scan import FILES_TOKEN, RACY_SQL, STORED_LINES_SQL, Differences, differences
from ca_connect.tagging import matcher as matcher_module
from ca_connect.tagging import tagger as tagger_module
from ca_connect.tagging.cache import write_keyed
from ca_connect.tokens import tokenize

# Sentences written for these tests: cues of several stages, a gapped one, a passive plan.
SENTENCES = {
    "en": [
        "The regulator and the operator signed a memorandum on a new fibre route.",
        "Construction of the cable is expected to be completed next year.",
        "Talks on the satellite link were held in the capital, and a deal is planned.",
        "The ministry said the network was launched on Monday after tests ended.",
    ],
    "ru": [
        "Стороны подписали меморандум о строительстве оптоволоконной линии.",
        "Оператор запустит новую сеть в следующем году.",
        "Министерство объявило о начале переговоров по спутниковой связи.",
    ],
}


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has compiled no tagger and no cues yet."""
    monkeypatch.setattr(tagger_module, "_COMPILED", {})


def found(cue_sets: CueSets) -> list[object]:
    """Every cue the sets find in SENTENCES, language by language."""
    return [
        _find_cues(cue_sets[code], text, tokenize(text), [], grammar_for(code))
        for code, texts in SENTENCES.items()
        for text in texts
    ]


def test_cues_read_back_are_the_compiled_ones(dictionary: EntityDictionary) -> None:
    compiled = CueSets(dictionary)
    again = CueSets(dictionary, json.loads(json.dumps(compiled.data())))
    assert again.data() == compiled.data()
    assert found(again) == found(compiled)
    assert any(found(compiled))  # the sentences hold cues


def test_the_cue_file_is_read_back_without_compiling(
    dictionary: EntityDictionary, tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = cue_cache_path(tmp_path / "index.sqlite")
    assert path.name == "index.sqlite.cues"
    first = load_cues(dictionary, path, "build:dict")
    assert path.exists()
    monkeypatch.setattr(tagger_module, "_COMPILED", {})  # another process
    calls: list[int] = []
    original = matcher_module.PhraseMatcher.__init__
    monkeypatch.setattr(
        matcher_module.PhraseMatcher,
        "__init__",
        lambda self, *args, **kwargs: calls.append(1) or original(self, *args, **kwargs),
    )
    second = load_cues(dictionary, path, "build:dict")
    assert found(second) == found(first)
    assert calls == []
    assert Reader(dictionary)._cue_sets is second  # every reader's from now on


def damaged(path: Path, key: str) -> dict[str, object]:
    """Ways a cue file can be wrong, each written over `path` by the function named."""
    content = path.read_bytes()
    return {
        "another key": lambda: None,  # read with another key below
        "cut short": lambda: path.write_bytes(content[: len(content) // 2]),
        "a changed byte": lambda: path.write_bytes(content[:-5] + b"X" + content[-4:]),
        "another program's": lambda: path.write_bytes(b"SQLite format 3\x00" + content),
        "data of another shape": lambda: write_keyed(
            path, b"caconnect compiled cues 1\n", key, b'{"en": {"phrases": 5}, "ru": []}'
        ),
        "not JSON": lambda: write_keyed(path, b"caconnect compiled cues 1\n", key, b"{"),
    }


def test_a_bad_cue_file_costs_a_compile_never_another_cue(
    dictionary: EntityDictionary, tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index.sqlite.cues"
    expected = found(load_cues(dictionary, path, "key"))
    for how, damage in damaged(path, "key").items():
        monkeypatch.setattr(tagger_module, "_COMPILED", {})
        damage()
        key = "other" if how == "another key" else "key"
        assert found(load_cues(dictionary, path, key)) == expected, how
        load_cues(dictionary, path, "key")  # written anew for the next case


def test_an_english_article_compiles_no_russian_cues(
    dictionary: EntityDictionary, fresh: None
) -> None:
    article = Article(id="cues", path="cues.txt", title="A link", body=" ".join(SENTENCES["en"]))
    analyse(article, dictionary)
    cue_sets = Reader(dictionary)._cue_sets
    assert "phrases" in vars(cue_sets["en"])
    assert "phrases" not in vars(cue_sets["ru"])
    russian = Article(id="cues-ru", path="cues-ru.txt", title="Связь", body=SENTENCES["ru"][0])
    analyse(russian, dictionary)
    assert "phrases" in vars(cue_sets["ru"])


def test_an_index_keeps_its_cues_beside_it_and_answers_the_same(
    small_data_dir: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()

    def timeline(*options: str) -> str:
        result = runner.invoke(cli, ["--data", str(small_data_dir), *options, "timeline"])
        assert result.exit_code == 0, result.output
        return result.output

    timeline()
    cues = small_data_dir / ".caconnect" / "index.sqlite.cues"
    assert cues.is_file()
    added = small_data_dir / "articles" / "zz-added.txt"
    added.write_text(
        "title: A memorandum in Bishkek\ndate: 2025-03-04\n\n" + " ".join(SENTENCES["en"]),
        encoding="utf-8",
    )
    assert timeline() == timeline("--no-index")
    cues.write_bytes(b"not the cues")
    monkeypatch.setattr(tagger_module, "_COMPILED", {})  # another process
    added.write_text(added.read_text(encoding="utf-8") + " Kyrgyzstan agreed.", encoding="utf-8")
    assert timeline() == timeline("--no-index")
    assert cues.read_bytes().startswith(b"caconnect compiled cues 1\n")  # written anew


# --- The files compared by the scan's child --------------------------------------------


def _store(data: Path) -> Index:
    index = Index(default_path(data), data / "articles", data / "entities.yaml")
    index.open()
    return index


def test_the_scans_child_finds_the_differences_the_command_would(small_data_dir: Path) -> None:
    """A file added, one changed and one removed: the child's comparison is what the
    command's own finds, and the update takes it (its token is the store's)."""
    articles = small_data_dir / "articles"
    open_corpus(DataDir(small_data_dir)).close()
    names = sorted(path.name for path in articles.iterdir())
    (articles / "zz-added.txt").write_text("title: Added\n\nA new line was laid.", encoding="utf-8")
    (articles / names[0]).write_text("title: Changed\n\nThe text changed.", encoding="utf-8")
    (articles / names[1]).unlink()
    scan_module.start(articles, default_path(small_data_dir))
    listing = scan_module.scan(articles)
    assert listing.compared is not None
    index = _store(small_data_dir)
    with writing(index.db):
        db = index.db
        own = differences(
            db.execute(STORED_LINES_SQL).fetchone()[0],
            [name for (name,) in db.execute(RACY_SQL)],
            listing.lines(),
        )
        assert index._differences(listing) == own
    # (the files copied just now are racy: all of them are hashed again)
    assert {"zz-added.txt", names[0]} <= set(own[0]) and names[1] in own[1]
    index.close()


def test_the_childs_differences_are_taken_only_while_the_store_files_are_those_it_read(
    small_data_dir: Path,
) -> None:
    articles = small_data_dir / "articles"
    open_corpus(DataDir(small_data_dir)).close()
    index = _store(small_data_dir)
    listing = scan_module.scan(articles)  # made here: nothing differs
    token = index._meta(FILES_TOKEN)[FILES_TOKEN]
    told = Differences(token, {"told.txt": (1, 2, 3, 4)}, frozenset({"gone.txt"}))
    listing.compared = told
    assert index._differences(listing) == ({"told.txt": (1, 2, 3, 4)}, {"gone.txt"})
    listing.compared = Differences("another token", told.differing, told.deleted)
    db = index.db
    own = differences(
        db.execute(STORED_LINES_SQL).fetchone()[0],
        [name for (name,) in db.execute(RACY_SQL)],
        listing.lines(),
    )
    assert "told.txt" not in own[0]
    assert index._differences(listing) == own  # compared by the command itself
    index.close()
    (articles / "zz-added.txt").write_text("title: Added\n\nA line was laid.", encoding="utf-8")
    open_corpus(DataDir(small_data_dir)).close()  # an update: the store's files changed
    index = _store(small_data_dir)
    assert index._meta(FILES_TOKEN)[FILES_TOKEN] != token
    index.close()


@pytest.mark.parametrize(
    "sent",
    [
        b"",
        b"{",
        b"[]",
        b'{"token": 5, "differing": [], "deleted": []}',
        b'{"token": "t", "differing": [["a.txt", 1, 2, 3]], "deleted": []}',
        b'{"token": "t", "differing": [["a.txt", 1, 2, 3, "4"]], "deleted": []}',
        b'{"token": "t", "differing": [], "deleted": [7]}',
        b'{"token": "t", "differing": [], "deleted": 7}',
        b'{"token": "t", "differing": {}}',
    ],
)
def test_a_childs_message_of_another_shape_is_not_taken(sent: bytes) -> None:
    assert scan_module._differences_sent(sent) is None


def test_a_childs_message_is_read_back(tmp_path: Path) -> None:
    sent = b'{"token": "t", "differing": [["a b.txt", 1, 2, 3, 4]], "deleted": ["c.txt"]}'
    assert scan_module._differences_sent(sent) == Differences(
        "t", {"a b.txt": (1, 2, 3, 4)}, frozenset({"c.txt"})
    )


def test_the_child_compares_nothing_without_a_store_it_can_read(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("title: A\n\nText.", encoding="utf-8")
    listing = scan_module.scan(articles)
    not_an_index = tmp_path / "notes.txt"
    not_an_index.write_text("my notes", encoding="utf-8")
    theirs = tmp_path / "theirs.sqlite"  # another program's database, in WAL mode
    db = sqlite3.connect(theirs)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('files_token', 'theirs')")
    db.commit()
    db.close()
    saved = theirs.read_bytes()
    for index in (tmp_path / "none.sqlite", not_an_index, theirs):
        assert scan_module._compared(index, listing) == b""
    assert not_an_index.read_text(encoding="utf-8") == "my notes"
    assert theirs.read_bytes() == saved
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "articles",
        "notes.txt",
        "theirs.sqlite",
    ]
