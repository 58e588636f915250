"""Session 17's cold-ingest speed-ups: each answers exactly what the work it replaced did."""

from __future__ import annotations

import pytest

from ca_connect.deals import facts
from ca_connect.deals.facts import (
    UnreadSentences,
    asides_told_apart,
    changes_told_apart,
    delays_told_apart,
)
from ca_connect.deals.steps import DESPITE, WORK_DELAYED
from ca_connect.models import TaggedArticle
from ca_connect.output import csv_line
from ca_connect.store.ingest import _joined
from ca_connect.store.schema import ARTICLE_LINES, EVENT_LINES
from tests.test_deals_history import event


def _delays_searching_the_body_first(article: TaggedArticle) -> tuple[tuple[int, str], ...]:
    """delays_told_apart as it was: the whole body searched, then each unread sentence."""
    body = article.body
    if not facts._may_tell_a_delay(body.lower()) or not WORK_DELAYED.search(body):
        return ()
    return facts._told_apart(
        article,
        lambda text, _start, _end: bool(WORK_DELAYED.search(text)) and not DESPITE.search(text),
    )


def _article(body: str, *events) -> TaggedArticle:
    placed = [
        e.model_copy(update={"start": body.index(e.text), "end": body.index(e.text) + len(e.text)})
        for e in events
    ]
    return TaggedArticle(id="a1", path="a1.txt", body=body, events=placed)


SIGNED = event(1, "agreement", "2024-02", "The operator signed the tower contract in March.")


@pytest.mark.parametrize(
    "body",
    [
        # a delay word elsewhere lets the body through; the stall itself has two spaces,
        # a no-break space, a line break
        "The operator signed the tower contract in March. Towers were held  up at the border. "
        "Nobody expected a delay.",
        "The operator signed the tower contract in March. The rollout was held\u00a0up by "
        "rain. Talks on a delay went on.",
        "The operator signed the tower contract in March. Work on the mast\nwas halted.",
        # letters a case-insensitive search reads as Latin ones (`ı` for `i`)
        "The operator signed the tower contract in March. The hub mıssed its deadline. "
        "A delay, they said.",
        "The operator signed the tower contract in March. Despite delays the towers stand.",
        "The operator signed the tower contract in March. The towers went up on time.",
        "The operator signed the tower contract in March. Работы  на участке приостановлены "
        "до осени.",
    ],
)
def test_delays_are_those_the_whole_body_search_found(body):
    """A sentence's match is one in the body: searching each sentence alone (after a
    test for the pattern's words, spaces and other cases allowed for) finds the same."""
    article = _article(body, SIGNED)
    assert delays_told_apart(article) == _delays_searching_the_body_first(article)


def test_the_unread_sentences_are_read_once_for_all_three():
    body = (
        "The operator signed the tower contract in March. Kcell said it had chosen Nokia in "
        "place of Ericsson. Installation of the masts was delayed by snow. The towers "
        "should carry traffic by 2027."
    )
    article = _article(body, SIGNED)
    unread = UnreadSentences(article)
    assert delays_told_apart(article, unread) == delays_told_apart(article)
    assert changes_told_apart(article, unread) == changes_told_apart(article)
    assert asides_told_apart(article, unread) == asides_told_apart(article)
    assert next(text for _, _, text in unread()).startswith("Kcell said")


@pytest.mark.parametrize(
    "row",
    [
        ["2024-03", "a1", "Towers, masts", 'the "hub"', None, ["KZ", "UZ"]],
        [""],
        ["", ""],
        [None],
        ["line\nbreak", "carriage\rreturn"],
    ],
)
def test_a_line_joined_from_its_cells_is_the_csv_line(row):
    cells = [csv_line((value, None))[:-2] for value in row]
    assert _joined(cells) == csv_line(row)


def test_a_stored_line_is_composed_as_before():
    values = {
        "date": "2024-03-01",
        "id": "a1",
        "title_csv": '"Towers, masts"',
        "timeline_part": "KZ,,fiber",
        "list_part": "",
        "sort_date": None,
        "article_id": "a1",
        "number": 2,
    }
    for line in (*ARTICLE_LINES, *EVENT_LINES):
        expected = line.line.format(**{k: "" if v is None else v for k, v in values.items()})
        assert line.compose(values) == expected
