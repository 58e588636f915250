"""The loader: both file forms, every bad input reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ca_connect.errors import ArticleError
from ca_connect.loader import load_article, load_articles, split_headline
from ca_connect.models import PartialDate

from .conftest import SEEDS


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_seeds_load_with_their_dates() -> None:
    result = load_articles(SEEDS)
    assert result.errors == []
    dates = {a.id[:3]: (a.date and a.date.isoformat(), a.date_source) for a in result.articles}
    assert dates == {
        "000": ("2025-03-03", "header"),
        "001": ("2025-11-24", "header"),
        "002": (None, None),
        "003": (None, None),
        "004": ("2026-02-12", "dateline"),
    }


def test_plain_text_headline_becomes_title(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Pakistan Advances Digital Cooperation\n\nThe body follows.\n")
    article = load_article(path)
    assert article.id == "a"
    assert article.title == "Pakistan Advances Digital Cooperation"
    assert article.body == "\nThe body follows.\n"


def test_plain_text_sentence_is_not_a_title(tmp_path: Path) -> None:
    text = " date 2025-03-03 Turkmenistan is set to expand its cooperation.\nMore.\n"
    article = load_article(write(tmp_path, "b.txt", text))
    assert article.title is None
    assert article.body == text


def test_markdown_front_matter(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Fibre line opens\ndate: 2024-04\nsource: example.org\n"
        "url: https://example.org/x\nlanguage: en\n---\nBody text here.\n"
    )
    article = load_article(write(tmp_path, "c.md", text))
    assert article.title == "Fibre line opens"
    assert article.date == PartialDate(year=2024, month=4)
    assert article.date_precision == "month"
    assert article.date_source == "front-matter"
    assert (article.source, article.url, article.language) == (
        "example.org",
        "https://example.org/x",
        "en",
    )
    assert article.body == "Body text here.\n"


def test_markdown_date_from_url_when_no_date(tmp_path: Path) -> None:
    text = "---\nurl: https://example.org/2023/05/story/\n---\nA story.\n"
    article = load_article(write(tmp_path, "d.md", text))
    assert article.date == PartialDate(year=2023, month=5)
    assert article.date_source == "url"


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("empty.txt", "", "empty file", None),
        ("blank.md", "  \n\n", "empty file", None),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file", None),
        ("latin.txt", "Caf\xe9 line one\nline two".encode("latin-1"), "not UTF-8", 1),
        ("unknown.md", "---\ntitle: X\nauthor: Y\n---\nBody\n", "unknown key 'author'", 3),
        ("broken.md", "---\ntitle: [unclosed\n---\nBody\n", "front matter", 2),
        ("open.md", "---\ntitle: X\nBody without end\n", "never closed", 1),
        ("list.md", "---\n- a\n- b\n---\nBody\n", "key: value", 2),
        ("nobody.md", "---\ntitle: X\n---\n\n", "no article text", 4),
        ("baddate.md", "---\ndate: someday\n---\nBody\n", "date", 2),
    ],
)
def test_bad_files_name_file_line_and_reason(
    tmp_path: Path, name: str, content: str | bytes, message: str, line: int | None
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    error = caught.value
    assert message in str(error)
    assert str(error).startswith(str(path))
    assert error.line == line


def test_one_bad_article_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", "Fiber line opens\nBody text.\n")
    write(tmp_path, "bad.md", "---\nwho: me\n---\nBody\n")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "notes.docx", "ignored: not an article form")
    write(tmp_path, ".hidden.txt", "ignored: hidden")
    result = load_articles(tmp_path)
    assert [a.id for a in result.articles] == ["good"]
    assert sorted(Path(e.path).name for e in result.errors) == ["bad.md", "empty.txt"]


def test_same_id_in_two_forms_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "x.md", "---\ntitle: X\n---\nBody\n")
    write(tmp_path, "x.txt", "Body text\n")
    result = load_articles(tmp_path)
    assert result.articles == []  # neither: a maintainer must choose
    assert [str(e) for e in result.errors] == [
        f"{tmp_path / 'x.md'}: same article id as x.txt: neither is loaded; rename one of them",
        f"{tmp_path / 'x.txt'}: same article id as x.md: neither is loaded; rename one of them",
    ]


def test_missing_folder_loads_nothing(tmp_path: Path) -> None:
    assert load_articles(tmp_path / "nope").articles == []


def test_bom_and_crlf(tmp_path: Path) -> None:
    text = "\ufeff---\r\ntitle: T\r\n---\r\nBody line\r\n"
    article = load_article(write(tmp_path, "w.md", text.encode("utf-8")))
    assert article.title == "T"
    assert article.body == "Body line\r\n"


def test_split_headline_keeps_text_without_newline() -> None:
    assert split_headline("Only one line") == (None, "Only one line")
