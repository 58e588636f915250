"""The folder's scan (store/scan.py): its listing and digest, on one core or two, and file names of
any bytes."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect import loader
from ca_connect.cli import cli
from ca_connect.loader import article_paths
from ca_connect.models import Article
from ca_connect.store import default_path
from ca_connect.store import scan as scan_module

from .conftest import write_data

ODD_NAME = "a, b\nc.txt"  # a comma and a new line: a name holds any character but / and NUL


def stored_lines(data: Path) -> set[str]:
    db = sqlite3.connect(default_path(data))
    try:
        (joined,) = db.execute(
            f"SELECT group_concat({scan_module.FILE_LINE_SQL}, char(0)) FROM files"
        ).fetchone()
    finally:
        db.close()
    return set(joined.split("\0"))


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


def _folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    folder = data / "articles"
    folder.mkdir(parents=True)
    for number in range(40):
        (folder / f"{number:03}.txt").write_text(f"article {number}", encoding="utf-8")
    (folder / "folder.txt").mkdir()  # no file: left out
    (data / "elsewhere.txt").write_text("inside the data folder", encoding="utf-8")
    (folder / "linked.txt").symlink_to(data / "elsewhere.txt")  # followed
    (folder / "broken.txt").symlink_to(data / "nothing.txt")  # left out
    (tmp_path / "outside.txt").write_text("outside", encoding="utf-8")
    (folder / "out.txt").symlink_to(tmp_path / "outside.txt")  # left out
    return folder


def test_the_scan_and_the_loader_take_the_same_files() -> None:
    assert scan_module.ARTICLE_SUFFIXES == loader.ARTICLE_SUFFIXES
    # Counted over the joined names (`_all_articles`): no suffix may end another.
    for suffix in scan_module.ARTICLE_SUFFIXES:
        others = [other for other in scan_module.ARTICLE_SUFFIXES if other != suffix]
        assert not any(suffix.endswith(other) for other in others)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], True),
        (["a.txt", "b.md"], True),
        (["a.txt", ".b.txt"], False),
        ([".a.txt", "b.txt"], False),
        (["a.txt", "b.json"], False),
        (["a.txt.bak", "b.md"], False),
        (["a.md.txt", "txt"], False),
        (["a.txt", "b.txt.md"], True),
    ],
)
def test_every_name_an_articles_is_counted_as_each_name_is_tested(
    names: list[str], expected: bool
) -> None:
    one_by_one = all(name.endswith((".txt", ".md")) and name[:1] != "." for name in names)
    assert one_by_one == expected
    assert scan_module._all_articles("\0".join(names).encode(), len(names)) == expected


def test_the_listing_keeps_article_names_in_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.md", "été.txt", ".hidden.txt", "notes.json", "c.txt.bak"):
        (folder / name).write_text("x", encoding="utf-8")
    if sys.platform.startswith("linux"):  # a name that is bytes, not UTF-8 text
        with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as file:
            file.write(b"x")
    listed, names = scan_module._listed(folder)
    assert sorted(listed) == [b"a.txt", b"b.md", "été.txt".encode()]
    assert names == b"\0".join(listed)
    (folder / ".hidden.txt").unlink()
    (folder / "notes.json").unlink()
    (folder / "c.txt.bak").unlink()
    listed, _ = scan_module._listed(folder)  # every UTF-8 name an article's
    assert sorted(listed) == [b"a.txt", b"b.md", "été.txt".encode()]


def test_the_scan_on_two_cores_is_the_scan_on_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its digest made while the second part is stat'ed is the digest of the whole."""
    folder = _folder(tmp_path)
    monkeypatch.setattr(scan_module, "cores", lambda: 1)
    alone = scan_module._scan_now(folder)
    monkeypatch.setattr(scan_module, "cores", lambda: 2)
    monkeypatch.setattr(scan_module, "PARALLEL_STAT_FROM", 1)
    both = scan_module._scan_now(folder)
    assert both.signature == alone.signature
    assert both.files == alone.files
    assert set(alone.files) == {f"{number:03}.txt" for number in range(40)} | {"linked.txt"}
    assert alone.files["linked.txt"][1] == len("inside the data folder")
    names = "\0".join(alone.files).encode()
    stats = scan_module.array("q", [n for stat in alone.files.values() for n in stat])
    assert alone.signature == scan_module._digest(names, stats).hex()


def test_a_file_whose_name_is_not_utf8_is_left_out_not_an_error(tmp_path: Path) -> None:
    """A name of bytes that are no UTF-8 (`bad\\xff.txt`): the store keeps names as text,
    so the scan leaves it out, as a link it does not follow; the other files are read."""
    entities = (Path(__file__).parent / "fixtures" / "entities.yaml").read_text()
    data = write_data(tmp_path / "data", entities, {"one.txt": "One\n\nKcell in Kazakhstan.\n"})
    try:
        bad = os.open(os.path.join(os.fsencode(data / "articles"), b"bad\xff.txt"), os.O_CREAT)
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    os.close(bad)
    assert list(scan_module.scan(data / "articles").files) == ["one.txt"]
    for store in ([], ["--no-index"]):
        answer = CliRunner().invoke(
            cli, ["--data", str(data), *store, "articles", "--format", "csv"]
        )
        assert answer.exit_code == 0, answer.output
        assert "one.txt" in answer.stdout and "bad" not in answer.stdout


NAMES = st.text(alphabet="ab.é_-~ \n", min_size=1, max_size=8).map(
    lambda stem: stem.replace("/", "")
) | st.sampled_from([".txt", ".md", "a.txt", "a.md", "a.TXT", ".a.md", "a.txt~", "a.md.txt"])


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
