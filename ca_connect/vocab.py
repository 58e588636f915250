"""The words every layer shares: deal stages, initiative types, the Central Asian
countries, and what a command asks for (Filters). Standard library only, and nothing
of caconnect: every other module may import it, and the read path stays light.

The stages and initiative types are `Literal` types, which the models validate with, and
tuples of the same values, which the rest iterates over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from .models import PartialDate

# Each vocabulary once: the `Literal` types validate the models; the tuples are their values.
Stage = Literal["talks", "mou", "agreement", "deployment", "launch", "plan", "cancelled"]
InitiativeType = Literal[
    "fiber",
    "5g",
    "mobile",
    "satellite",
    "cybersecurity",
    "data-center",
    "e-government",
    "ixp",
    "ai",
    "smart-city",
]
STAGES: tuple[str, ...] = get_args(Stage)
INITIATIVE_TYPES: tuple[str, ...] = get_args(InitiativeType)
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
# A deal's status: the stages, and `stalled` (no news for a while).
DealStatus = Literal[Stage, "stalled"]
DEAL_STATUSES: tuple[str, ...] = get_args(DealStatus)


@dataclass(frozen=True)
class Filters:
    """What a command asks for.

    Values within one option are alternatives (OR); different options combine (AND).
    Dates keep articles and events whose date can fall inside [since, until].
    """

    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    since: PartialDate | None = None
    until: PartialDate | None = None
    text: str | None = None
    # Event filters: stages, and partners (country codes or organisation ids) that a
    # Central Asian country deals with. An article passes when one of its events does.
    stages: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639-1 codes of the article's language

    def __post_init__(self) -> None:
        for name in (
            "countries",
            "organizations",
            "initiatives",
            "stages",
            "partners",
            "languages",
        ):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def is_empty(self) -> bool:
        return self == Filters()
