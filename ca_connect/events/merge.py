"""Mentions -> events: the mentions of one real-world event become one event.

Rules in README "Deal events" (One event, many sentences).
"""

from __future__ import annotations

from ..models import Event, EventSources, Evidence, Party, TaggedArticle
from .mentions import EventMention
from .reader import DEALS

# A plan this many sentences after an agreement, with no target of its own and no party
# beyond the agreement's, says what the agreement will do: it is part of it.
_ELABORATION_REACH = 3


class _Group:
    """The mentions of one event, in reading order."""

    def __init__(self, mention: EventMention) -> None:
        self.mentions = [mention]

    @property
    def stage(self) -> str:
        return self.mentions[0].stage

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    def add(self, mention: EventMention) -> None:
        self.mentions.append(mention)


def merge_mentions(tagged: TaggedArticle, mentions: list[EventMention]) -> list[Event]:
    """One event per group of mentions reporting the same real-world event."""
    groups: list[_Group] = []
    for mention in mentions:
        group = _home(groups, mention)
        if group is None:
            groups.append(_Group(mention))
        else:
            group.add(mention)
    events = [_event(tagged, group) for group in groups]
    events.sort(key=lambda event: _position(event))
    return [event.model_copy(update={"number": number}) for number, event in enumerate(events, 1)]


def _home(groups: list[_Group], mention: EventMention) -> _Group | None:
    """The earlier event a mention reports again, if any."""
    if mention.item and groups:
        return groups[-1]  # a list item elaborates the event just told
    for group in reversed(groups):
        if _same_event(group, mention):
            return group
    if mention.stage == "plan" and mention.target is None:
        for group in reversed(groups):
            if _elaborates(group, mention):
                return group
    return None


def _same_event(group: _Group, mention: EventMention) -> bool:
    """Same stage, compatible types, parties and dates, and either a repeat (the title,
    a sentence referring back) or a deal stage told again of the same parties."""
    if group.stage != mention.stage or not _compatible_types(group, mention):
        return False
    if mention.refers_back:
        return True  # `The talks took place ...`: the nearest event of its stage
    if not _compatible_parties(group, mention):
        return False
    dates = [m.date for m in group.mentions if m.own_date]
    if mention.own_date and dates and all(str(d) != str(mention.date) for d in dates):
        return False
    if mention.repeats or all(m.sentence.field == "title" for m in group.mentions):
        return True  # told again, or the title's event told in the body
    if mention.stage in (*DEALS, "launch", "cancelled"):
        return _shares_a_named_party(group, mention) or not mention.own_parties
    if mention.stage == "plan" and _shares_a_named_organisation(group, mention):
        targets = {str(m.target) for m in (*group.mentions, mention) if m.target is not None}
        return len(targets) <= 1  # the same organisation's plan, told again
    return not mention.own_parties and not mention.own_initiatives


def _elaborates(group: _Group, mention: EventMention) -> bool:
    """A plan telling what an agreement or memorandum just reported will do."""
    if group.stage not in ("mou", "agreement"):
        return False
    if mention.order - group.mentions[-1].order > _ELABORATION_REACH:
        return False
    ids = {party.id for m in group.mentions for party in m.parties}
    return mention.own_parties <= ids and _compatible_types(group, mention)


def _compatible_types(group: _Group, mention: EventMention) -> bool:
    if not mention.initiatives:
        return True
    types = {t for m in group.mentions for t in m.initiatives}
    return not types or bool(types & set(mention.initiatives))


def _compatible_parties(group: _Group, mention: EventMention) -> bool:
    """Named organisations, if both sides name some, overlap; so do named countries."""
    for kind in ("organization", "country"):
        mine = {p.id for p in mention.parties if _kind(p) == kind and p.id in mention.own_parties}
        theirs = {
            p.id
            for m in group.mentions
            for p in m.parties
            if _kind(p) == kind and p.id in m.own_parties
        }
        if mine and theirs and not mine & theirs:
            return False
    return True


def _shares_a_named_party(group: _Group, mention: EventMention) -> bool:
    named = {pid for m in group.mentions for pid in m.own_parties}
    return bool(named & mention.own_parties)


def _shares_a_named_organisation(group: _Group, mention: EventMention) -> bool:
    named = {
        p.id
        for m in group.mentions
        for p in m.parties
        if p.kind != "country" and p.id in m.own_parties
    }
    return bool(
        named & {p.id for p in mention.parties if p.kind != "country"} & mention.own_parties
    )


def _kind(party: Party) -> str:
    return "country" if party.kind == "country" else "organization"


def _event(tagged: TaggedArticle, group: _Group) -> Event:
    """The event of a group: fields from its strongest mentions, every sentence as evidence."""
    ranked = sorted(group.mentions, key=lambda m: tuple(-int(v) for v in m.strength))
    best = ranked[0]
    # The parties of the strongest mention naming its own; the others only add roles.
    named = next((m for m in ranked if m.own_parties), best)
    parties = {party.id: party for party in named.parties}
    initiatives = next((m for m in ranked if m.own_initiatives), best).initiatives
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
        initiatives=list(initiatives),
        amounts=list(amounts.values()),
        sources=EventSources(
            parties=named.sources["parties"],
            initiatives=next((m for m in ranked if m.own_initiatives), best).sources["initiatives"],
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
