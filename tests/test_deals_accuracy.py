"""Deal linking on the shared development set and the blind set: the figures of README
"Deals" cannot fall. Skips cleanly when ../shared is absent (the blind set is ours)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ca_connect.deals.evaluate import DealScores, load_gold_deals, score_articles
from ca_connect.deals.named import deals_path, load_named_deals
from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.loader import load_articles

from .conftest import FIXTURES, PROJECT, SHARED


def scores(folder: Path, articles: Path, named: bool) -> DealScores:
    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    deals = load_named_deals(deals_path(PROJECT / "data"), dictionary) if named else []
    analysed = [analyse(a, dictionary) for a in load_articles(articles).articles]
    return score_articles(load_gold_deals(folder / "deals.yaml"), analysed, deals, dictionary)


@pytest.mark.slow
@pytest.mark.parametrize("named", [False, True])
def test_shared_deals(named: bool) -> None:
    if not (SHARED / "deals" / "deals.yaml").is_file():
        pytest.skip("../shared is not beside the project")
    found = scores(SHARED / "deals", SHARED / "deals" / "articles", named)
    # 54/66 (48 at the start of session 5), with data/deals.yaml and without; 55/66 with
    # the vague past (`A few years ago, …`) told apart (evrecall2); 56/66 with an event
    # dated only by a deadline long past left undated (evdates4, session 7); 57/66 with a
    # proposal beside a deal made before read as talks (stages9, session 10); 62/66 at
    # the end of session 13 (status12, deals13)
    assert found.recovered_share >= 62 / 66
    assert found.status_right >= 7
    # Session 7: a satellite operator named is satellite work (tagging), so the plan of
    # OneWeb in dv-13 (Russia-Kazakhstan launches, a distractor) is now satellite, as its
    # event gold says, and joins the OneWeb Kazakhstan deal: precision 1.0 -> 0.961, F1
    # 0.985 -> 0.966, for deals events R 0.688 -> 0.725 and P 0.709 -> 0.746.
    # Session 14 (deals14): an article telling a deal only through undated aims naming a
    # counterpart is a part of its own, so dv-13 is apart again: precision 1.0, F1 0.985.
    assert found.distractors_joined == []
    assert found.precision >= 0.99
    if named:
        assert found.f1 >= 0.98  # 0.985
    else:
        # Without data/deals.yaml recall is lower (R 0.936, F1 0.967): the Trans-Caspian
        # cable's side mention in an article about satellites stays apart.
        assert found.f1 >= 0.945


@pytest.mark.slow
def test_blind_deals() -> None:
    folder = FIXTURES / "blind-deals"
    found = scores(folder, folder, named=False)
    assert found.f1 >= 0.995  # 0.997; 1.0 in session 15 (deals15: KT's memorandum, the lead
    # story of bd-19, no longer joins the Digital Mahalla project it tells aside)
    # 44 -> 43/54 (parties5, session 8): `On the Tajik side, cable laying stopped` names
    # where the work is, no actor, and makes no stall of its own; blind8 27/50 from 25.
    # 49/54 in session 14 (deals14: a step that never began is a stall); 50/54 in
    # session 15 (recall15b: a season to come in an undated article is a plan's)
    # 51/54 in session 16 (deals16: work done so far is a deployment, bd-14)
    # 52/54 in session 17 (deals17: an agreement reached without a signing, bd-05)
    assert found.recovered_share >= 52 / 54
    assert found.status_right >= 7  # 6 -> 7 in session 15 (the same split)
    assert found.distractors_joined == []


@pytest.mark.slow
def test_blind5_deals() -> None:
    """Written in session 4 and scored on first read: F1 1.0, history 27/45, status 2/5
    (its writer counts silence up to the set's newest article; the shared gold and
    `caconnect eval` judge each deal at its own newest article)."""
    folder = FIXTURES / "blind5"
    found = scores(folder, folder / "articles", named=False)
    assert found.f1 >= 0.99  # 1.0 (a supplier named once is its home story's, rule 1)
    # 31/45 at the start of session 8; 35/45 with its host-government events joined to
    # their article's deal and aims told beside a signing (deals5); 37/45 with a lender
    # `in its place` as a partner change and a step `still not` taken as a stall (deals6)
    # 43/45 in session 14 (deals13's asides, dates14's schedules)
    # 44/45 in session 16 (recall16: switched on in test mode is work under way)
    # 45/45 in session 17 (deals17: capacity already booked is an agreement, b5-22)
    assert found.recovered_share >= 45 / 45
    assert found.status_right >= 4
    assert found.distractors_joined == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "f1", "recovered", "status", "joined"),
    [
        # session 8 start: F1 0.903, 32/44, 4/5, one distractor (b6-13: OneWeb at a forum)
        # session 8's tags (types5) join b6-24 to its deal (F1 0.935, 36/44), and the
        # launch misread in that article then sets the deal's status: 4/5 -> 3/5
        # session 9 (deals6): a partner replaced in a sentence no event reads, an aim
        # given up as a stall (38/44), and `Separately, ...` no step of the deal (4/5);
        # with main's first session-9 merge 39/44, a partner change told abroad 40/44, a
        # stall opening on the time since a step dated as the article's news 41/44, 5/5
        # session 14 (deals14): b6-13, aims only, apart: F1 1.0, no distractor
        ("blind6", 0.99, 44 / 44, 5, 0),
        # session 8 start: F1 0.913, 34/47, 2/5, one distractor (b7-23: a forum)
        # session 9 (deals6): the one deal of a host and type that had ended takes no
        # later host news (b7-23): F1 1.0, 5/5, no distractor
        ("blind7", 0.99, 43 / 47, 5, 0),
        # session 8 start: F1 0.897, 25/50, 2/5; never tuned on before session 8
        # session 14 (deals14): a lender's loan told with no Central Asian party: 47/50
        ("blind8", 0.99, 47 / 50, 5, 0),
        # written in session 8, never read: first read F1 0.83, 33/51, 3/5, one
        # distractor. Session 8's stall rule reads a missed target and a suspension as
        # `stalled` (as the shared header's stages do), where its writer keeps the stage
        # reached and counts a suspension `cancelled`: status 2/5 since (one more right)
        # Session 9 (deals6), its first tuning: F1 0.949, 38/51, 3/5, no distractor (a
        # contract the other articles recall keeps its article in the deal; a context
        # event joins the counterpart its title names; an untyped article of a typed
        # deal's partners is another deal; a partner country's step; a recalled delay)
        # Session 15 (deals15): a title-named counterpart's article counts in rule 3's
        # share (Microsoft's talks no longer join the AIIB campus), and a delay naming its
        # new date is a plan: F1 0.969, 47/51
        # recall15b: 48/51 (the Russian completion of a deal launches it)
        # session 16 (deals16): a visit read as work is talks (Microsoft shown the
        # campus is no builder of it), work done so far a deployment: 49/51, 4/5
        ("blind9", 0.968, 49 / 51, 4, 0),
        # written in session 9, never read: first read (main 9e3f507) F1 0.969, 51/77,
        # 3/6, no distractor; session 9's rules, found on the other sets, moved none of it
        # session 13 (deals13's asides) 54/77; session 14 56/77 (deals14, dates14)
        # session 15 (recall15b's rules, found on the other sets): 58/77, 4/6
        ("blind10", 0.968, 58 / 77, 4, 0),
    ],
)
def test_two_language_blind_deals(
    name: str, f1: float, recovered: float, status: int, joined: int
) -> None:
    """The English and Russian blind sets (docs/accuracy.md "Sets written this round"): a stall
    after the progress reached, a host body's event and a lender's article joined to the
    deal the body runs."""
    folder = FIXTURES / name
    found = scores(folder, folder / "articles", named=False)
    assert found.f1 >= f1
    assert found.recovered_share >= recovered
    assert found.status_right >= status
    assert len(found.distractors_joined) <= joined
