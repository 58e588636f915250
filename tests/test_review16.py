"""review16: tests that fail when one of session 16's rules is broken and no earlier test
did (each names the rule it guards), the store's answers when the size limit changes
or an update stops half-way, and odd input to the new code. Every sentence is written
for this file."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.cli import cli
from ca_connect.dates import resolve_event_date
from ca_connect.dates.events import counted_ahead
from ca_connect.deals.link import link
from ca_connect.deals.story import so_far, visit_only
from ca_connect.loader import article_paths
from ca_connect.models import PartialDate
from ca_connect.store import default_path
from ca_connect.store import scan as scan_module
from ca_connect.store.index import Index
from ca_connect.store.questions import _StoredDictionary
from tests.test_deals import article
from tests.test_deals_history import dated_stages, deal_of, one_article_deal
from tests.test_deals_history import event as told

JUNE_3 = PartialDate(year=2025, month=6, day=3)

# --- dates16 --------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["pushed out", "moved out", "put back"])
def test_a_move_out_or_back_is_read_with_its_verb(verb: str) -> None:
    """_TARGET_WORDS (`pushed out to`, `put back to`): the move's words are the target's
    phrase, as `postponed until` is."""
    found = resolve_event_date(f"The rollout was {verb} until 2027.", JUNE_3)
    assert found is not None and found.planned and found.date == PartialDate(year=2027)
    assert found.text == f"{verb} until 2027"


@pytest.mark.parametrize(
    "sentence",
    ["The operator postponed the launch to May Street.", "Kcell delayed it to June Lane."],
)
def test_a_street_after_a_move_is_no_time(sentence: str) -> None:
    """_MOVED_TO_TIME: a month followed by a capitalised word names a place."""
    assert resolve_event_date(sentence, JUNE_3) is None


def test_a_season_of_a_year_moved_to_is_that_years() -> None:
    """_MOVED_TO_TIME: `the autumn of next year` is not the next autumn."""
    found = resolve_event_date("The launch was postponed to the autumn of next year.", JUNE_3)
    assert found is not None and found.planned and found.date == PartialDate(year=2026)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Сеть построят в течение шести месяцев.", PartialDate(year=2025, month=12)),
        ("Станцию запустят через три месяца.", PartialDate(year=2025, month=9)),
        ("Сеть построят в течение двух лет.", PartialDate(year=2027)),
    ],
)
def test_a_russian_count_of_months_ahead_counts_months(sentence: str, expected) -> None:
    """_unit_ahead reads the unit through UNIT_STEMS: months are months, years years."""
    assert counted_ahead(sentence, JUNE_3) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), st.dates(dt.date(1990, 1, 1))))
def test_any_sentence_resolves_without_a_crash(sentence: str, day) -> None:
    published = PartialDate.model_validate(day) if day else None
    resolve_event_date(sentence, published)
    resolve_event_date(f"The launch was postponed to {sentence}", published)
    resolve_event_date(f"Запуск перенесли на {sentence}", published)
    counted_ahead(sentence, published)


# --- deals16 --------------------------------------------------------------------------


def test_a_count_of_work_done_in_an_events_own_sentence_is_of_its_article_day() -> None:
    """story.asides_of: a count of the work done so far in a clause of an event's sentence,
    with no date of its own, is a deployment of its article's day."""
    text = "Orbita signed the gateway contract in March; so far 85 km of cable have been laid."
    deal = one_article_deal([told(1, "agreement", "2024-03", text)], "2024-10-02")
    assert ("deployment", "2024-10-02") in dated_stages(deal)


def test_what_a_russian_contractor_managed_to_do_is_a_count_of_work_done() -> None:
    """WORK_SO_FAR's «успел»: told apart after work begun months before."""
    deal = one_article_deal(
        [told(1, "deployment", "2024-03", "Orbita began installing the gateway in March.")],
        "2024-10-02",
        asides=((1, "Подрядчик успел проложить 90 км кабеля."),),
    )
    assert dated_stages(deal) == [("deployment", "2024-03"), ("deployment", "2024-10-02")]


@pytest.mark.parametrize("text", ["", ".", "visited", ", visited", "посетил;", "x" * 300])
def test_the_new_deal_cues_take_odd_text(text: str) -> None:
    visit_only(text)
    so_far(text)


def test_a_deal_of_one_event_with_no_date() -> None:
    deal = one_article_deal([told(1, "deployment", None, "So far 12 masts stand.")], "2024-10")
    assert deal.status


# --- parties16 ------------------------------------------------------------------------


def _events(body: str, title: str | None = None) -> list:
    from ca_connect.dictionary import load_dictionary
    from ca_connect.events import analyse
    from ca_connect.models import Article

    from .conftest import PROJECT

    article = Article(id="x", path="x.txt", title=title, body=body, date="2025-03-14")
    return analyse(article, load_dictionary(PROJECT / "data" / "entities.yaml")).events


def test_a_central_asian_country_listed_after_a_receiving_one_receives_too() -> None:
    """_receiving_countries (`_NEXT_LISTED`): `to Afghan and Uzbek carriers` leaves the
    Kyrgyz provider its country."""
    body = (
        "Kyrgyzstan's fibre network keeps growing. Kyrgyztelecom plans to lease spare fibre "
        "capacity to Afghan and Uzbek carriers."
    )
    (plan,) = [e for e in _events(body) if e.stage == "plan"]
    assert sorted(p.id for p in plan.parties) == ["AF", "KG", "UZ", "kyrgyztelecom"]


OPENINGS = ["", "After the talks, the sides ", "По итогам переговоров стороны ", "Traffic for "]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(OPENINGS), st.text(max_size=60), st.one_of(st.none(), st.text(max_size=20)))
def test_any_text_is_analysed_without_a_crash(opening: str, text: str, title) -> None:
    """The meeting's sides and the receiving countries on odd text: no meeting before, a
    sentence of nothing, an article with no events, a title of its own."""
    _events(opening + text, title)
    _events(f"Kazakhstan met Kyrgyzstan. {opening}{text}", title)


# --- lean16: what the scan lists, and the errors kept in `meta` ---------------------------


@pytest.fixture
def no_racy(monkeypatch: pytest.MonkeyPatch) -> None:
    """No file stored as racy (hashed again at every scan, the scan not recorded): a
    command then updates the index only when a file changed."""
    import ca_connect.store.index as index_module

    monkeypatch.setattr(index_module, "RACY_NS", 0)
    monkeypatch.setattr(scan_module, "RACY_NS", 0)


def _old(folder: Path) -> None:
    """Every file an hour old (its ctime is now: `no_racy` is needed too)."""
    then = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (then, then))


def test_the_scan_on_two_cores_digests_a_folder_of_files_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """_stat_all's digest made beside the child's part (no file left out, so it is not
    made again): the whole folder's."""
    for number in range(50):
        (tmp_path / f"{number:03}.md").write_text(str(number), encoding="utf-8")
    monkeypatch.setattr(scan_module, "cores", lambda: 1)
    alone = scan_module._scan_now(tmp_path)
    monkeypatch.setattr(scan_module, "cores", lambda: 2)
    monkeypatch.setattr(scan_module, "PARALLEL_STAT_FROM", 1)
    assert scan_module._scan_now(tmp_path).signature == alone.signature


NAMES = st.text(alphabet="ab.é_-~ \n", min_size=1, max_size=8).map(
    lambda stem: stem.replace("/", "")
) | st.sampled_from([".txt", ".md", "a.txt", "a.md", "a.TXT", ".a.md", "a.txt~", "a.md.txt"])


@settings(max_examples=40, deadline=None)
@given(st.sets(st.tuples(NAMES, st.sampled_from(["", ".txt", ".md", ".json"])), max_size=12))
def test_the_scan_lists_what_the_loader_loads(tmp_path_factory, names) -> None:
    """_listed and _all_articles (names counted in bytes) take the files
    loader.article_paths takes, for any UTF-8 names."""
    folder = tmp_path_factory.mktemp("articles")
    for stem, suffix in names:
        name = stem + suffix
        if name in (".", ".."):
            continue
        (folder / name).write_bytes(b"x")
    scanned = set(scan_module._scan_now(folder).files)
    assert scanned == {path.name for path in article_paths(folder)}


def _summary(data: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *options, "summary"])
    return result.exit_code, result.stderr


def _meta(data: Path, key: str) -> str | None:
    with sqlite3.connect(default_path(data)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def test_a_new_size_limit_is_applied_to_the_stored_files(data_dir: Path) -> None:
    """Index._update: the files over the smaller of the stored and the new limit are
    analysed again (before, an index answered with the limit it was built with)."""
    _old(data_dir / "articles")
    assert _summary(data_dir) == (0, "")
    largest = max((data_dir / "articles").iterdir(), key=lambda path: path.stat().st_size)
    limit = f"{(largest.stat().st_size - 1) / 1_000_000}"
    code, errors = _summary(data_dir, "--max-article-size", limit)
    assert code == 1 and largest.name in errors and "over the" in errors
    assert _meta(data_dir, "no_errors") == "0"
    assert _summary(data_dir) == (0, "") and _meta(data_dir, "no_errors") == "1"


def test_an_index_without_the_key_reads_the_errors_until_an_update_writes_it(
    data_dir: Path, no_racy: None
) -> None:
    """Questions.errors reads `files` when `no_errors` is missing (an earlier caconnect's
    index); the next update, even one that analyses nothing, writes the key."""
    articles = data_dir / "articles"
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")
    _old(articles)
    code, errors = _summary(data_dir)
    assert code == 1 and "broken.md" in errors
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("DELETE FROM meta WHERE key = 'no_errors'")
    assert _summary(data_dir) == (code, errors)  # nothing changed: no update
    assert _meta(data_dir, "no_errors") is None
    then = time.time() - 1800  # a new stat, the same text: an update that analyses nothing
    os.utime(articles / "broken.md", (then, then))
    assert _summary(data_dir) == (code, errors)
    assert _meta(data_dir, "no_errors") == "0"


def test_an_update_that_fails_half_way_leaves_no_stale_answer(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files and `no_errors` are written in one transaction: a failure after the
    files were analysed leaves neither, and the next command finds the error."""
    articles = data_dir / "articles"
    _old(articles)
    assert _summary(data_dir) == (0, "")
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")

    def fail(self: Index) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(Index, "_no_errors", fail)
    assert _summary(data_dir)[0] != 0
    assert _meta(data_dir, "no_errors") == "1"
    monkeypatch.undo()
    code, errors = _summary(data_dir)
    assert code == 1 and "broken.md" in errors and _meta(data_dir, "no_errors") == "0"


def test_an_index_written_by_another_build_is_built_again_with_the_key(data_dir: Path) -> None:
    """Another caconnect (another build key) that stored an error without the key: this
    one rebuilds the index and writes the key from what it finds."""
    articles = data_dir / "articles"
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")
    code, errors = _summary(data_dir)
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("UPDATE meta SET value = 'another' WHERE key = 'build'")
        db.execute("DELETE FROM meta WHERE key = 'code_stamp'")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'no_errors'")  # stale
    assert _summary(data_dir) == (code, errors) and _meta(data_dir, "no_errors") == "0"


@pytest.mark.parametrize("stored", ['{"a": 1, "b": [2], "c": {"d": 3}}', '{ "a":1 , "c" : 2 }'])
def test_the_stored_dictionary_reads_a_later_field_first(stored: str) -> None:
    """_StoredDictionary decodes up to the field asked for, whichever it is."""
    import json
    from types import SimpleNamespace

    whole = json.loads(stored, object_hook=lambda fields: SimpleNamespace(**fields))
    dictionary = _StoredDictionary(stored)
    assert dictionary.c == whole.c
    assert dictionary.a == whole.a
    with pytest.raises(AttributeError):
        dictionary.z  # noqa: B018


def test_a_folder_whose_name_is_not_utf8_is_scanned(tmp_path: Path) -> None:
    """_listed and _followed take the folder's name as bytes or as the loader does."""
    data = os.path.join(os.fsencode(tmp_path), b"d\xff")
    folder = os.path.join(data, b"articles")
    os.makedirs(folder)
    for name in (b"a.txt", b"b.md"):
        with open(os.path.join(folder, name), "wb") as file:
            file.write(b"x")
    with open(os.path.join(data, b"elsewhere.txt"), "wb") as file:
        file.write(b"inside")
    os.symlink(os.path.join(data, b"elsewhere.txt"), os.path.join(folder, b"linked.txt"))
    scanned = scan_module._scan_now(Path(os.fsdecode(folder)))
    assert set(scanned.files) == {"a.txt", "b.md", "linked.txt"}
    assert scanned.files == scan_module._scan_now(Path(os.fsdecode(folder))).files


@pytest.mark.parametrize("stored", ["", "[]", '{"a": 1', "{,}"])
def test_a_damaged_stored_dictionary_fails_as_a_value_error(stored: str) -> None:
    """What the store's own dictionary text can be if the index is damaged: a ValueError
    (JSON's, or ours), as json.loads gave, never an IndexError."""
    with pytest.raises((ValueError, AttributeError)):
        _StoredDictionary(stored).countries  # noqa: B018


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The office moved to October Street in 2019.", PartialDate(year=2019)),
        ("The shop was moved to May Day Square last year.", PartialDate(year=2024)),
    ],
)
def test_a_place_named_for_a_month_after_a_move_is_no_time(sentence: str, expected) -> None:
    """_YEARLESS_MONTH after a move's `to` (as _MOVED_TO_TIME): `October Street` is a place;
    the sentence's own date stands (before: October and May of a coming year, targets)."""
    found = resolve_event_date(sentence, JUNE_3)
    assert found is not None and not found.planned and found.date == expected


def test_a_month_moved_to_before_a_full_stop_is_still_a_time() -> None:
    found = resolve_event_date("The launch was moved to May. The firm said so.", JUNE_3)
    assert found is not None and found.planned and found.date == PartialDate(year=2026, month=5)


@pytest.mark.parametrize(
    "text", ["So far 12 masts have been installed.", "The minister visited the gateway."]
)
def test_an_undated_article_of_one_event_makes_a_deal(text: str) -> None:
    """WORK_SO_FAR dated by its article, and a visit read as talks, when the article has
    no date and its event none either."""
    deal = deal_of(told(1, "deployment", None, text), date=None)
    assert [stage for stage, _ in dated_stages(deal)]


def test_articles_with_no_events_link_to_no_deal() -> None:
    assert link([]) == []
    assert link([article("e1", "2024-01-10", [])]) == []


def test_the_errors_follow_a_renamed_or_fixed_file(data_dir: Path, no_racy: None) -> None:
    """no_errors after a file with an error is renamed, then fixed in place, and after the
    second file of a repeated id is renamed to an id of its own."""
    articles = data_dir / "articles"
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")
    assert "broken.md" in _summary(data_dir)[1]
    (articles / "broken.md").rename(articles / "renamed.md")
    code, errors = _summary(data_dir)
    assert code == 1 and "renamed.md" in errors and "broken.md" not in errors
    (articles / "renamed.md").write_text("---\ntitle: Fixed\n---\nA body.\n", encoding="utf-8")
    assert _summary(data_dir) == (0, "") and _meta(data_dir, "no_errors") == "1"
    first = sorted(articles.glob("*.txt"))[0]
    twin = first.with_suffix(".md")  # the id is the file's stem
    twin.write_bytes(first.read_bytes())
    code, errors = _summary(data_dir)
    assert code == 1 and "same article id" in errors and _meta(data_dir, "no_errors") == "0"
    twin.rename(articles / "another-id.md")
    assert _summary(data_dir) == (0, "") and _meta(data_dir, "no_errors") == "1"
