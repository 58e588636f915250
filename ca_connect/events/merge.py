"""Mentions -> events: the mentions of one real-world event become one event.

Rules in docs/events.md (One event, many sentences).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lazy_pattern import LazyPattern
from ..models import Event, EventSources, Evidence, PartialDate, Party, TaggedArticle
from .mentions import EventMention
from .sentence import DEALS

# A plan this many sentences after an agreement, with no target of its own and no party
# beyond the agreement's, says what the agreement will do: it is part of it.
_ELABORATION_REACH = 3
# A plan this many sentences after a plan of the same kind, sharing a named party (a
# country too), tells it on (`The line will be laid on the seabed.` … `The cable will be
# laid by Transtelecom.`).
_PLAN_TOLD_ON_REACH = 2
# Events a mention is compared with, the latest first. Real articles tell under 40; the
# bound keeps a huge article (a 1 MB dump of one sentence repeated) linear in its length.
_LOOK_BACK = 64
# A sentence opening on a time shared with the deal just told: another signing then.
_SAME_TIME = LazyPattern(
    r"^\W*(?:at\s+the\s+same\s+(?:ceremony|time|meeting|event)|(?:on\s+)?the\s+same\s+day"
    r"|simultaneously|в\s+тот\s+же\s+день|одновременно|тогда\s+же"
    r"|на\s+(?:той|этой)\s+же\s+(?:встрече|церемонии))\b",
    re.IGNORECASE,
)


class _Group:
    """The mentions of one event, in reading order, and what the merge rules ask of all of
    them, kept up to date as mentions come (recounting them per mention was quadratic)."""

    def __init__(self, mention: EventMention) -> None:
        self.mentions: list[EventMention] = []
        self.types: set[str] = set()  # every mention's initiative types
        self.named: dict[str, set[str]] = {"country": set(), "organization": set()}
        self.party_ids: set[str] = set()  # every party of every mention
        self.own_parties: set[str] = set()  # every party a mention names itself
        self.dates: set[str] = set()  # the dates mentions give of their own
        self.targets: set[str] = set()
        self.all_title = True  # every mention is in the title (or a headline line)
        self.all_lead = True  # every mention is in the title, a headline line or the lead
        self.add(mention)

    @property
    def stage(self) -> str:
        return self.mentions[0].stage

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    def add(self, mention: EventMention) -> None:
        self.mentions.append(mention)
        self.types.update(mention.initiatives)
        self.own_parties |= mention.own_parties
        for party in mention.parties:
            self.party_ids.add(party.id)
            if party.id in mention.own_parties:
                self.named[_kind(party)].add(party.id)
        if mention.own_date:
            self.dates.add(str(mention.date))
        if mention.target is not None:
            self.targets.add(str(mention.target))
        self.all_title = self.all_title and mention.headline
        self.all_lead = self.all_lead and (mention.headline or mention.lead)


def merge_mentions(tagged: TaggedArticle, mentions: list[EventMention]) -> list[Event]:
    """One event per group of mentions reporting the same real-world event."""
    groups: list[_Group] = []
    for mention in mentions:
        group = _home(groups, mention)
        if group is None and mention.describes:
            continue  # describes a deal the article does not tell: no event
        if group is None and mention.forum:
            continue  # a forum's discussion: more of talks told, else no event
        if group is None:
            groups.append(_Group(mention))
        else:
            group.add(mention)
    groups = _fold_headline_plans(groups)
    events = [_event(tagged, group) for group in groups]
    events.sort(key=lambda event: _position(event))
    return [event.model_copy(update={"number": number}) for number, event in enumerate(events, 1)]


def _fold_headline_plans(groups: list[_Group]) -> list[_Group]:
    """A headline's plan with no target or work (`Kyrgyztelecom and Nokia to build 5G`,
    `… modernise fibre`) that only says what a deal of the body will do is part of it; so
    is a plan with no target told only by the lead, ahead of a deal told at most three
    sentences after it (`_ELABORATION_REACH`) and not
    dated apart from it (`Tajikistan and Russia will jointly fight cybercrime.` / `An
    agreement on it was ratified …`): the deal's terms told first, never its strongest
    evidence."""
    folded: list[_Group] = []
    for group in groups:
        deal = next((other for other in groups if _tells_a_deal_ahead(group, other)), None)
        if deal is None:
            folded.append(group)
            continue
        for mention in group.mentions:
            deal.add(mention if group.all_title else replace(mention, describes=True))
    return folded


def _tells_a_deal_ahead(group: _Group, deal: _Group) -> bool:
    """Whether `group`, a headline's plan or work or the lead's plan, says what `deal`
    will do: no target, its named parties among the deal's, their types compatible."""
    if group.all_title:
        told = group.stage in ("plan", "deployment")
    else:
        told = (
            group.all_lead
            and group.stage == "plan"
            and 0 < deal.first.order - group.first.order <= _ELABORATION_REACH
            and not _told_before(deal, group)
        )
    return (
        told
        and not group.targets
        and deal.stage in ("mou", "agreement")
        and bool(group.own_parties)
        and group.own_parties <= deal.party_ids
        and (not group.types or not deal.types or bool(group.types & deal.types))
    )


def _told_before(deal: _Group, lead: _Group) -> bool:
    """Whether the deal's own dates all fall outside the lead's month (`In March, the sides
    signed …` under a lead told in June): an earlier step, not the news the lead tells."""
    told = str(lead.first.date or "")[:7]
    return bool(told and deal.dates) and not any(
        date[:7] == told or told.startswith(date) for date in deal.dates
    )


def _home(groups: list[_Group], mention: EventMention) -> _Group | None:
    """The earlier event a mention reports again, if any."""
    if mention.item and groups:
        return groups[-1]  # a list item elaborates the event just told
    if (memorandum := _memorandum_told_again(groups, mention)) is not None:
        return memorandum
    for group in reversed(groups[-_LOOK_BACK:]):
        if _same_event(group, mention):
            return group
    if mention.stage == "plan" and mention.target is None and mention.under_deal:
        # `Under the memorandum, the sides will …`: one of the terms of that deal.
        deal = next((g for g in reversed(groups) if g.stage in ("mou", "agreement")), None)
        if deal is not None:
            return deal
        # `Within the project, Uzbektelecom plans to lay 94 km`: the work told, planned on
        work = next((g for g in reversed(groups) if g.stage == "deployment"), None)
        if work is not None and _shares_a_named_organisation(work, mention):
            return work
    if mention.stage == "plan" and mention.target is None and not mention.aim_unresolved:
        for group in reversed(groups[-_LOOK_BACK:]):
            if _elaborates(group, mention):
                return group
    return None


def _memorandum_told_again(groups: list[_Group], mention: EventMention) -> _Group | None:
    """`The agreement was signed during the forum.` after a memorandum signed, and no
    agreement told since: a memorandum called by a deal's generic name, told again."""
    if mention.stage != "agreement" or not mention.generic_deal or mention.approves:
        return None
    deal = next((g for g in reversed(groups) if g.stage in ("mou", "agreement")), None)
    if deal is None or deal.stage != "mou" or mention.separate or mention.long_ago:
        return None
    if not _compatible_parties(deal, mention) or _dated_apart(deal, mention):
        return None
    return deal


def _same_event(group: _Group, mention: EventMention) -> bool:
    """Same stage, compatible types, parties and dates, and either a repeat (the title,
    a sentence referring back) or a deal stage told again of the same parties."""
    if mention.separate or mention.with_others or group.stage != mention.stage:
        return False
    if mention.long_ago or (group.first.long_ago and (mention.own_date or not mention.repeats)):
        # `A few years ago, …`: another time than any event told or dated; only a
        # sentence referring back to it tells it again
        return False
    if mention.told_on:  # `the sides also discussed …`: the nearest talks told on
        return not _dated_apart(group, mention) and not _another_year(group, mention)
    if not _compatible_types(group, mention):
        return False
    if mention.stage == "agreement" and mention.approves != group.first.approves:
        return False  # approving a deal is an event apart from signing it
    if (mention.partner is not None or mention.stage == "plan") and any(
        told.order == mention.order for told in group.mentions
    ):
        return False  # one deal per partner, one plan per aim, of the same sentence
    if mention.refers_back or mention.describes:
        # `The talks took place ...`: the nearest event of its stage, unless its own
        # words date it apart (`The project is financed by a grant signed in 2019.`)
        return not _dated_apart(group, mention)
    if not _compatible_parties(group, mention):
        return False
    if _dated_apart(group, mention):
        return False
    if _another_event_then(group, mention):
        return False
    if mention.repeats or group.all_title:
        return True  # told again, or the title's event told in the body
    if _another_year(group, mention) or _signed_another_month(group, mention):
        return False
    if group.all_lead and group.first.headline:
        return True  # the title's event, told again by the lead, told on in the body
    if mention.stage in (*DEALS, "launch", "cancelled"):
        return _shares_a_named_party(group, mention) or not mention.own_parties
    targets = group.targets | ({str(mention.target)} if mention.target is not None else set())
    if mention.stage == "plan" and _shares_a_named_organisation(group, mention):
        return len(targets) <= 1  # the same organisation's plan, told again
    if (
        mention.stage == "plan"
        and mention.order - group.mentions[-1].order <= _PLAN_TOLD_ON_REACH
        and _shares_a_named_party(group, mention)
        and group.types & set(mention.initiatives)
    ):
        return len(targets) <= 1  # the same plan of the same parties, told on
    if (
        mention.stage == "deployment"
        and mention.order == group.mentions[-1].order + 1
        and _shares_a_named_organisation(group, mention)
        and group.types & set(mention.initiatives)
    ):
        return True  # the same organisation's work of the same kind, told again
    if mention.stage == "deployment" and _work_words(mention) & _work_words(group.first):
        return True  # the same work named again (`a marine survey` … `the survey`)
    if (
        mention.stage == "plan"
        and not mention.own_parties
        and not mention.ordinal
        and group.types & set(mention.initiatives)
    ):
        return len(targets) <= 1  # nobody of its own: the plan of the same kind, described
    return not mention.own_parties and not mention.own_initiatives and not mention.ordinal


def _dated_apart(group: _Group, mention: EventMention) -> bool:
    """The mention's own date is none of the dates the event's mentions give."""
    return bool(mention.own_date and group.dates and str(mention.date) not in group.dates)


def _own_date_beside_the_articles(
    group: _Group, mention: EventMention
) -> tuple[PartialDate, PartialDate] | None:
    """The mention's date and the event's, when the mention is dated by its own words and
    the event only by the article or the meeting, whose first sentence does not write the
    mention's year (`the 2021 memorandum` told first is the memorandum `signed in May
    2021`)."""
    told = group.first.date
    if (
        mention.own_date
        and not group.dates
        and mention.date
        and told
        and str(mention.date.year) not in group.first.sentence.text
    ):
        return mention.date, told
    return None


def _another_year(group: _Group, mention: EventMention) -> bool:
    """A mention dated by its own words in another year than an event dated only by the
    article or the meeting tells an earlier or later event: background, not a repeat."""
    dates = _own_date_beside_the_articles(group, mention)
    return dates is not None and dates[0].year != dates[1].year


def _signed_another_month(group: _Group, mention: EventMention) -> bool:
    """A memorandum or agreement its own words date to another month than a deal dated
    only by the article or the meeting (`has agreed to provide land` … `In March, the
    sides signed an agreement`): a deal is signed on one day, so this is another signing.
    Work and launches go on for months: their months keep no events apart."""
    dates = _own_date_beside_the_articles(group, mention)
    if mention.stage not in ("mou", "agreement") or dates is None:
        return False
    own, told = dates
    return (
        own.month is not None
        and told.month is not None
        and (own.year, own.month) != (told.year, told.month)
    )


def _elaborates(group: _Group, mention: EventMention) -> bool:
    """A plan telling what an agreement or memorandum just reported will do."""
    if mention.separate or group.stage not in ("mou", "agreement"):
        return False
    if all(told.sentence.stage == "cancelled" for told in group.mentions):
        return False  # a deal told only as halted (`terminated the memorandum they signed`)
    if mention.order - group.mentions[-1].order > _ELABORATION_REACH:
        return False
    if _dated_apart(group, mention) or _another_year(group, mention):
        return False  # `In 2020, the country approved a strategy` after a 2019 memorandum
    return mention.own_parties <= group.party_ids and _compatible_types(group, mention)


def _compatible_types(group: _Group, mention: EventMention) -> bool:
    if not mention.initiatives or not mention.own_initiatives:
        return True  # types borrowed from the context keep no event apart
    return not group.types or bool(group.types & set(mention.initiatives))


def _compatible_parties(group: _Group, mention: EventMention) -> bool:
    """Named organisations, if both sides name some, overlap; so do named countries."""
    for kind in ("organization", "country"):
        mine = {p.id for p in mention.parties if _kind(p) == kind and p.id in mention.own_parties}
        theirs = group.named[kind]
        if mine and theirs and not mine & theirs:
            return False
    return True


def _another_event_then(group: _Group, mention: EventMention) -> bool:
    """A mention told as happening at the same time as the event before (`At the same
    ceremony, Kcell and Nokia signed …`, `On the same day …`, `Одновременно …`), naming an
    organisation that event does not, is another event: a second signing, or a second
    launch beside the title's."""
    if not _SAME_TIME.match(mention.sentence.text):
        return False
    named = {p.id for p in mention.parties if p.kind != "country" and p.id in mention.own_parties}
    return bool(named - group.named["organization"])


def _shares_a_named_party(group: _Group, mention: EventMention) -> bool:
    return bool(group.own_parties & mention.own_parties)


def _shares_a_named_organisation(group: _Group, mention: EventMention) -> bool:
    named = group.named["organization"]
    return bool(
        named & {p.id for p in mention.parties if p.kind != "country"} & mention.own_parties
    )


def _work_words(mention: EventMention) -> set[str]:
    """The words of a mention's work cues (`survey`, `laid`)."""
    folded = mention.sentence.tokens[2]
    return {
        " ".join(folded[a:b])
        for read in mention.sentence.cues
        if read.stage == "deployment"
        for a, b in read.cue.parts
    }


def _kind(party: Party) -> str:
    return "country" if party.kind == "country" else "organization"


def _event(tagged: TaggedArticle, group: _Group) -> Event:
    """The event of a group: fields from its strongest mentions, every sentence as evidence."""
    ranked = sorted(group.mentions, key=lambda m: tuple(-int(v) for v in m.strength))
    best = ranked[0]
    # The parties of the strongest mention naming its own; the others only add roles.
    named = next(
        (
            m
            for m in ranked
            if m.own_parties
            or (m.sentence.field == "body" and any(p.kind != "country" for p in m.parties))
        ),
        best,
    )
    parties = {party.id: party for party in named.parties}
    # The types of the strongest mention naming some; a sentence read as naming none
    # (`internet access`) gives the event none only when no other sentence of it names one.
    owning = [m for m in ranked if m.own_initiatives]
    typed = next((m for m in owning if m.initiatives), owning[0] if owning else best)
    dated = next((m for m in ranked if m.own_date), best)
    target = next((m.target for m in ranked if m.target is not None), None)
    amounts = {a.text: a for m in ranked for a in m.amounts}
    evidence = [
        Evidence(
            field=m.sentence.field, start=m.sentence.start, end=m.sentence.end, text=m.sentence.text
        )
        for m in ranked
    ]
    return Event(
        article_id=tagged.id,
        number=1,
        stage=group.stage,
        date=dated.date,
        date_basis=dated.date_basis,
        target=target,
        planned=target is not None,
        parties=list(parties.values()),
        initiatives=list(typed.initiatives),
        amounts=list(amounts.values()),
        sources=EventSources(
            parties=named.sources["parties"],
            initiatives=typed.sources["initiatives"],
            date=dated.sources["date"],
        ),
        evidence=evidence,
        field=evidence[0].field,
        start=evidence[0].start,
        end=evidence[0].end,
        text=evidence[0].text,
    )


def _position(event: Event) -> tuple[int, int]:
    first = min(event.evidence, key=lambda e: (e.field != "title", e.start))
    return (first.field != "title", first.start)
