"""`caconnect add`: normalised, safely named, atomic, never a duplicate."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.errors import AddError, UsageError
from ca_connect.loader import load_article, load_articles, parse_article
from ca_connect.maintain import add as add_module
from ca_connect.maintain.add import NAME_LIMIT, Adder, draft, slugify, write_new

from .conftest import SEEDS

STORY = (
    "Kyrgyzstan and Uzbekistan agree on a new fibre link\n"
    "BISHKEK, 12 May 2025. The two governments agreed to build a fibre-optic line along the "
    "road from Osh to Andijan, with Huawei supplying the equipment and the Asian Development "
    "Bank lending part of the cost.\n"
    "The Ministry of Digital Development said construction would start this summer.\n"
)


def run(data: Path, *args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), "add", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def names(folder: Path) -> list[str]:
    """Every entry of a folder, hidden ones included."""
    return sorted(os.listdir(folder))


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


# --- Duplicates --------------------------------------------------------------------


def test_adding_a_seed_again_is_refused(small_data_dir: Path) -> None:
    before = names(small_data_dir / "articles")
    code, out, err = run(small_data_dir, str(SEEDS / "004_c790570d8809d829.txt"))
    assert (code, out) == (1, "")
    assert err == (
        f"Error: {SEEDS / '004_c790570d8809d829.txt'}: the same text as 004_c790570d8809d829; "
        "not added (--force adds it anyway)\n"
    )
    assert names(small_data_dir / "articles") == before


def test_a_lightly_edited_copy_is_a_near_duplicate(small_data_dir: Path, tmp_path: Path) -> None:
    seed = (SEEDS / "004_c790570d8809d829.txt").read_text(encoding="utf-8")
    copy = (
        "Turkmenistan in talks with Starlink\nBy our correspondent\n"
        + seed.replace("discussions", "talks").replace("Trend", "AKIpress")
        + "\nFollow us on Telegram.\n"
    )
    path = write(tmp_path / "syndicated.txt", copy)
    code, _, err = run(small_data_dir, str(path))
    assert code == 1
    assert re.fullmatch(
        r"Error: .*syndicated.txt: a near-duplicate of 004_c790570d8809d829 \(\d\d% of 5-word "
        r"phrases shared\); not added \(--force adds it anyway\)\n",
        err,
    )
    code, out, _ = run(small_data_dir, str(path), "--force")
    assert code == 0
    assert "near-duplicate of 004_c790570d8809d829" in out and "added anyway (--force)" in out


def test_two_copies_in_one_command_add_one(small_data_dir: Path, tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", STORY)
    second = write(tmp_path / "b.txt", STORY.replace("this summer", "in the summer"))
    code, out, err = run(small_data_dir, str(first), str(second))
    assert code == 1
    assert out.startswith("Added ") and out.count("Added ") == 1
    assert "b.txt: a near-duplicate of 2025-05-12-kyrgyzstan-and-uzbekistan" in err


# --- What is written ---------------------------------------------------------------


def test_add_writes_front_matter_and_the_body_byte_for_byte(
    small_data_dir: Path, tmp_path: Path
) -> None:
    body = "Tajikistan’s 5G test in Dushanbe\r\nends — «well».\r\n\r\nSecond paragraph.\n"
    source = write(
        tmp_path / "in.md",
        "---\ntitle: 'Tajik 5G: a test'\nlanguage: en\n---\n" + body,
    )
    code, out, err = run(
        small_data_dir, str(source), "--url", "https://www.example.tj/2024/04/18/tajik-5g/"
    )
    assert (code, err) == (0, "")
    path = small_data_dir / "articles" / "2024-04-18-tajik-5g-a-test.md"
    assert path.read_bytes() == (
        b"---\ntitle: 'Tajik 5G: a test'\ndate: '2024-04-18'\nsource: example.tj\n"
        b"url: https://www.example.tj/2024/04/18/tajik-5g/\nlanguage: en\n---\n"
        + body.encode("utf-8")
    )
    assert out.splitlines()[:3] == [
        f"Added {path} (id 2024-04-18-tajik-5g-a-test)",
        "  title:   Tajik 5G: a test",
        "  date:    2024-04-18 (from url)",
    ]
    assert "    initiative 5g: title[6:8] '5G'; body[13:15] '5G'" in out
    assert (
        "    country TJ: title[0:5] 'Tajik'; body[0:10] 'Tajikistan'; body[24:32] 'Dushanbe'" in out
    )


def test_a_plain_text_file_loads_as_it_did_before(small_data_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "story.txt", STORY)
    code, out, _ = run(small_data_dir, str(source), "--source", "AKIpress")
    assert code == 0
    path = (
        small_data_dir
        / "articles"
        / "2025-05-12-kyrgyzstan-and-uzbekistan-agree-on-a-new-fibre-link.md"
    )
    assert out.splitlines()[2] == "  date:    2025-05-12 (from dateline)"
    original, added = load_article(source), load_article(path)
    assert (added.title, added.body, added.date) == (original.title, original.body, original.date)
    assert (added.source, added.date_source) == ("AKIpress", "front-matter")


def test_a_month_date_keeps_its_precision(small_data_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "story.txt", "A fibre line opens in Osh\nIt is 40 km long.\n")
    code, out, _ = run(small_data_dir, str(source), "--date", "April 2024")
    assert code == 0
    path = small_data_dir / "articles" / "2024-04-a-fibre-line-opens-in-osh.md"
    assert "date: 2024-04\n" in path.read_text(encoding="utf-8")
    assert load_article(path).date_precision == "month"
    assert "  date:    2024-04 (from --date)" in out


def test_unknown_names_are_listed_for_the_dictionary(small_data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(small_data_dir, str(write(tmp_path / "s.txt", STORY)))
    assert code == 0
    listed = out.split("names not in the dictionary (add to entities.yaml, or to ignore.names):\n")
    assert listed[1].splitlines() == [
        "    Asian Development Bank (1)",
        "    Ministry of Digital Development (1)",
    ]


def test_standard_input(small_data_dir: Path) -> None:
    code, out, err = run(small_data_dir, "-", "--date", "2025-03-03", stdin=STORY)
    assert (code, err) == (0, "")
    assert "  date:    2025-03-03 (from --date)" in out
    path = (
        small_data_dir
        / "articles"
        / "2025-03-03-kyrgyzstan-and-uzbekistan-agree-on-a-new-fibre-link.md"
    )
    assert load_article(path).title == "Kyrgyzstan and Uzbekistan agree on a new fibre link"


def test_standard_input_with_front_matter(small_data_dir: Path) -> None:
    text = "---\ntitle: From a pipe\nsource: nCa\n---\nTurkmenistan launches 5G in Ashgabat.\n"
    code, _, _ = run(small_data_dir, "-", stdin=text)
    assert code == 0
    article = load_article(small_data_dir / "articles" / "undated-from-a-pipe.md")
    assert (article.title, article.source, article.body) == (
        "From a pipe",
        "nCa",
        "Turkmenistan launches 5G in Ashgabat.\n",
    )


# --- Dates -------------------------------------------------------------------------


def test_no_date_says_so_and_adds_the_article_undated(small_data_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "s.txt", "Kazakhstan tests 5G in Astana\nOperators ran tests.\n")
    code, out, _ = run(small_data_dir, str(source))
    assert code == 0
    assert "  date:    none found; added as undated (give it with --date YYYY-MM-DD)" in out
    assert (small_data_dir / "articles" / "undated-kazakhstan-tests-5g-in-astana.md").is_file()


def test_require_date_refuses_an_undated_article(small_data_dir: Path, tmp_path: Path) -> None:
    before = names(small_data_dir / "articles")
    source = write(tmp_path / "s.txt", "Kazakhstan tests 5G in Astana\nOperators ran tests.\n")
    code, out, err = run(small_data_dir, str(source), "--require-date")
    assert (code, out) == (1, "")
    assert err == (f"Error: {source}: no publication date found; not added (give it with --date)\n")
    assert names(small_data_dir / "articles") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "soon"], "Error: --date 'soon': not a valid date"),
        (["--title", "  "], "Error: --title is empty"),
        (["--url", "https://x.org/a", "SECOND"], "Error: --title, --date and --url describe one"),
        (["-", "-"], "Error: standard input (-) can be read once"),
    ],
)
def test_usage_errors_exit_2(
    small_data_dir: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    source = write(tmp_path / "s.txt", STORY)
    args = [str(source) if arg == "SECOND" else arg for arg in args]
    code, _, err = run(small_data_dir, str(source), *args)
    assert code == 2
    assert err.startswith(message)


def test_unusable_input_is_a_data_error(small_data_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "s.txt", b"caf\xe9 au lait\n")
    code, _, err = run(small_data_dir, str(source))
    assert code == 1
    assert err == f"Error: {source}:1: not UTF-8 text (byte 0xe9); save it as UTF-8\n"


# --- Names -------------------------------------------------------------------------

HOSTILE_TITLES = [
    "../../etc/passwd",
    "..",
    ".hidden",
    "/absolute/path",
    "C:\\Windows\\system32",
    "x' \n---\ndate: 1999-01-01\nurl: http://evil\n---",
    "!!python/object/apply:os.system ['echo pwned']",
    "null",
    "🛰️🛰️🛰️",
    "A" * 500,
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_stays_inside_the_articles_folder(
    small_data_dir: Path, tmp_path: Path, title: str
) -> None:
    articles = small_data_dir / "articles"
    before = set(names(articles))
    source = write(tmp_path / "s.txt", "Uzbekistan opens a data centre.\n")
    code, _, _ = run(small_data_dir, str(source), "--title", title)
    assert code == 0
    (new,) = set(names(articles)) - before
    assert re.fullmatch(r"undated-[a-z0-9]+(-[a-z0-9]+)*\.md", new)
    assert len(new) <= NAME_LIMIT
    assert (articles / new).resolve().parent == articles.resolve()
    assert sorted(
        p.name for p in tmp_path.rglob("*") if p.is_file() and "small" not in p.parts
    ) == ["s.txt"]
    text = (articles / new).read_text(encoding="utf-8")
    assert set(yaml.safe_load(text.split("---\n")[1])) == {"title"}
    assert load_article(articles / new).title == " ".join(title.split())


def test_a_cyrillic_title_gives_a_readable_ascii_name(small_data_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "s.txt", "Ташкент, 3 марта 2025 года.\n")
    title = "Узбекистан и Казахстан построят оптоволоконную линию"
    code, _, _ = run(small_data_dir, str(source), "--title", title, "--date", "2025-03-03")
    assert code == 0
    name = "2025-03-03-uzbekistan-i-kazakhstan-postroyat-optovolokonnuyu-liniyu.md"
    assert load_article(small_data_dir / "articles" / name).title == title


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "Қазақстан: Ұлттық ақпараттық технологиялар",
            "qazaqstan-ulttyq-aqparattyq-tekhnologiyalar",
        ),
        ("Тоҷикистон ва Ҳиндустон", "tojikiston-va-hinduston"),
        ("Türkmenistanyň Döwlet habarlaşyk gullugy", "turkmenistanyn-dowlet-habarlasyk-gullugy"),
        ("Объём связи", "obyom-svyazi"),
        ("5G & IoT — in Bishkek!", "5g-iot-in-bishkek"),
        ("中国 华为", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_long_titles_are_cut_at_a_word() -> None:
    slug = slugify("fibre " * 40, 30)
    assert slug == "fibre-fibre-fibre-fibre-fibre"


def test_an_untitled_article_is_named_by_its_first_words() -> None:
    new = draft(b" date 2025-03-03 Turkmenistan is set to expand its cooperation.\n", "x")
    assert new.stem == "2025-03-03-turkmenistan-is-set-to-expand-its-cooperation"


def test_a_taken_name_gets_a_number_and_ids_stay_unique(tmp_path: Path) -> None:
    (tmp_path / "undated-story.txt").write_text("An older article.\n")
    (tmp_path / "undated-story-2.md").write_text("Another one.\n")
    assert write_new(tmp_path, "undated-story", b"new\n").name == "undated-story-3.md"
    assert write_new(tmp_path, "undated-story", b"newer\n").name == "undated-story-4.md"
    assert (tmp_path / "undated-story.txt").read_text() == "An older article.\n"
    assert len(load_articles(tmp_path).errors) == 0


def test_concurrent_adds_with_the_same_title_all_land(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    count = 8
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def add(number: int) -> None:
        text = f"Same headline for all\nArticle number {number} about Uzbekistan and 5G.\n"
        new = draft(text.encode(), f"input{number}", date="2025-01-02")
        adder = Adder(folder, [])
        start.wait()
        try:
            adder.add(new)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stem = "2025-01-02-same-headline-for-all"
    assert names(folder) == sorted([f"{stem}.md"] + [f"{stem}-{n}.md" for n in range(2, count + 1)])
    bodies = {load_article(folder / name).body for name in names(folder)}
    assert bodies == {f"Article number {n} about Uzbekistan and 5G.\n" for n in range(count)}


# --- Interrupted and failed writes -------------------------------------------------


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(5, "Input/output error")])
def test_an_add_killed_halfway_leaves_the_corpus_as_it_was(
    small_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    articles = small_data_dir / "articles"
    before = {name: (articles / name).read_bytes() for name in names(articles)}
    created: list[str] = []

    def link(source: str, target: str) -> None:
        created.append(Path(source).name)  # the temporary file exists by now
        assert Path(source).read_bytes().startswith(b"---\ntitle:")
        raise failure

    monkeypatch.setattr(add_module.os, "link", link)
    result = CliRunner().invoke(
        cli, ["--data", str(small_data_dir), "add", str(write(tmp_path / "s.txt", STORY))]
    )
    assert created and created[0].startswith(".2025-05-12-kyrgyzstan")
    if isinstance(failure, KeyboardInterrupt):
        assert (result.exit_code, result.stderr) == (130, "Interrupted.\n")
    else:
        assert result.exit_code == 1
        assert result.stderr.endswith("cannot write into " + f"{articles}: Input/output error\n")
    assert {name: (articles / name).read_bytes() for name in names(articles)} == before


def test_a_failed_fsync_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fsync(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(add_module.os, "fsync", fsync)
    with pytest.raises(OSError, match="No space left"):
        write_new(tmp_path, "undated-x", b"text\n")
    assert names(tmp_path) == []


def test_a_file_that_does_not_read_back_is_removed(
    small_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = small_data_dir / "articles"
    before = names(articles)
    real = add_module.load_article
    monkeypatch.setattr(
        add_module,
        "load_article",
        lambda *args: real(*args).model_copy(update={"title": "something else"}),
    )
    new = draft(STORY.encode(), "s.txt")
    with pytest.raises(AddError, match=r"reads back differently.*removed it again"):
        Adder(articles, []).add(new)
    assert names(articles) == before


def test_dry_run_writes_nothing(small_data_dir: Path, tmp_path: Path) -> None:
    before = names(small_data_dir / "articles")
    code, out, _ = run(small_data_dir, str(write(tmp_path / "s.txt", STORY)), "--dry-run")
    assert code == 0 and out.startswith("Would add ")
    assert names(small_data_dir / "articles") == before


# --- The Python API ----------------------------------------------------------------


def test_draft_loads_as_the_article_it_will_be() -> None:
    new = draft(STORY.encode(), "story.txt", source="AKIpress")
    assert new.stem == "2025-05-12-kyrgyzstan-and-uzbekistan-agree-on-a-new-fibre-link"
    assert new.date_origin == "dateline"
    again = parse_article(new.content, Path("x.md"))
    assert (again.title, again.body, again.date) == (
        new.article.title,
        new.article.body,
        new.article.date,
    )
    with pytest.raises(UsageError):
        draft(STORY.encode(), "story.txt", date="next Tuesday")


def test_files_that_do_not_load_are_not_compared_and_said_so(
    small_data_dir: Path, tmp_path: Path
) -> None:
    (small_data_dir / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\nx\n")
    code, out, err = run(small_data_dir, str(write(tmp_path / "s.txt", STORY)))
    assert code == 0 and out.startswith("Added ")
    assert err == (
        "Warning: 1 article files do not load and are not compared (see `caconnect check`)\n"
    )
