"""Questions about character spans `[start, end)` answered by bisection, in O(log n).

Tagging and event reading ask, for every match of an article, whether it lies inside a
name, overlaps a taken span, or which sentence holds it. Asked by scanning every span,
each question costs as much as the article is long, and a 1 MB article took 18 s (3 MB:
185 s); asked here, the whole article stays near-linear in its length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

Span = tuple[int, int]


class Spans:
    """A fixed set of spans (they may overlap) that answers containment and overlap."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # _reach[i]: the furthest end of the first i + 1 spans in start order.
        self._reach = list(accumulate((end for _, end in ordered), max))

    def contain(self, start: int, end: int) -> bool:
        """Whether one of the spans holds all of [start, end)."""
        before = bisect_right(self._starts, start)  # spans starting at or before `start`
        return before > 0 and self._reach[before - 1] >= end

    def overlap(self, start: int, end: int) -> bool:
        """Whether one of the spans shares a character with [start, end)."""
        before = bisect_left(self._starts, end)  # spans starting before `end`
        return before > 0 and self._reach[before - 1] > start


def enclosing(spans: Sequence[Span], starts: Sequence[int], position: int) -> Span | None:
    """The span of sorted, disjoint `spans` (`starts` their starts) holding `position`."""
    index = bisect_right(starts, position) - 1
    if index >= 0 and position < spans[index][1]:
        return spans[index]
    return None


def between(starts: Sequence[int], start: int, end: int) -> slice:
    """The slice of items, sorted by their `starts`, that start in [start, end)."""
    return slice(bisect_left(starts, start), bisect_left(starts, end))
