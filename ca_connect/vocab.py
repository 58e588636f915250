"""The words every layer shares: deal stages, initiative types, the Central Asian
countries, and what a command asks for (Filters). Standard library only, and nothing
of caconnect: every other module may import it, and the read path stays light.

`models` keeps the same vocabularies as pydantic `Literal` types for validation;
tests/test_layout.py checks that both say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import PartialDate

STAGES = ("talks", "mou", "agreement", "deployment", "launch", "plan", "cancelled")
INITIATIVE_TYPES = (
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
)
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
# A deal's status (deals.model.Status): the stages, and `stalled` (no news for a while).
DEAL_STATUSES = (*STAGES, "stalled")


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
