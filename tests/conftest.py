"""Shared fixtures: small real data folders in tmp_path, never the user's data.

Speed: the dictionary is parsed once per process (dictionary.parse_dictionary keeps
each text's result), so `dictionary`/`small_dictionary` and every load_dictionary of
the same text share one object and one compiled tagger. `seed_data` is one copy of the
data folder per module, for tests that only read it (`seed_corpus`: its in-memory
store); `data_dir` is a fresh copy for tests that change files. The analysis of one text
with one dictionary is pure, so each is made once per process (`analysis_once`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from xdist.scheduler import LoadScopeScheduling

from ca_connect import events
from ca_connect.cli import group as group_module
from ca_connect.corpus import Corpus, DataDir, open_corpus
from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article, EntityDictionary, Event, TaggedArticle
from ca_connect.store import index as index_module

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "data" / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = PROJECT.parent / "shared"

# A property is about answers, not time: on a shared 2-core machine one slow example is
# load, not a bug (the suite's own time is watched as a whole, see README "Development").
# Fifty examples a property keep the default run under 30 s (hypothesis's 100 cost two
# seconds of it); the properties that need more ask for them.
settings.register_profile("caconnect", deadline=None, max_examples=50)
settings.load_profile("caconnect")


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Speed: the default run (`-m 'not slow'`, xdist's `--dist load`) sends each module
    whole to one worker, so each worker reads, compiles and analyses only what its own
    modules use (the caches above are per process) and a module's fixtures are made once
    (10-15 % less CPU than dealing single tests in alternated runs on a loaded machine),
    the two workers still ending together among sixty modules. The slow tests, a few long
    ones in a few modules, are dealt one by one."""
    if config.getoption("dist") == "load" and config.getoption("markexpr") == "not slow":
        return LoadScopeScheduling(config, log)
    return None


@pytest.fixture(autouse=True)
def scan_in_process(request, monkeypatch):
    """Speed: a read command begins its folder's scan in a forked child (store/scan.py
    `start`); forking this large test process at each of a thousand CLI calls cost 3-4 s
    of the suite. The freshness tests (test_index.py) run commands as users do; elsewhere
    the command scans in its own process, which answers the same."""
    if request.module.__name__.rpartition(".")[2] != "test_index":
        monkeypatch.setattr(group_module, "SCANNED_FIRST", frozenset())


@pytest.fixture(scope="session", autouse=True)
def analysis_once():
    """Speed: most tests build their store from the same seed files, so an index build
    reads the same texts with the same dictionary again and again. `events.analyse` is a
    pure function of the article and the dictionary: the store's ingest (which looks it
    up at each call) gets a copy of its first answer. Tests of the analysis itself import
    `analyse` directly and always run it."""
    original = events.analyse
    # The dictionary is kept beside its answers: its id stays its own while it is here.
    answers: dict[tuple[int, str], tuple[EntityDictionary, str]] = {}

    def analyse_once(article: Article, dictionary: EntityDictionary) -> TaggedArticle:
        # Every test copies the seeds to a folder of its own: the answer is the same
        # wherever the file lies (the analysis never reads `path`), so it is not keyed.
        key = (id(dictionary), article.model_dump_json(exclude={"path"}))
        if key not in answers:
            answers[key] = (dictionary, original(article, dictionary).model_dump_json())
        # A fresh copy each time, read back from JSON (a deep copy of the records cost
        # three times as much): a caller may change what it is given.
        answer = TaggedArticle.model_validate_json(answers[key][1])
        return answer.model_copy(update={"path": article.path})

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(events, "analyse", analyse_once)
        yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the project's data folder (seed articles + the real dictionary)."""
    target = tmp_path / "data"
    shutil.copytree(SEEDS, target / "articles")
    shutil.copy(PROJECT / "data" / "entities.yaml", target / "entities.yaml")
    return target


@pytest.fixture(scope="module")
def seed_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the data folder per module, for tests that only read it."""
    target = tmp_path_factory.mktemp("seed") / "data"
    shutil.copytree(SEEDS, target / "articles")
    shutil.copy(PROJECT / "data" / "entities.yaml", target / "entities.yaml")
    return target


@pytest.fixture(scope="module")
def seed_corpus(seed_data: Path) -> Corpus:
    """The seed articles, analysed once per module into an in-memory store."""
    return open_corpus(DataDir(seed_data), use_index=False)


@pytest.fixture(scope="session")
def dictionary() -> EntityDictionary:
    """The project's dictionary (data/entities.yaml), parsed once per session."""
    return load_dictionary(PROJECT / "data" / "entities.yaml")


@pytest.fixture(scope="session")
def small_dictionary() -> EntityDictionary:
    """The small test dictionary (tests/fixtures/entities.yaml), parsed once per session."""
    return load_dictionary(FIXTURES / "entities.yaml")


@pytest.fixture
def small_data_dir(tmp_path: Path) -> Path:
    """The seed articles with the small test dictionary (tests/fixtures/entities.yaml)."""
    target = tmp_path / "small"
    shutil.copytree(SEEDS, target / "articles")
    shutil.copy(FIXTURES / "entities.yaml", target / "entities.yaml")
    return target


@pytest.fixture(scope="module")
def small_seed_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`small_data_dir` copied once per module, for tests that only read it."""
    target = tmp_path_factory.mktemp("small-seed") / "small"
    shutil.copytree(SEEDS, target / "articles")
    shutil.copy(FIXTURES / "entities.yaml", target / "entities.yaml")
    return target


@pytest.fixture
def shared_dir() -> Path:
    """../shared (seeds, corpus, spec); tests that need it skip cleanly without it."""
    if not (SHARED / "corpus" / "gold.yaml").is_file():
        pytest.skip("../shared is not beside the project")
    return SHARED


def write_data(folder: Path, entities: str, articles: dict[str, str]) -> Path:
    """A data folder written from text: FOLDER/entities.yaml and FOLDER/articles/NAME."""
    (folder / "articles").mkdir(parents=True)
    (folder / "entities.yaml").write_text(entities, encoding="utf-8")
    for name, text in articles.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def project_dictionary():
    """The project's data/entities.yaml, parsed once per test session."""
    from ca_connect.dictionary import load_dictionary

    return load_dictionary(PROJECT / "data" / "entities.yaml")


@pytest.fixture(autouse=True, scope="session")
def _dictionary_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Validated dictionaries are cached in a folder of the test session, not the user's."""
    import os

    os.environ["CACONNECT_CACHE"] = str(tmp_path_factory.mktemp("dictionary-cache"))


@pytest.fixture
def analysed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the article files the index analyses from now on, in order."""
    analysed: list[str] = []
    real = index_module.analyse_files

    def counting(folder, names, *rest):
        analysed.extend(names)
        return real(folder, names, *rest)

    monkeypatch.setattr(index_module, "analyse_files", counting)
    return analysed


@pytest.fixture(scope="module")
def dated_events(dictionary: EntityDictionary):
    """Events of one article written for a test: `read(body, date, language, title)`."""

    def read(
        body: str, date: str | None, language: str = "en", title: str | None = None
    ) -> list[Event]:
        article = Article(
            id="x", path="x.txt", body=body, date=date, language=language, title=title
        )
        return analyse(article, dictionary).events

    return read
