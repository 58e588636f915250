"""lean16: what `python -m ca_connect` loads before it forks the folder's scan, and the
scan's listing and digest made faster, finding what they found before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ca_connect import loader
from ca_connect.store import scan as scan_module

ROOT = Path(__file__).resolve().parent.parent


def test_the_scan_forks_before_its_heavier_imports() -> None:
    """store/scan.py is what the program imports before it forks the scan (__main__.py):
    hashlib, json, threading, sqlite3 (schema.py), dataclasses and the loader are imported
    where they are used, ~16 ms later than the fork at every command."""
    probe = (
        "import sys\n"
        "import ca_connect.__main__, ca_connect.store.scan\n"
        "heavy = ('hashlib', 'json', 'threading', 'sqlite3', 'dataclasses', 'inspect', "
        "'ca_connect.loader', 'ca_connect.store.schema', 'ca_connect.packing')\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, check=True
    ).stdout.strip()
    assert loaded == ""


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


@pytest.mark.parametrize(
    "stored",
    [
        '{"countries":[{"code":"TM","aliases":["Туркмения"]}],"organizations":[{"id":"x"}],'
        '"languages":{"ru":{"words":["a"]}}}',
        ' { "countries" : [ ] ,\n "organizations" : [ {"id" : "x"} ] } ',
        "{}",
    ],
)
def test_the_stored_dictionary_decodes_each_field_as_the_whole_was(stored: str) -> None:
    """Index.lookup's dictionary (store/questions.py): its countries read without
    decoding the fields after them, each field as decoding the whole JSON made it."""
    import json
    from types import SimpleNamespace

    from ca_connect.store.questions import _StoredDictionary

    whole = json.loads(stored, object_hook=lambda fields: SimpleNamespace(**fields))
    dictionary = _StoredDictionary(stored)
    if "countries" in vars(whole):
        assert dictionary.countries == whole.countries
        assert list(dictionary._fields) == ["countries"]  # nothing after it decoded
    for name, value in vars(whole).items():
        assert getattr(dictionary, name) == value
    with pytest.raises(AttributeError):
        dictionary.no_such_field  # noqa: B018


def _no_errors(data: Path) -> str | None:
    import sqlite3

    from ca_connect.store import default_path

    with sqlite3.connect(default_path(data)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'no_errors'").fetchone()
    return row[0] if row else None


def test_the_errors_read_only_while_an_update_found_some(data_dir: Path) -> None:
    """NO_ERRORS (store/questions.py): a file that does not load, and a repeated id, are
    reported at every command from the update that stored them to the one that forgot
    them; an index without the key reads the errors as before, and its next update
    writes it."""
    import sqlite3

    from click.testing import CliRunner

    from ca_connect.cli import cli
    from ca_connect.store import default_path

    def summary() -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["--data", str(data_dir), "summary"])
        return result.exit_code, result.stderr

    articles = data_dir / "articles"
    assert summary() == (0, "") and _no_errors(data_dir) == "1"
    (articles / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    code, errors = summary()
    assert code == 1 and "bad.md" in errors and _no_errors(data_dir) == "0"
    assert summary() == (code, errors)  # warm: read from `files`
    (articles / "bad.md").unlink()
    assert summary() == (0, "") and _no_errors(data_dir) == "1"
    copy = articles / "000_31d352362439dc2f.md"
    copy.write_text("---\ntitle: A copy under the same id\n---\nText.\n", encoding="utf-8")
    code, errors = summary()
    assert code == 1 and "same article id" in errors and _no_errors(data_dir) == "0"
    copy.unlink()
    assert summary() == (0, "") and _no_errors(data_dir) == "1"
    (articles / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    code, errors = summary()
    with sqlite3.connect(default_path(data_dir)) as db:  # an index of an earlier caconnect
        db.execute("DELETE FROM meta WHERE key = 'no_errors'")
    assert summary() == (code, errors)
    (articles / "bad.md").unlink()
    assert summary() == (0, "") and _no_errors(data_dir) == "1"
