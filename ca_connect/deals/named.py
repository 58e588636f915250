"""The named-deals file, DIR/deals.yaml beside entities.yaml: deals a maintainer names.

    deals:
      - id: trans-caspian-fiber        # lowercase, hyphenated; the deal's id everywhere
        name: Trans-Caspian fibre-optic cable
        aliases: [TCFO, Trans-Caspian Fiber Optic]   # names the press uses for it
        parties: [AZ, KZ, azertelecom]  # ISO codes and organisation ids of entities.yaml
        initiatives: [fiber]

Validated with pydantic (unknown keys are errors); an error names the file and line.
The file is optional: without it every deal is found and named by the linker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..dictionary import compose_yaml, read_yaml
from ..errors import DictionaryError
from ..models import EntityDictionary, InitiativeType

FILE_NAME = "deals.yaml"


class NamedDeal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    initiatives: list[InitiativeType] = Field(default_factory=list)


class NamedDeals(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    deals: list[NamedDeal] = Field(default_factory=list)


def deals_path(data_root: Path) -> Path:
    return data_root / FILE_NAME


def load_named_deals(path: Path, dictionary: EntityDictionary | None = None) -> list[NamedDeal]:
    """The named deals of a file ([] when there is none); DictionaryError names file:line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise DictionaryError(f"{path}: cannot read: {error}") from None
    return parse_named_deals(text, str(path), dictionary)


def parse_named_deals(
    text: str, where: str, dictionary: EntityDictionary | None = None
) -> list[NamedDeal]:
    data = read_yaml(text, where)
    # The node tree gives line numbers; the text is valid YAML by now.
    node = compose_yaml(text)
    if data is None:
        return []
    if not isinstance(data, dict):
        raise DictionaryError(f"{where}:1: expected a `deals:` list")
    try:
        named = NamedDeals.model_validate(data).deals
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        line = _line(node, location)
        path = ".".join(str(part) for part in location)
        raise DictionaryError(f"{where}:{line}: {path}: {first['msg']}") from None
    seen: dict[str, int] = {}
    for index, deal in enumerate(named):
        line = _line(node, ("deals", index))
        if deal.id in seen:
            raise DictionaryError(f"{where}:{line}: deal {deal.id!r} is defined twice")
        seen[deal.id] = index
        if dictionary is not None:
            for party in deal.parties:
                if not _known(dictionary, party):
                    raise DictionaryError(
                        f"{where}:{line}: deal {deal.id!r}: unknown party {party!r} "
                        "(use an ISO code or an organisation id of entities.yaml)"
                    )
    return named


def _known(dictionary: EntityDictionary, party: str) -> bool:
    return any(c.code == party for c in dictionary.countries) or any(
        o.id == party for o in dictionary.organizations
    )


def _line(node: Any, location: tuple[Any, ...]) -> int:
    """The 1-based line of the deepest node of `location` that the YAML has."""
    import yaml  # only a deals.yaml with an error reads it (the update imports this module)

    line = node.start_mark.line + 1 if node is not None else 1
    for part in location:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:  # an unknown key: point at the key itself
                child = next((k for k, _ in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line
