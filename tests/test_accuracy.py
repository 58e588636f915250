"""Accuracy guards: the tagger against gold labels, with the targets of the project.

The seeds must be perfect; the development corpus (../shared, skipped when absent) and
the project's own written evaluation sets must stay at or above the targets. A
dictionary or rule change that breaks one fails the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ca_connect.dictionary import load_dictionary
from ca_connect.evaluate.events import evaluate_events, load_event_gold
from ca_connect.evaluate.tags import evaluate, load_gold
from ca_connect.events import analyse
from ca_connect.loader import load_articles
from ca_connect.tagging.tagger import tagger_for

from .conftest import FIXTURES, PROJECT, SEEDS

TARGETS = {"countries": 0.97, "organizations": 0.90, "initiatives": 0.92, "date": 0.95}


def scores(gold: Path, articles: Path) -> dict[str, float]:
    tagger = tagger_for(load_dictionary(PROJECT / "data" / "entities.yaml"))
    loaded = load_articles(articles)
    assert loaded.errors == []
    predicted = {Path(a.path).name: tagger.tag(a) for a in loaded.articles}
    result = evaluate(load_gold(gold), predicted, tagger)
    return {row["field"]: row["f1"] for row in result.rows()}


def articles_of(folder: Path) -> Path:
    """Where a written set keeps its articles: an articles/ folder, or beside the gold."""
    return folder / "articles" if (folder / "articles").is_dir() else folder


def test_seeds_are_perfect() -> None:
    assert scores(FIXTURES / "seeds-gold.yaml", SEEDS) == dict.fromkeys(TARGETS, 1.0)


@pytest.mark.slow  # every written set tagged whole
@pytest.mark.parametrize("folder", ["written", "blind2", "blind3", "blind4", "blind5"])
def test_written_sets_meet_the_targets(folder: str) -> None:
    result = scores(FIXTURES / folder / "gold.yaml", articles_of(FIXTURES / folder))
    assert {f: result[f] for f in TARGETS if result[f] < TARGETS[f]} == {}


@pytest.mark.slow  # the shared set tagged whole
def test_development_corpus_meets_the_targets(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    result = scores(corpus / "gold.yaml", corpus / "articles")
    assert {f: result[f] for f in TARGETS if result[f] < TARGETS[f]} == {}


# Issue 15's targets on the Russian development set (../shared/corpus-ru).
RUSSIAN_TARGETS = {"countries": 0.97, "organizations": 0.85, "initiatives": 0.90, "date": 0.95}


def test_russian_written_set_meets_the_targets() -> None:
    folder = FIXTURES / "blind-ru"
    result = scores(folder / "gold.yaml", folder)
    assert {f: result[f] for f in RUSSIAN_TARGETS if result[f] < RUSSIAN_TARGETS[f]} == {}


def test_russian_corpus_meets_the_targets(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus-ru"
    result = scores(corpus / "gold.yaml", corpus / "articles")
    assert {f: result[f] for f in RUSSIAN_TARGETS if result[f] < RUSSIAN_TARGETS[f]} == {}


# --- Deal events (README "Accuracy"): the figures reached, guarded from falling -------

# (recall, precision, parties right, dates right) at least, per shared set.
EVENT_FLOORS = {
    # Since the maximum matching (README "Accuracy"), no event is lost to a pair taken
    # early. A private company's event no longer takes its home country (README "Deal
    # events", as the gold header defines parties): corpus parties 0.571 -> 0.536, deals
    # 0.475 -> 0.506, corpus-ru 0.545 -> 0.523, the written sets all higher.
    # Parties (issue 9, session 4): corpus 0.559 -> 0.576, corpus-ru 0.523 -> 0.591.
    # Dates (evdates): a dateline is the story's day, `since` points back, a date in an
    # aside or a closing apposition is not the event's: corpus 0.915 -> 0.932, deals
    # 0.802 -> 0.841.
    # Event rules (evrecall, session 4: docs/events.md): corpus P 0.686 -> 0.711,
    # deals R 0.623 -> 0.645, P 0.628 -> 0.674.
    # Dates (evdates, session 5): work seen on a visit is not dated by the visit, an event
    # told in a clause of time by the clause's words: corpus 0.932 -> 0.949, deals
    # 0.841 -> 0.864.
    # Event rules (evrecall, session 5): corpus P 0.711 -> 0.720, deals R 0.645 -> 0.652
    # (P 0.674 -> 0.672: 89/132 -> 90/134 matched/found).
    # Event rules (evrecall2, session 5): corpus R 0.738 -> 0.75, P 0.72 -> 0.723; deals
    # R 0.659 -> 0.674, P 0.674 -> 0.694.
    # Event rules (evrecall3, session 6): corpus P 0.723 -> 0.75; deals R 0.674 -> 0.681,
    # P 0.694 -> 0.707; corpus-ru P 0.786 -> 0.815.
    # Event rules (evrecall4, session 7): a plan once held (`initially set to`): corpus P
    # 0.75 -> 0.759.
    # Parties (parties6, session 9): the subject country named only as a place (`in Astana`)
    # names no actor: the organisations of the nearest of three sentences before are taken:
    # 35 -> 36/60.
    # Event rules (evrecall6, session 9): a cue inside a capitalised name or title the
    # dictionary lacks (`Farid Nahli, Programme Coordinator at the ITU`): P 0.759 -> 0.769.
    # Types (types7, session 10): a plan naming internet brought to people (`communication
    # services`) has no type, as the gold gives it none: R 0.75 -> 0.762, P 0.769 ->
    # 0.782; the event now matched has the publication date, not the meeting's: dates 57
    # of 60 -> 57 of 61 (0.95 -> 0.934), no date lost.
    # Tags (initags7, session 10): a 2G-4G spectrum band (`2300MHz licences`) is mobile, so
    # the event's type matches: R 0.75 -> 0.762, P 0.769 -> 0.782, parties 36/60 -> 37/61.
    # Both together (merge, session 10): R 0.775, P 0.794, parties 38/62, dates 58/62.
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: 36 -> 38/60.
    # Parties (parties7, session 10): a person's company after the cue (`by Musk's company`)
    # is the company named before: 38 -> 39/60.
    # Session 10 merged (types7, initags7 and parties7): parties 41 of 62 matched.
    # Event rules (recall7, session 10): a project said to be launched or initiated is work
    # begun (`the project was launched in September 2011`): R 0.762 -> 0.775, P 0.782 ->
    # 0.794; parties right 37 of 61 -> 37 of 62 matched: the event newly matched has its
    # parties wrong (a country too many), none lost.
    # `had built` a line (Russian `построили`): a launch: R 0.775 -> 0.787, P 0.794 -> 0.797,
    # parties 37/62 -> 38/63, dates 0.934 -> 0.936. With initags7 merged: R 0.8, P 0.81,
    # parties 39/64, dates 60/64.
    # Event rules (notev8, session 10): a talks cue right after `began with` names a
    # gathering's programme: P 0.81 -> 0.82.
    # Parties (parties8, session 10): the next sentence opening on a list of the things just
    # told (`These are …`) names their countries: 42 -> 43/64.
    # Event rules (merge8, session 10): a lead's plan ahead of its deal is the deal: P 0.81
    # -> 0.82.
    # Stage rules (stages9, session 10): `agreed on all open issues` signs no deal: P 0.831
    # -> 0.842.
    # Event rules (recall9, session 11): a plan with a target of its own and no actor takes
    # the nearest earlier body's parties (docs/events.md): R 0.80 -> 0.812, P 0.842 ->
    # 0.844; the event newly matched has its parties partly wrong: 43/64 -> 43/65 (0.672 ->
    # 0.662), none lost.
    # Parties (parties9, session 11): a later sentence saying who developed the thing the
    # event is about adds it; a visitor is no party when the cue tells of the visited thing:
    # 43 -> 45/65.
    # Stages (plans9, session 11): `have been connected` to a service is a launch, an actor
    # that will provide a service plans it: R 0.812 -> 0.825, P 0.844 -> 0.857, parties 45
    # -> 46/66.
    # Parties (countries11, session 11): no context country the article never names (by
    # name, demonym or capital), as the golds list none of 329 such: 46 -> 48/66 (0.697 ->
    # 0.727).
    # Event rules (merge11, session 11): a plan its own words date in another year than the
    # article's borrows no type from the title or the article; a plan dated apart from a
    # deal just told is its own event: R 0.825 -> 0.85, P 0.857 -> 0.872; parties 48/66 ->
    # 49/68 (0.727 -> 0.72: the events newly matched, one with its parties wrong), dates
    # 0.939 -> 0.941.
    # Event rules (dealsrecall, session 11): talks or work naming nobody, told as under way
    # now (`already`, `currently`), are the article's: R 0.85 -> 0.863, P 0.872 -> 0.873;
    # the event newly matched has the article's parties, not the gold's: 49/68 -> 49/69
    # (0.721 -> 0.71), none lost.
    # Parties (actors12, session 12): a sentence referring back to the deal or project
    # told, naming no actor and no year, takes the organisations of the nearest of the
    # three sentences before it naming one: 49 -> 50/69.
    # session 15 (recall15b): an unnamed mention pointing back to a vague time (At that
    # time, after A few years ago) is long ago and joins no event told now: dates 0.942 ->
    # 0.956
    # session 16 (parties16): the sides after a meeting are its parties, 50 -> 51/69
    "corpus": (0.862, 0.873, 0.739, 0.956),
    # Dates (evdates3, session 6): an undated article's yearless dateline takes the year of
    # the latest day the text writes in full: deals 0.871 -> 0.892.
    # Parties (parties3, session 6): a state company trading shares brings no country:
    # deals 0.516 -> 0.538.
    # Dates (evdates4, session 7): a year told as done in its January is that January; an
    # event dated only by a deadline long past is undated: deals 84 -> 86/94 (0.915).
    # Parties (parties4, session 7): a share deal takes no subject country either: deals
    # 0.543 -> 0.553.
    # Event rules (evrecall4, session 7): deals R 0.681 -> 0.688 (`roll out`), P 0.707 -> 0.709.
    # Session 7 merged: R 0.681 -> 0.725, P 0.707 -> 0.746 (a satellite operator named is
    # satellite work, tagging), dates 0.894 -> 0.92; parties 0.553 (parties4 alone) -> 0.54:
    # the events newly matched have their parties wrong (52 right of 94 matched -> 54 of 100).
    # Tags (types5, session 8): `mobile operator` a mobile trigger, a network said to be
    # lacking or a company's lines of business no type: R 0.725 -> 0.746, P 0.746 -> 0.769;
    # parties right 54 of 100 -> 54 of 103 matched (0.54 -> 0.524): the three events newly
    # matched have their parties wrong.
    # Parties (parties6, session 9): the sale of a company is a shareholder's deal too:
    # deals 0.524 -> 0.543 (54 -> 56 of 103).
    # Event rules (evrecall6, session 9): an offer made to nobody named, `won't … contract`,
    # a cue inside a capitalised name (`Committee on Transport, … and Construction`), a
    # memorandum named as a frame (`in the framework of the memorandum signed earlier`):
    # P 0.768 -> 0.792 (103 of 134 found -> 103 of 130); work named as delayed (`has again
    # delayed the construction`) is no work done: P 0.798 (103 of 129).
    # Types (types6, session 9): a share sale takes no type from the article's main type:
    # R 0.746 -> 0.753, P 0.798 -> 0.806 (104 of 129), parties 57/104, dates 96/104.
    # Types (types7, session 10): a plan naming internet brought to people (`internet
    # infrastructure`) is its own event with no type, not the typed plan before told again:
    # R 0.753 -> 0.76, P 0.806 -> 0.807 (105 of 130), parties 57 -> 58 of 105.
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: 57 -> 58/104.
    # Parties (parties7, session 10): the organisation the next sentence opens on, telling of
    # the event (`The Ministry … revealed that talks were held`), is a party: 58 -> 59/104.
    # Session 10 merged (types7 and parties7): parties 60 of 105 matched.
    # Parties (parties7, session 10): an organisation named only in the title of a person who
    # tells the news (`said Chairman of the X`) is no party: 60 -> 62/105.
    # Parties (parties7, session 10): a source after `quoting` is no party: 62 -> 63/105.
    # Event rules (recall7, session 10): a pilot project initiated is work begun: R 0.76 ->
    # 0.768, P 0.807 -> 0.815, parties 0.552 -> 0.556.
    # Event rules (notev8, session 10): access to be gained (`will gain access`) is a plan:
    # R 0.768 -> 0.775, P 0.815 -> 0.816, parties 0.603 -> 0.607, dates 0.924 -> 0.925.
    # Event rules (notev8): interest is talks only when shown or expressed, a merger decided
    # (`decided to combine`) is an agreement: P 0.816 -> 0.823, dates 0.925 -> 0.934.
    # Event rules (notev8): equipment arrived (`equipment … arrived`) is work: R 0.775 -> 0.782,
    # P 0.823 -> 0.824, parties 0.607 -> 0.611.
    # Parties (parties8, session 10): the next sentence saying who made, signed or funds the
    # deal just told (`The decision was reached during a meeting between …`) names its
    # parties: 64 -> 66/106.
    # Parties (parties8, session 10): the owner of a company a stake in which is traded (`a
    # stake in Kcell, owned by Telia`) is a party: 66 -> 67/106.
    # Event rules (merge8, session 10): an undated halt naming nobody is the deal halted: R
    # 0.768 -> 0.775, P 0.815 -> 0.816.
    # Event rules (merge8, session 10): a plan sharing a named party and a type with a plan
    # told at most two sentences before tells it on: P 0.816 -> 0.835.
    # Stage rules (stages9, session 10): work listed as a project's components is no work
    # done: P 0.844 -> 0.851. A deal participle after `previously` names a deal made before,
    # `suggested to` proposes: R 0.789 -> 0.797, P 0.851 -> 0.859, parties, dates.
    # Parties (parties9, session 11): the developer and visitor rules: 71 -> 73/110 (0.645
    # -> 0.663).
    # Stages (plans9, session 11): an actor that will provide a service (also through `be
    # able to`) plans it: R 0.797 -> 0.804, P 0.859 -> 0.86, parties 73 -> 74/111.
    # Parties (dealparties, session 11): share-deal words completed (takeover, divest,
    # combine its unit with); in a share deal only the government's word makes the state a
    # party: 74 -> 75/111.
    # Stage cues (cuevocab, session 11): the stage vocabulary completed stage by stage in
    # English and Russian (sealed, clinched, came online, put into operation, access gained
    # is a launch, headline present tenses ...): R 0.804 -> 0.819, P 0.86 -> 0.863, parties
    # 75/111 -> 77/113.
    # recall12 (session 12): a service still to come (`will have access`) and internet
    # reaching people without an actor are plans; a completed sale is a launch; a
    # threatened halt is no plan: R 113 -> 117/138, P 0.863 -> 0.880.
    # recall12b (session 12): another month is another signing; an action in a clause of
    # time (`after Telia exited`) its own event; leaving a market completes a sale: R 117
    # -> 119/138 (0.862, target met), parties 80 -> 81 right (0.683 -> 0.68), dates 110
    # right of 119 (0.94 -> 0.924).
    # session 15 (recall15b): the same syndicated story (dv-23): dates 0.933 -> 0.941
    # session 16 (parties16): a country a service goes to keeps the provider's country a
    # party, 83 -> 84/120
    # Session 18 (events18): talks or a deal about another sector with no connectivity
    # type is no event: precision 0.882 -> 0.889 (one false event fewer).
    "deals": (0.869, 0.888, 0.7, 0.941),  # parties 0.50 -> 0.506 (session 4 references)
    # Issue 15's target: recall and precision 0.70.
    # Parties (issue 9, session 5): a Central Asian company beside a foreign country makes
    # a cross-border deal: corpus-ru 0.591 -> 0.614.
    # Dates (evdates4, session 7): what the sides did (`Стороны обсудили`) takes the time
    # told before: corpus-ru 0.932 -> 0.955.
    # Session 7 merged: R 0.759 -> 0.776, P 0.815 -> 0.849 (base stations of a 5G article
    # are no mobile work, tagging); parties 0.614 -> 0.578: the two events newly matched
    # have their parties wrong.
    # Parties (parties5, session 8): companies a Russian text calls companies discovered
    # (`турецкой компании Sigma Engineering`): 0.578 -> 0.644.
    # Tags (types5, session 8): R 0.776 -> 0.81, P 0.849 -> 0.887; parties right 29 of 45
    # -> 29 of 47 matched (0.644 -> 0.617): the two events newly matched, parties wrong.
    # Parties (parties6, session 9): the subject country named only as a place (`in Astana`)
    # names no actor: the organisations of the nearest of three sentences before are taken:
    # 29 -> 30/47.
    # Dictionary (dict7, session 10): organisations R 0.87 -> 0.961; a company after a
    # spelled-out legal form (`акционерного общества «Реле и автоматика»`) gives its event
    # the gold's parties (30 -> 31/47: 0.638 -> 0.659) but the title's event no longer
    # merges with it, and an election commission in a speaker's title (`ЦИК КР`) becomes
    # the party of his `мы должны` (a plan event): two false events, P 0.886 -> 0.854.
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: 30 -> 31/47.
    # Parties (parties7, session 10): a sentence opening on the deal it follows (`Under the
    # agreement`, `Согласно меморандуму`) takes the deal's parties; `Дочерние компании` are
    # the companies told before: 31 -> 32/47.
    # Parties (parties7, session 10): the organisation the next sentence opens on, telling of
    # the event (`The Ministry … revealed that talks were held`), is a party: 32 -> 33/47.
    # Event rules (recall7, session 10): a partnership signed (`подписало партнёрство`) is a
    # memorandum: R 0.81 -> 0.827, P 0.886 -> 0.888; parties 30/47 -> 30/48 matched (0.638
    # -> 0.625): the event newly matched has its parties wrong, none lost.
    # Parties (parties8, session 10): the next sentence saying who made the deal just told
    # (`Соответствующее соглашение было подписано на встрече …`) names its parties: 34 ->
    # 35/48.
    # Parties (parties8, session 10): the next sentence opening on a list of the things just
    # told (`Это …`) names their countries: 35 -> 36/48.
    # Event rules (merge8, session 10): an undated halt naming nobody is the deal halted: R
    # 0.827 -> 0.844; dates 0.958 -> 0.938: the halt newly matched is dated by the article's
    # month, the gold by a day the article does not write; none lost.
    # Stage rules (stages9, session 10): an obligation to meet a standard is no plan: P
    # 0.859 -> 0.875.
    # Event rules (recall9, session 11): a plan with a target of its own and no actor, an
    # ordinal opening never merged as naming nobody: R 0.845 -> 0.862, P 0.875 -> 0.877,
    # parties 0.755 -> 0.76.
    # Stages (plans9, session 11): `хочет`, `хотят` are plan cues. With recall9's plan of
    # its own target, ru-18 now has three plans where the gold has two: P 0.877 -> 0.862
    # (one false event more), R unchanged (each rule alone found the same plan).
    # Event rules (dealsrecall, session 11): `уже`, `сейчас`, `на стадии`: R 0.862 -> 0.879,
    # P 0.862 -> 0.864, parties 38 -> 39/51.
    # session 13 recall13: one event more matched (the title's event told again by the
    # lead keeps the body's mentions; an undated plan's unresolved time to come is an aim
    # of its own); parties 39 right over 52 matched where it was 39 over 51.
    # session 15 (dates15): work told on its own paragraphs after a meeting lead keeps the
    # publication date: dates 0.942 -> 0.961
    # session 16 (parties16): стороны after a meeting are its parties, 39 -> 40/52
    "corpus-ru": (0.896, 0.881, 0.769, 0.961),  # dates 0.909 -> 0.932: an opening half-month
}
# The Russian written set (tests/fixtures/blind-ru), read blind at first: recall 0.50,
# precision 0.705.
# The English written sets (tests/fixtures/blind3, blind-deals), read blind at first:
# blind3 recall 0.432, precision 0.854; blind-deals recall 0.379, precision 0.542.
# blind-deals: Project Kuiper recognised, more events matched, dates 0.84 -> 0.815.
WRITTEN_EVENT_FLOORS = {
    # Parties (issue 9, session 4): blind-ru 0.745 -> 0.765, blind3 0.667 -> 0.70,
    # blind4 0.425 -> 0.605, blind5 0.278 -> 0.333.
    # A plan naming nobody takes the aim told just before (evrecall, session 4): recall
    # 0.806 -> 0.823, precision 0.877 -> 0.864; not over organisations named between,
    # and the other event rules: blind-ru P 0.879; blind3 R 0.695 -> 0.737, P 0.857 -> 0.886.
    # Dates 62/68 -> 65/69 (evdates): `a 2019 roadmap`, a plan not told at the meeting.
    # Dates 47 -> 48/51 (evdates): the decision behind an approval, told next.
    # Event rules (evrecall, session 5): blind-ru P 0.879 -> 0.864 (br-14's 2022 signing,
    # `Соглашение было подписано в 2022 году`, now found, typed fiber by the tagger where
    # the gold says smart-city); blind3 R 0.737 -> 0.758, P 0.886 -> 0.900.
    # Dates (evdates3, session 6): Russian «должна заработать в 2027 году» is a target:
    # blind-ru dates 48 -> 49/51, targets 15 -> 16/16, and P 0.864 -> 0.85 (the 2027 plan is
    # now an event of its own, matched; the power-supply sentence, no event by the gold,
    # which matched that plan before, is now false). A date in a clause of time with a verb
    # of its own (`since it entered the market in 2023`): blind3 dates 69 -> 70/72.
    # Event rules (evrecall4, session 7): Russian `будет` plans as `will` does: blind-ru
    # P 0.85 -> 0.864; blind3 R 0.758 -> 0.768 (a clause opening on `it`), P 0.90 -> 0.901.
    # Dates (evdates4, session 7): what the sides did takes the time told before: blind-ru
    # 0.961 -> 0.98.
    # Parties (parties5, session 8): a country ending a company's name (`Beeline
    # Uzbekistan`) says where it works: 0.765 -> 0.804.
    # Event rules (evrecall5, session 8): two aims with targets of their own are two plans:
    # R 0.822 -> 0.838, P 0.864 -> 0.866.
    # Types (types6, session 9): a city's camera network is smart-city, `Ранее сообщалось`
    # opens another story, a share sale takes no main type: R 0.839 -> 0.919, P 0.867 ->
    # 0.95 (52 -> 57 matched); the new matches' parties are partly wrong: 0.807 -> 0.789.
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: this written
    # set lists it 3 times of 11, so parties fall 45 -> 39/57 (0.789 -> 0.684).
    # session 15 (recall15b): a Russian dateline's dash is no definition (the word after
    # it is capitalised): dates 0.982 -> 1.0
    # session 16 (recall16): a service run in test mode is work under way, br-05 matched
    # (57 -> 58/58); the parties ratio falls 0.684 -> 0.672 only because that event is one
    # more matched without exactly its parties: 39 right, as before
    "blind-ru": (0.935, 0.966, 0.672, 1.0),
    # Parties (parties4, session 7): an agency a closing clause cites as the source of the
    # news of two others' deal is no party: blind3 0.708 -> 0.736.
    # orgs (session 7): the dictionary's new bodies: R 0.768 -> 0.779, P 0.901 -> 0.914;
    # parties 54 right of 73 -> 74 matched (0.74 -> 0.73).
    # Event rules (evrecall5, session 8): R 0.779 -> 0.80 (two aims, two plans; a signing
    # dated apart), P 0.914 -> 0.873 (74/81 -> 76/87: a railway agreed in 2022 and a
    # work-plan told with `is to … and to be finished` taken; a deal approved, types wrong).
    # Two aims across `with` (`…, with a further 200 sites planned for 2025`): R 0.80 ->
    # 0.81, P 0.873 -> 0.875.
    # Tags (types5, session 8): R 0.811 -> 0.821, P 0.885 -> 0.897.
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: this written
    # set leaves it out more often: 59 -> 58/78 (0.756 -> 0.743).
    # Parties (parties7, session 10): a sentence opening on the deal it follows (`Under the
    # agreement`, `Согласно меморандуму`) takes the deal's parties; `Дочерние компании` are
    # the companies told before: this written set
    # gives the memorandum's parties but not the plan under it: 58 -> 57/78.
    # Event rules (merge8, session 10): an undated halt naming nobody is the deal halted: P
    # 0.896 -> 0.886: this written set tells `stopped short of signing` as no halt.
    # Event rules (merge11, session 11): R 0.821 -> 0.842, P 0.886 -> 0.899; parties 57/78
    # -> 57/80, dates 76/78 -> 77/80 (the events newly matched have theirs partly wrong;
    # none lost).
    # session 13 recall13b: recall and precision up (commitments as plans, deals given in
    # passing, a vendor chosen, Russian futures of work); the same right parties over more
    # matched events, so the parties ratio fell with no right party lost.
    # session 15 (dates15): a time counted forward is a plan's target, so b3-18's plan now
    # matches, with wrong parties: R 0.884 -> 0.894, parties 0.726 -> 0.717 (no right
    # party lost)
    # Session 17 (parties17): the owner named in an apposition (X, Y's cloud subsidiary,
    # is building) is no party, 61 -> 62 parties right.
    # Session 18 (events18): another sector's deal is no event: precision 0.914 -> 0.924.
    "blind3": (0.894, 0.923, 0.729, 0.964),
    # Background mentions dated in another year are events of their own (evrecall): one
    # more matched, one more false (P 0.64 -> 0.6395).
    # Event rules (evrecall, session 4): R 0.534 -> 0.544, P 0.647 -> 0.659.
    # Dates 48 -> 51/56 (evdates): an aside's date, plans not told at the meeting.
    # Event rules (evrecall, session 5): R 0.544 -> 0.563, P 0.667 -> 0.690; parties right
    # 21 of 56 -> 21 of 58 matched (0.375 -> 0.362).
    # Dates 52 -> 54/58 (evdates, session 5): talks told in a clause of time.
    # Event rules (evrecall2, session 5): satellites launched build a constellation:
    # R 0.563 -> 0.583, P 0.69 -> 0.714; both new matches have parties wrong (a context
    # country added, the launch provider missed): 21 of 58 -> 21 of 60 (0.362 -> 0.35).
    # Parties (parties3, session 6): the KG regulator's later name, a state company trading
    # shares: 21 -> 23 of 60 (0.35 -> 0.383).
    # Event rules (evrecall4, session 7): R 0.583 -> 0.602, P 0.714 -> 0.738; parties right
    # 23 of 60 -> 23 of 62 matched (0.383 -> 0.371): the two new matches (a feasibility
    # study completed, a plan agreed to prepare) have a context country added.
    # Dates (evdates4, session 7): a date in a relative clause after the cue (`the
    # programme it agreed with X two years ago`) is the clause's: 0.933 -> 0.95 (0.934 with
    # session 7's other changes merged: one more event matched, a pairing off by date).
    # Parties (parties5, session 8): the side of the border the work is on is a place:
    # 0.371 -> 0.387, P 0.738 -> 0.747; with evrecall5's rules merged (session 8) one
    # more event matched, its parties wrong: parties 0.381 (24/63), P 0.741; with the
    # second merge one more (a plan agreed to prepare, a context country): 24/64 (0.375).
    # Event rules (evrecall5, session 8): R 0.602 -> 0.611 (`are to` plans, a deal
    # referring back dated apart), P 0.747 -> 0.741 (63/85); parties right 24 of 62 ->
    # 24 of 63 matched (0.387 -> 0.380): the event newly matched has its parties wrong.
    # Two aims across `with`: R 0.611 -> 0.621, P 0.741 -> 0.744.
    # Dates (evdates5, session 8): the lead's work told on takes its day: 59 -> 60/63.
    # Tags (types5, session 8): parties 0.375 -> 0.39 (25 of 64).
    # Event rules (evrecall6, session 9): a deal told in passing before a comma and its
    # participle (`the memorandum with Cybernetica, signed in May 2021,`): R 0.621 -> 0.631,
    # P 0.744 -> 0.755; parties right 25 of 64 -> 25 of 65 (0.39 -> 0.384). A project
    # taken over (`which took over the project in 2022`): R 0.64, P 0.758, parties 25/66.
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: this written
    # set leaves it out more often: 25 -> 23/66 (0.378 -> 0.348).
    # Event rules (notev8, session 10): `reviewed` is talks only on progress, implementation,
    # cooperation or prospects: P 0.758 -> 0.767.
    # Event rules (recall9, session 11): R 0.641 -> 0.65, P 0.767 -> 0.77; the event newly
    # matched has its parties wrong: 23/66 -> 23/67.
    # sources (session 12): an outlet's home known by a media word (`website`) is no
    # party: one false event fewer (bd-14), P 0.77 -> 0.779.
    # session 13 recall13: a clause with its own non-party subject is its own event; two
    # more events found here, neither matched (one gold event lists no parties), precision
    # 0.779 -> 0.761.
    # Session 14 (recall14): one event more matched (a Russian deal told in passing),
    # right parties unchanged at 23: parties 23/67 -> 23/68.
    # Session 14 (merge of recall14 and dates14): a Russian loan told in passing by its
    # participle is dated by the participle's words, so one more event matches (bd-03);
    # right parties unchanged at 23: 23/68 -> 23/69.
    # session 15 (recall15b): a season to come in an undated article plans (by the
    # spring), and the Russian place of telling (сообщили в министерстве) is no party: R
    # 0.669 -> 0.679
    # session 16 (recall16b): a Russian duty with a deadline is the obliged new owner's
    # plan, 70 -> 71 matched, 24 -> 25 parties
    # Session 17 (recall17): talks with other partners are other talks, 71 -> 73 matched,
    # dates 68 -> 70; the two new events carry a context country the gold leaves out, so
    # parties stay 25 right (share 0.352 -> 0.342).
    # Session 18 (events18): another sector's deal is no event: precision 0.777 -> 0.785.
    "blind-deals": (0.708, 0.784, 0.342, 0.958),
    # Written on 2026-12-06 and scored on first read, before anything was tuned on it:
    # recall 0.556, precision 0.69, parties 0.425, dates 0.85.
    # Event rules (evrecall, session 4): R 0.556 -> 0.597, P 0.69 -> 0.705.
    # Dates 36 -> 38/42: `this week` told as done, `the following year` (evdates).
    # A clause opening on its actor after describing words (`, and state-run X opened`) is
    # an event of its own (parties, session 5): R 0.597 -> 0.611, P 0.705 -> 0.71, parties
    # 0.605 -> 0.636; 0.617 (29/47) with one more event matched by the event rules.
    # Event rules (evrecall, session 5): R 0.611 -> 0.653, P 0.71 -> 0.723.
    # Event rules (evrecall4, session 7): R 0.653 -> 0.667 (a plan's aim told over an
    # organisation named between), P 0.723 -> 0.738; parties right 29 of 47 -> 29 of 48
    # (0.617 -> 0.604).
    # Event rules (evrecall5, session 8): P 0.738 -> 0.727 (48/65 -> 48/66): the second
    # phase's construction told with no actor but dated is a deployment the gold pairs
    # with the sentence before.
    # Parties (parties6, session 9): the subject country named only as a place (`in Astana`)
    # names no actor: the organisations of the nearest of three sentences before are taken:
    # R 0.666 -> 0.68, P 0.727 -> 0.742; parties right 30 of 48 -> 30 of 49
    # (0.625 -> 0.612): the event newly matched has its parties wrong (its gold lists
    # Türkmentelekom alone, we add TM).
    # Event rules (evrecall6, session 9): `provided a $25 million credit` is an agreement:
    # R 0.667 -> 0.68, P 0.727 -> 0.742; its context parties wrong: 30/49 (0.612).
    # Both merged (session 9): R 0.694, P 0.757, parties 30/50 (0.60).
    # Types (types6, session 9): `Separately,` and `On the same day,` open another story,
    # whose types are not the title's: R 0.694 -> 0.722, P 0.758 -> 0.787; parties right
    # 31 of 52 (0.60 -> 0.596).
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: 0.596 -> 0.615.
    # Tags (initvocab, session 11): the initiative vocabulary completed type by type, in
    # English and Russian, and single-trade organisations carrying their type: R 0.722 ->
    # 0.75, P 0.788 -> 0.806; parties 32/52 -> 33/54 (0.615 -> 0.611: two events more
    # matched, one with its parties wrong).
    # Event rules (dealsrecall, session 11): R 0.75 -> 0.764, P 0.806 -> 0.809; parties
    # 33/54 -> 33/55 (0.611 -> 0.60: the event newly matched has the article's parties).
    # recall12b (session 12): one event more matched (b4-02, a clause of time), its
    # parties not right: 0.6 -> 0.589.
    # session 13 recall13: an undated plan's unresolved time to come is an aim of its own;
    # one more event found, its type read wrong, precision 0.811 -> 0.80.
    # session 13 recall13b: recall and precision up (commitments as plans, deals given in
    # passing, a vendor chosen, Russian futures of work); the same right parties over more
    # matched events, so the parties ratio fell with no right party lost.
    # session 16 (recall16): market statistics are no work, one false event fewer
    # Session 17 (parties17): the bank, the corporation, the group, the enterprise resolve
    # to an organisation their word heads, 33 -> 34 parties right.
    "blind4": (0.805, 0.816, 0.586, 0.965),
    # Written on 2026-12-06 (session 4) and scored on first read: recall 0.523,
    # precision 0.586, parties 0.294, dates 0.824.
    # A signing told again with its day dates the lead (evdates): dates 30 -> 31/36.
    # Event rules (evrecall, session 4): R 0.523 -> 0.554, P 0.586 -> 0.61.
    # Parties (session 5): operators of two Central Asian countries, the section of a line
    # as the place of work, a company beside a foreign country: 0.333 -> 0.462 (with
    # main's changes of the same day); 0.439 (18/41) after the event rules merged next;
    # no organisation named only in a later predicate: 0.488 (20/41).
    # Event rules (evrecall, session 5): R 0.554 -> 0.631, P 0.61 -> 0.651; dates right
    # 31 of 36 -> 33 of 41 matched (0.861 -> 0.805).
    # Event rules (evrecall2, session 5): P 0.651 -> 0.683 (an EPC contract signed is an
    # agreement, `meet` is no `met`), 0.695 (talks a party was not invited to); dates
    # 0.805 -> 0.829.
    # Dates (evdates3, session 6): an undated predicate joined to one done in an earlier
    # year is background, undated: 34 -> 36/41 (0.829 -> 0.878).
    # Event rules (evrecall4, session 7): P 0.695 -> 0.707 (an academy opened is no launch).
    # Dates (evdates5, session 8): the lead's work told on takes its day; what came before
    # an undated past action (`had to be rebuilt after a loan fell through`) is undated:
    # 37 -> 39/41 (0.902 -> 0.951).
    # Event rules (evrecall6, session 9): talks that `ended … without an agreement` are a
    # halt: R 0.631 -> 0.646, P 0.707 -> 0.724; parties right 20 of 42 (0.487 -> 0.476).
    # Parties (parties7, session 10): a Central Asian company at work (deployment, launch)
    # brings its country, as the shared golds list it 29 times of 33: 0.476 -> 0.523.
    # Event rules (recall9, session 11): one false event more (a plan with a target of its
    # own kept): P 0.724 -> 0.712.
    # Event rules (merge11, session 11): R 0.646 -> 0.662, P 0.712 -> 0.717; parties 22/42
    # -> 22/43, dates 40/42 -> 40/43 (the event newly matched has both wrong; none lost).
    # actors12 (session 12): one event more matched (b5-09, the contract following a
    # memorandum), its parties not exactly right: parties 22/43 -> 22/44.
    # session 13 recall13: one event more matched, one false fewer; the merged title event
    # keeps the lead's parties (one right party lost, one right date gained).
    # session 13 recall13b: recall and precision up (commitments as plans, deals given in
    # passing, a vendor chosen, Russian futures of work); the same right parties over more
    # matched events, so the parties ratio fell with no right party lost.
    # Session 14 (recall14b): a plan naming nobody takes the lead's subject, a company
    # referred to by where it is from resolves; three events more matched (R 0.738 ->
    # 0.784, P 0.80 -> 0.85), right parties unchanged at 23: 23/48 -> 23/51.
    # session 15 (recall15): a second signing told 'at the same ceremony' with an
    # organisation of its own is a deal of its own: R 0.785 -> 0.8
    # session 16 (recall16): a trial is work under way and an open question tells nothing:
    # 52 -> 53 matched, one false event fewer; parties 24 right as before, so the ratio
    # falls 0.461 -> 0.452
    "blind5": (0.815, 0.868, 0.452, 0.962),
    # Written in session 5, never read to write a rule: first read recall 0.561, precision
    # 0.649, parties 0.054 (its writer counts no describing country), dates 0.757. The
    # currency rule (`долларов США`, session 6): R 0.561 -> 0.576, P 0.638 -> 0.644; the
    # event it adds has its date wrong: dates 0.757 -> 0.737.
    # Event rules (evrecall4, session 7): R 0.576 -> 0.652, P 0.644 -> 0.741 (with main's
    # base-station rule); parties right 2 of 38 -> 2 of 43 (0.053 -> 0.047).
    # Dates (evdates4, session 7; its --details read): datelines with `--` and with an
    # agency's name in capitals, the time told before (`Одновременно`, `Вместе с
    # контрактом`), an event told in a `which` aside, a cue's own joined clause: dates
    # 0.737 -> 0.921 (0.905 with session 7's other changes merged: a plan of `The two sides
    # will now negotiate …` newly matched takes the meeting's day, the gold the article's).
    # With evrecall5's rules merged (session 8) two more events matched, parties wrong
    # under this set's convention: 2/43 -> 2/45 (0.046 -> 0.044).
    # Event rules (evrecall5, session 8): work or a signing with no actor dated apart, a
    # forum's discussion no talks, a comment no event: R 0.652 -> 0.681, P 0.741 -> 0.75;
    # parties right 2 of 43 -> 2 of 45 (0.046 -> 0.044).
    # Dates (evdates5, session 8): an undated title event takes the day the lead dates
    # (undated article b6-11: the lead's `12 июля 2022 года`): 41 -> 42/45 (0.933).
    # Tags (types5, session 8): parties 0.044 -> 0.066 (3 of 45).
    # Event rules (evrecall6, session 9): a partner dropped `in place of` or `replaced` by
    # another (Russian `заменила`): R 0.681 -> 0.712, P 0.75 -> 0.758; parties right 3 of
    # 47 (0.063), dates 44 of 47 (0.936).
    # An offer is talks only when made to someone (`had offered better terms`): P 0.758 ->
    # 0.77.
    # Types (types6, session 9): a share sale takes no main type: the sale of a mobile
    # operator, typed `mobile` by this set's gold and [] by the shared deals', no longer
    # matches (47 -> 46): R 0.712 -> 0.696, P 0.77 -> 0.754, dates 0.934.
    # Parties (parties7, session 10): a sentence opening on the deal it follows (`Under the
    # agreement`, `Согласно меморандуму`) takes the deal's parties; `Дочерние компании` are
    # the companies told before: R 0.697 -> 0.727,
    # P 0.754 -> 0.787, dates 0.934 -> 0.937; parties 3 of 46 -> 3 of 48 matched (this set
    # lists the country wherever named, README).
    # Event rules (recall9, session 11): a deal opening on a reference to an event (`Under
    # the contracts,`) is kept: R 0.727 -> 0.742, P 0.787 -> 0.79; the event newly matched
    # has its parties and date wrong: parties 3/49, dates 45/49 (0.938 -> 0.918), none lost.
    # Parties (countries11, session 11): no context country the article never names: 3 ->
    # 4/49.
    # Session 12: a line ending on an article or preposition goes on in the next line
    # (b6-12's lender), dates 45/49 -> 46/49.
    # recall12b (session 12): one event more matched (b6-15, leaving a market): R 0.742 ->
    # 0.757, parties 4/50.
    # session 13 recall13: one event more matched and one more found unmatched; parties 4
    # right over 51 matched.
    # session 15 (dates15): a plan told as started then finished stands apart with its
    # target; the lead agreement it was merged into carries no initiative type and matches
    # nothing: P 0.815 -> 0.803
    "blind6": (0.803, 0.803, 0.113, 0.943),
    # Written in session 6 and scored on first read: recall 0.608, precision 0.672, parties
    # 0.289, dates 0.844. Its party errors, read once, showed the currency rule and the
    # Russian names of two Chinese banks: parties 0.289 -> 0.311.
    # Dates (evdates4, session 7; its --details read): the decision behind a cancellation
    # told next, what was said at the ceremony the lead dates, a plan told in a deal's
    # terms: dates 0.844 -> 0.911.
    # Parties (parties4, session 7): the exchange a filing is made with is no party, the
    # owner after a possessive (`the cloud arm of China's Alibaba Group`) none either, `the
    # Korean integrator` and `the Estonian developer` are references: 0.311 -> 0.378
    # (17/45); with the event rules of the same session more events matched, their
    # parties wrong. Event rules (evrecall4, session 7): R 0.608 -> 0.635, P 0.672 -> 0.734.
    # With evrecall5's rules merged (session 8) six more events matched, five with
    # context parties wrong: parties 18/47 -> 20/54 (0.383 -> 0.37).
    # Event rules (evrecall5, session 8): e-government read from `межведомственный обмен
    # данными`, two aims two plans, a forum's discussion no talks, a grant dated apart:
    # R 0.635 -> 0.743, P 0.734 -> 0.785; parties right 21 of 55 matched (0.3818, under
    # the floor 0.382 by the events newly matched with their parties wrong).
    # Dates (evdates5, session 8): the lead's work told on takes its day: 45 -> 46/48;
    # with session 8's event rules merged, more events matched: 51/54 (0.944).
    # Tags (types5, session 8): R 0.743 -> 0.77, P 0.786 -> 0.814; dates right 52 of 55 ->
    # 53 of 57 matched (0.945 -> 0.929).
    # Dates (evdates6, session 9): a plan beside a `, which …,` aside is not dated by the
    # aside, a plan opening `According to the project documents,` is no term of the deal
    # told before: 53 -> 55/57 (0.929 -> 0.964).
    # Parties (parties6, session 9): the subject country named only as a place (`in Astana`)
    # names no actor: the organisations of the nearest of three sentences before are taken:
    # 22 -> 23/57 (merged with evdates6: 22/58 -> 23/58).
    # Event rules (evrecall6, session 9): a memorandum told in passing after its subject
    # (`the memorandum the agency and the operator signed in April`): R 0.77 -> 0.783, P
    # 0.814 -> 0.816; parties right 22 of 58 (0.385 -> 0.379). A sale agreed and a deal
    # cleared by a regulator (`which agreed the $265 million sale in February`): R 0.797,
    # P 0.808 (b7-21's clearance, now an agreement, names no type: unmatched), parties
    # 22/59 (0.372); with parties6 merged 23/59 (0.389). `открыта для инвесторов` is
    # readiness, no launch: P 0.808 -> 0.819.
    # Parties (parties7, session 10): a sentence opening on the deal it follows (`Under the
    # agreement`, `Согласно меморандуму`) takes the deal's parties; `Дочерние компании` are
    # the companies told before: 0.389 -> 0.406.
    # Event rules (recall7, session 10): `The project was launched with a memorandum signed
    # …` tells no launch: P 0.819 -> 0.83.
    # Event rules (merge8, session 10): an undated halt naming nobody is the deal halted: R
    # 0.797 -> 0.81; parties 0.406 -> 0.4, dates 0.966 -> 0.95: the halt newly matched has
    # both wrong, none lost.
    # Event rules (recall9, session 11): R 0.811 -> 0.824, P 0.833 -> 0.836; the event newly
    # matched has its parties wrong: 24/60 -> 24/61.
    # Parties (countries11, session 11): no context country the article never names: 24 ->
    # 26/61.
    # Stage cues (cuevocab, session 11): parties 26 -> 27/61, dates 58 -> 59/61.
    # recall12b (session 12): one event more matched (b7-03, a clause of time), its
    # parties and date not right.
    # session 15 (recall15): a contract ended or a partner leaving the project is a halt:
    # R 0.851 -> 0.864
    # session 16 (parties16): a country a service goes to, 30 -> 32/64
    "blind7": (0.864, 0.853, 0.5, 0.968),
    # Written in session 7 and scored on first read (main a87ac0f): recall 0.50, precision
    # 0.684, parties 0.359, dates 0.718. Never read since; session 7's rules moved it to
    # R 0.487, P 0.655 (one event fewer: a `mobile` tag the base-station rule drops) and
    # parties 0.395 (the organisations added), dates 0.711.
    # Parties (parties5, session 8, its --details read): a legal form after `форума`, a
    # brand `(O!)` ending no sentence, the regulator's Russian name, `via` a route point,
    # the side of the border: 0.395 -> 0.526. Joining the `(O!)` sentence makes its two
    # predicates two false plans where the cut one made one: P 0.655 -> 0.633. With
    # evrecall5's and evdates5's rules merged (session 8): R 0.513, P 0.667, dates 0.85;
    # the two events newly matched (a background memorandum, a construction start) take
    # context parties the gold leaves out: parties 20/38 -> 19/40 (0.475); after the
    # second merge 22/49 (0.449): the nine events newly matched are mostly plans and
    # launches whose parties come from context (the developer, the agency told before).
    # Event rules (evrecall5, session 8; its --details read): e-government words
    # (`госуслуги`, `application for public services`), two aims two plans, work or a
    # signing with no actor dated apart, `Neither operator had launched`, a refusal to
    # comment, a forum's discussion: R 0.487 -> 0.641, P 0.633 -> 0.781 (with parties5's
    # session 8 work merged); parties right 20 of 38 -> 23 of 50 (0.526 -> 0.46): the
    # events newly matched mostly have their parties wrong.
    # Dates (evdates5, session 8; its --details read, every wrong date sorted by cause):
    # «меморандум о намерениях» plans nothing, a delay's new target (`перенесен на`),
    # `from 2025`, a report's day gives way to what was said (`today announced … on
    # Wednesday`), a plan under the terms of a named deal (`По условиям соглашения`), a plan
    # told to the press (`told Trend that`), an undated title event takes the lead's day (a
    # dateline cut off as a sentence dates none), a season told as `last` is the year
    # before's (`с прошлого лета`): dates 0.711 -> 0.86 (43/50, with session 8's event
    # rules merged: 50 events matched where 38 were). Its rules match one event more than
    # main (b8-19's pilot, now dated `с прошлого лета`), its parties from context wrong:
    # R 0.628 -> 0.641, parties 22/49 -> 22/50 (0.449 -> 0.44). A date line alone in the
    # body (`15.04.2025, 11:20`) dates no lead, a done `, which …` clause ending a sentence
    # only what it tells: dates 43 -> 44/50 (0.88).
    # Dates (evdates6, session 9): `will be announced in the first half of 2021` plans, the
    # report verb being the future's own: 45 -> 46/50 (0.90 -> 0.92).
    # Event rules (evrecall6, session 9): a partner dropped (`которая заменила ZTE`): R
    # 0.641 -> 0.653, P 0.781 -> 0.784; the launch newly matched is dated a day late and
    # has its parties wrong: dates 46/51 (0.92 -> 0.901), parties 23/51 (0.46 -> 0.45).
    # Event rules (recall9, session 11): R 0.654 -> 0.667, P 0.785 -> 0.788; the event newly
    # matched has its parties and date wrong: parties 23/52, dates 46/52 (0.902 -> 0.885),
    # none lost.
    # session 13 recall13: three events more matched (work resumed, a loan signed in
    # reverse order, a clause of its own subject); the new events' parties are imperfect
    # (23 right over 55).
    # session 13 recall13b: recall and precision up (commitments as plans, deals given in
    # passing, a vendor chosen, Russian futures of work); the same right parties over more
    # matched events, so the parties ratio fell with no right party lost.
    # session 15 (dates15): a target counted forward (within six months) matches one plan
    # more: R 0.73 -> 0.743
    # session 16 (recall16b): a Russian duty with a deadline is the obliged companies'
    # plan, 58 -> 59 matched, 25 -> 26 parties; dates 53 right as before, so the ratio
    # falls 0.914 -> 0.898
    # Session 17 (recall17): a halt told as a lasting state (remains on hold) is no halt,
    # one false event fewer (precision 0.808 -> 0.819).
    "blind8": (0.756, 0.819, 0.44, 0.898),
    # Written in session 8 and scored on first read (main 71b26c9): recall 0.567,
    # precision 0.745, parties 0.263, dates 0.763. Never read since: session 8's rules,
    # found on the other sets, moved it to the figures below (R up, P and parties down).
    # Dates (evdates6, session 9; its --details read): `the planned route` plans no date,
    # work under `a contract awarded in February` is not the contract's date, `According to
    # the ministry,` frames no deal, an agreement `said on Wednesday` takes the signing's
    # day told next (its two sentences one event: P 0.705 -> 0.717), a Russian perfective
    # present tells the future (`возобновит прокладку в начале марта`): dates 34 -> 37/43.
    # Parties (parties6, session 9): the subject country named only as a place (`in Astana`)
    # names no actor: the organisations of the nearest of three sentences before are taken:
    # 10 -> 11/43, dates 34 -> 35/43 on session 8's rules; merged with evdates6 the
    # figures are main's (parties 10/45).
    # Event rules (evrecall6, session 9; its --details read): a deal told in passing after
    # its subject (`under the agreement the operators signed`), `As part of the deal,` a
    # frame, `people familiar with the talks` a news source: R 0.641 -> 0.671, P 0.717 ->
    # 0.75; the two events newly matched have their parties wrong and one its date: parties
    # 10/45 (0.232 -> 0.222), dates 37/45 (0.837 -> 0.822); with evdates6 merged 38/45
    # (0.844). A work cue after `a tender for` names what the tender is for: P 0.75 ->
    # 0.762.
    # Types (types6, session 9): a city's camera network (`smart cameras`, Russian
    # `видеонаблюдение`) is smart-city: R 0.671 -> 0.731, P 0.762 -> 0.83 (45 -> 49
    # matched); the new matches' parties are mostly wrong: 0.222 -> 0.204.
    # Dictionary (dict7, session 10): the Russian `Счетная палата` now names the accounts
    # chamber (organisations R 0.9 -> 0.925), and the event reader makes a plan event of
    # its sentence (`Счётная палата намерена завершить проверку`): P 0.83 -> 0.816. The
    # Russian name of Azerbaijan's digital ministry (organisations R 0.925 -> 0.95) adds it
    # to the parties of the agreement its sentence reports, which the gold leaves to the
    # operators: parties 10 -> 9/49 (0.204 -> 0.183).
    # Event rules (recall9, session 11): R 0.731 -> 0.761, P 0.817 -> 0.81; the events newly
    # matched have their parties wrong: 9/49 -> 9/51 (0.184 -> 0.176), dates 0.857 -> 0.863.
    # recall12 (session 12): a completed sale is a launch: one event more matched (52/67),
    # its parties and date not right: parties 9/51 -> 9/52, dates 44/51 -> 44/52.
    # session 13 recall13: one event more matched, two more found; precision 0.812 ->
    # 0.803.
    # session 13 recall13b: recall and precision up (commitments as plans, deals given in
    # passing, a vendor chosen, Russian futures of work); the same right parties over more
    # matched events, so the parties ratio fell with no right party lost.
    # Session 14 (dates14): a hope plans as will does, so one plan more is matched with
    # its target; right parties unchanged at 12: 12/54 -> 12/55.
    # session 15 (recall15): a postponement to a new date is a plan aiming at it, and a
    # Russian aside with words before its pronoun: R 0.82 -> 0.85
    # session 15 (dates15): a since clause telling the work's start, a decision named by
    # what it decided, the lead's work told on only in its paragraph or the next: dates
    # 0.859 -> 0.929
    # session 15 (recall15b): an attribution clause opened by a comma alone is no clause
    # of its own; Russian deal completion (закрытие сделки) launches: P 0.814 -> 0.826,
    # dates 0.929 -> 0.964
    # session 16 (recall16): market statistics are no work, one false event fewer
    # Session 18 (events18): a missed target (was supposed to, должен был) is no event:
    # precision 0.838 -> 0.877 (three false events fewer).
    "blind9": (0.85, 0.876, 0.228, 0.964),
    # Written in session 9 and scored on first read (main 9e3f507, the code of 7457e6e):
    # recall 0.634, precision 0.696, parties 0.324 (23/71), dates 0.859. Never read since:
    # session 9's rules, found on the other sets, moved only precision (0.703, one false
    # event fewer) and parties (22/71, 0.31). Session 10's first merge (types7, initags7,
    # dict7, parties7, recall7, rules read from the real sets' conventions) lifted it:
    # recall 0.652, precision 0.723, parties 23/73; dates 62 of 73 (0.849: two more matched,
    # one with the publication date where the gold gives its own). parties8's four rules
    # (next sentences naming who made the deal, a list of what was told, a traded stake's
    # owner, brands) lifted the three real sets' parties by 6 events and cost blind10 one
    # (23 -> 22/73); not bisected, to keep blind10 unread.
    # Tags (initvocab, session 11; blind10 still unread, its summary line only): R 0.652 ->
    # 0.688, P 0.723 -> 0.762 (73 -> 77 matched), parties 22 -> 23/77 (0.301 -> 0.299),
    # dates 62 -> 66/77; initiative tags F1 0.906 -> 0.923 (one false tag fewer).
    # Session 12 (summary line only): the line ending on an article or preposition goes
    # on: dates 66 -> 67/77.
    # recall12b (session 12; summary line only): 77 -> 78 matched, the new one's parties
    # and date not right (23/78, 67/78).
    # session 13 recall13b: recall and precision up (commitments as plans, deals given in
    # passing, a vendor chosen, Russian futures of work); the same right parties over more
    # matched events, so the parties ratio fell with no right party lost.
    # Session 14 (recall14): one more event matched (a deal told in passing with no other
    # cue), right parties unchanged at 23: 23/79 -> 23/80.
    # session 15 (recall15b, rules found on the other sets): R 0.714 -> 0.732, P 0.769 ->
    # 0.773, dates 70 -> 72 of 80
    # Session 18: events18's rules (missed targets, other sectors): precision 0.774 ->
    # 0.788, recall unchanged.
    "blind10": (0.732, 0.788, 0.292, 0.878),
}


@pytest.mark.slow  # every shared set analysed whole
@pytest.mark.parametrize("folder", sorted(EVENT_FLOORS))
def test_deal_events_stay_at_their_figures(shared_dir: Path, folder: str) -> None:
    assert_event_floors(shared_dir / folder, shared_dir / folder / "articles", EVENT_FLOORS[folder])


@pytest.mark.slow  # every written set analysed whole
@pytest.mark.parametrize("folder", sorted(WRITTEN_EVENT_FLOORS))
def test_written_sets_deal_events_stay_at_their_figures(folder: str) -> None:
    folder_path = FIXTURES / folder
    assert_event_floors(folder_path, articles_of(folder_path), WRITTEN_EVENT_FLOORS[folder])


def assert_event_floors(gold_dir: Path, articles: Path, floors: tuple[float, ...]) -> None:
    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    loaded = load_articles(articles)
    predicted = {a.id: analyse(a, dictionary) for a in loaded.articles}
    gold = load_event_gold(gold_dir / "events-gold.yaml")
    result = evaluate_events(gold, predicted, dictionary, load_gold(gold_dir / "gold.yaml"))
    overall = result.overall
    reached = (
        overall.recall,
        overall.precision,
        result.accuracy("parties"),
        result.accuracy("date"),
    )
    assert all(r >= f for r, f in zip(reached, floors, strict=True)), reached
