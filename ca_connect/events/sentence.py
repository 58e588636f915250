"""A sentence as the event reader gives it: its tag mentions, tokens and the stage cues
that count (`Sentence`, `ReadCue`, `Cue`), and the stage vocabulary they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lazy_pattern import LazyPattern
from ..models import Mention, Stage, TextField
from ..tagging.matcher import Tokens
from .grammar import Grammar

# Progress stages, least advanced first; `plan` and `cancelled` stand apart.
PROGRESS = ("talks", "mou", "agreement", "deployment", "launch")
DEALS = ("talks", "mou", "agreement")
CLAUSE_BREAK = LazyPattern(r"[,;:()\[\]–—]")


def choose_stage(cued: Sequence[str]) -> Stage | None:
    """The stage of a sentence from the stages its cues name, in reading order; None
    without a cue. A halt overrides; else the first cue frames the sentence: a plan cue
    makes a plan, a deal cue the most advanced deal stage cued, a work cue the most
    advanced stage cued.
    """
    if "cancelled" in cued:
        return "cancelled"
    first = next((stage for stage in cued if stage in PROGRESS or stage == "plan"), None)
    if first is None or first == "plan":
        return first  # type: ignore[return-value]
    frame = DEALS if first in DEALS else PROGRESS
    return max((s for s in cued if s in frame), key=PROGRESS.index)  # type: ignore[return-value]


@dataclass(frozen=True)
class Cue:
    """A stage cue found in a sentence: the token ranges [first, last) of its parts."""

    stage: str
    parts: tuple[tuple[int, int], ...]
    passive: bool = False  # a `plan` cue ending in `be`: counts only where it governs

    @property
    def first(self) -> int:
        return self.parts[0][0]

    @property
    def last(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True)
class ReadCue:
    """A cue that counts, with the stage it gives after governing."""

    cue: Cue
    stage: str
    governs: bool  # a plan cue governing another cue (`will be laid`)


@dataclass(frozen=True)
class Sentence:
    field: TextField
    start: int
    end: int
    text: str
    mentions: list[Mention]
    tokens: Tokens
    cues: tuple[ReadCue, ...]  # in reading order
    paragraph: int  # paragraphs are separated by blank lines; the title is paragraph 0
    stage: Stage | None  # what its cues say happened

    @property
    def cued(self) -> tuple[str, ...]:
        return tuple(read.stage for read in self.cues)

    def opens_on(self, grammar: Grammar) -> frozenset[str]:
        """The stages of a cue the sentence opens on (`The talks ...`)."""
        folded = self.tokens[2]
        opening = 1 if folded and folded[0] in grammar.determiners else 0
        return frozenset(read.stage for read in self.cues if read.cue.first == opening)
