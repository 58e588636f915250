"""What the other deals an undated article tells know of when it was written: each
deal's dating context (`dating_contexts`), read by status.build_deal. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..models import Event
from .dating import NOTHING_ELSE, Anchors, Elsewhere
from .model import ArticleFacts, DealGroup

# A deal of more dated events than this is a hub: the deals sharing an undated article
# with it read its dated events through one dating.Anchors (`dating_contexts`).
HUB_FROM = 100
ASKED_UP_TO = 32  # (stage, organisation) pairs a deal asks of a hub's ranked lists, at most


def dating_contexts(
    groups: Sequence[DealGroup], facts: Mapping[str, ArticleFacts]
) -> list[Elsewhere]:
    """For each group, what the other deals an undated article of it tells know of when
    it was written (`build_deal`'s context): that article's events there, and their
    dated events of a stage and organisation it reports too (dating.py's anchors). An
    article is written once, and any deal it tells may date it. Each other deal is
    indexed once (`_GroupIndex`), its dated events ranked once per key for every deal
    reading them: a hub deal of thousands of events is not read again for every small
    deal sharing an undated article with it."""
    holders: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for article, _ in group.events:
            if facts[article].date is None:
                holders[article].add(index)
    if not holders:
        return [NOTHING_ELSE for _ in groups]
    told = {article: _stage_orgs(facts[article].events) for article in holders}
    indexes: dict[int, _GroupIndex] = {}
    contexts = []
    for index, group in enumerate(groups):
        undated = {article for article, _ in group.events if article in holders}
        if not undated:
            contexts.append(NOTHING_ELSE)
            continue
        wanted = frozenset().union(*(told[article] for article in undated))
        # A deal asking few (stage, organisation) pairs reads a hub's ranked lists of
        # them; one asking many (a hub itself, built once) reads the hub's events.
        few = len(wanted) <= ASKED_UP_TO
        refs = set(group.events)
        events: list[Event] = []
        anchors = []
        for other in sorted({o for article in undated for o in holders[article]} - {index}):
            if other not in indexes:
                indexes[other] = _GroupIndex(groups[other], facts)
            hub = indexes[other].anchors() if few else None
            events += indexes[other].context(undated, wanted, refs, hub is not None)
            if hub is not None:
                anchors.append(hub)
        contexts.append(Elsewhere(events, anchors, wanted))
    return contexts


class _GroupIndex:
    """A deal's events by undated article and, for its dated events of dated articles,
    by (stage, organisation), or, for a hub deal (more than HUB_FROM of them), as
    dating.Anchors: what `dating_contexts` takes of it."""

    def __init__(self, group: DealGroup, facts: Mapping[str, ArticleFacts]) -> None:
        self.events: list[Event] = []
        self.by_article: dict[str, list[int]] = defaultdict(list)
        self.by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.dated: dict[tuple[str, int], int] = {}
        numbered = {}
        for position, (article, number) in enumerate(group.events):
            if article not in numbered:
                numbered[article] = {e.number: e for e in facts[article].events}
            event = numbered[article][number]
            self.events.append(event)
            if facts[article].date is None:
                self.by_article[article].append(position)
            elif event.date is not None:
                self.dated[(article, number)] = position
                for pair in _stage_orgs([event]):
                    self.by_pair[pair].append(position)
        self._anchors: Anchors | None = None

    def anchors(self) -> Anchors | None:
        """Its dated events of dated articles as dating.Anchors, if it is a hub."""
        if self._anchors is None and len(self.dated) > HUB_FROM:
            self._anchors = Anchors(self.events[p] for p in self.dated.values())
        return self._anchors

    def context(
        self,
        undated: set[str],
        wanted: frozenset[tuple[str, str]],
        refs: set[tuple[str, int]],
        anchored: bool = False,
    ) -> list[Event]:
        """Its events of the articles `undated`, and its dated events of dated articles
        reporting a (stage, organisation) of `wanted`, in its order; if `anchored`, of
        the latter only those that are events `refs` of the deal reading it too (it
        reads the others through `anchors`)."""
        positions: set[int] = set()
        for article in undated:
            positions.update(self.by_article.get(article, ()))
        if not anchored:
            for pair in wanted:
                positions.update(self.by_pair.get(pair, ()))
        else:
            for ref in refs:
                position = self.dated.get(ref)
                if position is not None and _stage_orgs([self.events[position]]) & wanted:
                    positions.add(position)
        return [self.events[position] for position in sorted(positions)]


def _stage_orgs(events: Iterable[Event]) -> set[tuple[str, str]]:
    return {(e.stage, p.id) for e in events for p in e.parties if p.kind != "country"}
