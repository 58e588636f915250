"""entities.yaml -> a validated EntityDictionary. Errors name the file, the entry and the line."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DictionaryError, UsageError
from .loader import first_yaml_reference
from .tokens import match_key, phrase_key

if TYPE_CHECKING:  # yaml and the models load with a dictionary, not with a look-up
    import yaml

    from .models import Country, EntityDictionary, Initiative, Organization

_SECTIONS = ("countries", "organizations", "initiatives", "stages")


@dataclass(frozen=True)
class Surface:
    """One name an entity goes by in text, and what kind of name it is."""

    text: str
    entity: str  # ISO code, organisation id or initiative id
    kind: str  # country | organization | initiative
    role: str  # name, alias, demonym, capital, former, shared, trigger


def load_dictionary(path: Path) -> EntityDictionary:
    """Read and validate an entity dictionary; raise DictionaryError on the first problem.

    A dictionary already validated is read from the cache (`cache_dir()`), keyed by the
    file's content and the schema's code, so loading costs a single parse only once.
    """
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise DictionaryError(f"{path}: no entity dictionary here (use --data DIR)") from None
    except OSError as error:
        raise DictionaryError(f"{path}: cannot read: {error}") from None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DictionaryError(f"{path}: cannot read: {error}") from None
    if text in _PARSED:
        _remember(text, _PARSED[text])
        return _PARSED[text]
    cached = _cache_file(content)
    dictionary = _read_cache(cached)
    if dictionary is None:
        dictionary = parse_dictionary(text, str(path))
        _write_cache(cached, dictionary)
    _remember(text, dictionary)
    return dictionary


def cache_dir() -> Path:
    """Where validated dictionaries are kept: $CACONNECT_CACHE, else the user's cache folder."""
    if os.environ.get("CACONNECT_CACHE"):
        return Path(os.environ["CACONNECT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "caconnect"


def _cache_file(content: bytes) -> Path:
    from . import languages, models

    digest = hashlib.sha256(content)
    # A new schema or validation rule makes old cached dictionaries stale.
    for module in (models.__file__, languages.__file__, __file__):
        digest.update(Path(module).read_bytes())
    return cache_dir() / "dictionaries" / f"{digest.hexdigest()[:32]}.pickle"


def _read_cache(cached: Path) -> EntityDictionary | None:
    from .models import EntityDictionary

    try:
        with cached.open("rb") as file:
            dictionary = pickle.load(file)  # our own file, written below from a valid dictionary
    except Exception:  # absent, unreadable or from another version: parse the YAML instead
        return None
    return dictionary if isinstance(dictionary, EntityDictionary) else None


def _write_cache(cached: Path, dictionary: EntityDictionary) -> None:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(dictionary, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, cached)  # readers see the whole file or none
    except OSError:  # a read-only home: every load parses the YAML, nothing else changes
        pass


_PARSED: dict[str, EntityDictionary] = {}  # text -> its dictionary: see parse_dictionary
_PARSED_KEEP = 4


def parse_dictionary(text: str, where: str) -> EntityDictionary:
    """Validate a dictionary's text (`where` names it in errors). The same text gives the
    same (frozen) object for the life of the process: a parse takes ~0.2 s, and compiled
    taggers are kept per dictionary object.
    """
    found = _PARSED.get(text)
    if found is None:
        found = _parse(text, where)
    _remember(text, found)
    return found


def _remember(text: str, dictionary: EntityDictionary) -> None:
    # The least recently used goes: a process switching among a few small dictionaries
    # (a test session, a maintainer's script) keeps the big one and its compiled tagger.
    _PARSED.pop(text, None)
    if len(_PARSED) >= _PARSED_KEEP:
        del _PARSED[next(iter(_PARSED))]
    _PARSED[text] = dictionary


def read_yaml(text: str, where: str) -> Any:
    """The data of a maintainer's YAML file (the dictionary, the named deals): bad YAML and
    anchors or aliases are one DictionaryError line naming `where` and the line."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is 6x faster
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise DictionaryError(f"{where}{line}: {problem}") from None
    reference = first_yaml_reference(text)
    if reference is not None:  # a few hundred bytes of them expand to gigabytes
        raise DictionaryError(
            f"{where}:{reference + 1}: YAML anchors and aliases (&name, *name) are not allowed; "
            "write each value out"
        )
    return data


def _parse(text: str, where: str) -> EntityDictionary:
    from pydantic import ValidationError

    from .languages import language_problems, node_line
    from .models import EntityDictionary

    data = read_yaml(text, where)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DictionaryError(f"{where}:1: expected the sections {', '.join(_SECTIONS)}, ignore")
    try:
        dictionary = EntityDictionary.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        node = compose_yaml(text)
        if first["loc"][:1] == ("languages",):
            path = ".".join(str(part) for part in first["loc"])
            line = node_line(node, tuple(str(part) for part in first["loc"]))
            raise DictionaryError(f"{where}:{line}: {path}: {first['msg']}") from None
        lines = _entry_lines(node)
        raise DictionaryError(_describe(where, data, lines, first["loc"], first["msg"])) from None
    # Line numbers need a second parse (the node tree): only when there is an error.
    if next(language_problems(dictionary, None, where), None) is not None:
        for message in language_problems(dictionary, compose_yaml(text), where):
            raise DictionaryError(message)
    for problem, section, index in _problems(dictionary):
        entry = _entry_name(data, section, index)
        line = _entry_lines(compose_yaml(text)).get((section, index), "?")
        raise DictionaryError(f"{where}:{line}: {section} entry {entry}: {problem}")
    return dictionary


def surfaces(dictionary: EntityDictionary) -> Iterator[Surface]:
    """Every name of every entity (countries, organisations, initiative triggers), in
    English and in every language of the `languages:` section."""
    from .languages import language_names

    for country in dictionary.countries:
        yield Surface(country.name, country.code, "country", "name")
        for role, names in (
            ("alias", country.aliases),
            ("demonym", country.demonyms),
            ("capital", country.capitals),
        ):
            for name in names:
                yield Surface(name, country.code, "country", role)
        for former in country.former_names:
            yield Surface(former.name, country.code, "country", "former")
    for org in dictionary.organizations:
        yield Surface(org.name, org.id, "organization", "name")
        for name in org.aliases:
            yield Surface(name, org.id, "organization", "alias")
        for former in org.former_names:
            yield Surface(former.name, org.id, "organization", "former")
        for name in org.shared_aliases:
            yield Surface(name, org.id, "organization", "shared")
    for initiative in dictionary.initiatives:
        for trigger in initiative.triggers:
            yield Surface(trigger, initiative.id, "initiative", "trigger")
    for text, entity, kind, role in language_names(dictionary):
        yield Surface(text, entity, kind, role)


def _problems(dictionary: EntityDictionary) -> Iterator[tuple[str, str, int]]:
    import pycountry  # only when a dictionary is validated: it loads ISO data

    for index, country in enumerate(dictionary.countries):
        if pycountry.countries.get(alpha_2=country.code) is None:
            yield f"unknown ISO 3166-1 alpha-2 code {country.code!r}", "countries", index
    for index, org in enumerate(dictionary.organizations):
        if org.country and pycountry.countries.get(alpha_2=org.country) is None:
            yield f"unknown ISO 3166-1 alpha-2 code {org.country!r}", "organizations", index
    for section, ids in (
        ("countries", [c.code for c in dictionary.countries]),
        ("organizations", [o.id for o in dictionary.organizations]),
        ("initiatives", [i.id for i in dictionary.initiatives]),
        ("stages", [s.id for s in dictionary.stages]),
    ):
        seen: set[str] = set()
        for index, entity_id in enumerate(ids):
            if entity_id in seen:
                yield f"{entity_id!r} is defined twice", section, index
            seen.add(entity_id)
    yield from _alias_problems(dictionary)


def _alias_problems(dictionary: EntityDictionary) -> Iterator[tuple[str, str, int]]:
    position = _positions(dictionary)
    owners: dict[tuple[str, ...], Surface] = {}
    shared: dict[tuple[str, ...], Surface] = {}
    for surface in surfaces(dictionary):
        section, index = position[(surface.kind, surface.entity)]
        # An all-capitals alias matches only as written (`IDA` is not `IDDA`): no folding.
        caps = surface.text.isupper() and sum(c.isalpha() for c in surface.text) >= 2
        key = phrase_key(surface.text) if caps else match_key(surface.text)
        if not key:
            yield f"empty {surface.role} {surface.text!r}", section, index
            continue
        # Triggers and names live apart: `Smart City` may be a trigger and part of a name.
        namespace = ("trigger",) if surface.kind == "initiative" else ()
        key = namespace + key
        table = shared if surface.role == "shared" else owners
        other_table = owners if surface.role == "shared" else shared
        clash = other_table.get(key)
        if clash is None and surface.role != "shared":
            clash = owners.get(key)
        if clash is not None and clash.entity != surface.entity:
            yield (
                f"{surface.text!r} is also a name of {clash.entity!r}; an alias may belong to one "
                "entity only (list it under shared_aliases of each organisation if it really is "
                "shared)",
                section,
                index,
            )
        table.setdefault(key, surface)


def _positions(dictionary: EntityDictionary) -> dict[tuple[str, str], tuple[str, int]]:
    position: dict[tuple[str, str], tuple[str, int]] = {}
    for index, country in enumerate(dictionary.countries):
        position[("country", country.code)] = ("countries", index)
    for index, org in enumerate(dictionary.organizations):
        position[("organization", org.id)] = ("organizations", index)
    for index, initiative in enumerate(dictionary.initiatives):
        position[("initiative", initiative.id)] = ("initiatives", index)
    return position


def compose_yaml(text: str) -> yaml.Node | None:
    """The YAML node tree of a maintainer's file (valid YAML), for the lines of its entries."""
    import yaml

    return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _entry_lines(node: yaml.Node | None) -> dict[tuple[str, int], int]:
    """The line of each entry of the main sections."""
    import yaml

    lines: dict[tuple[str, int], int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[(key_node.value, index)] = item.start_mark.line + 1
        else:
            lines[(key_node.value, -1)] = value_node.start_mark.line + 1
    return lines


def _entry_name(data: dict[str, Any], section: str, index: int) -> str:
    try:
        entry = data[section][index]
    except (KeyError, IndexError, TypeError):
        return f"#{index + 1}"
    if isinstance(entry, dict):
        for key in ("id", "code", "name"):
            if key in entry:
                return f"{entry[key]!r}"
    return f"#{index + 1}"


def _describe(where: str, data: dict[str, Any], lines: dict, loc: tuple, message: str) -> str:
    section = str(loc[0]) if loc else "?"
    if len(loc) >= 2 and isinstance(loc[1], int):
        index = loc[1]
        field = ".".join(str(part) for part in loc[2:]) or "entry"
        entry = _entry_name(data, section, index)
        line = lines.get((section, index), "?")
        return f"{where}:{line}: {section} entry {entry}: {field}: {message}"
    line = lines.get((section, -1), 1)
    field = ".".join(str(part) for part in loc)
    return f"{where}:{line}: {field}: {message}"


# --- Look-ups for command options -------------------------------------------------


def find_country(dictionary: EntityDictionary, text: str) -> Country:
    """A country by ISO code or any of its names, in any case; UsageError if none."""
    wanted = text.strip()
    for country in dictionary.countries:
        if country.code == wanted.upper():
            return country
    key = match_key(wanted)
    for country in dictionary.countries:
        names = [country.name, *country.aliases, *country.demonyms]
        names += [former.name for former in country.former_names]
        if any(match_key(name) == key for name in names):
            return country
    raise UsageError(
        f"unknown country {text!r}: use an ISO 3166-1 alpha-2 code or a name "
        "(e.g. TM, Turkmenistan)"
    )


def find_organization(dictionary: EntityDictionary, text: str) -> Organization:
    """An organisation by id or any of its names, in any case; UsageError if none."""
    wanted = text.strip()
    for org in dictionary.organizations:
        if org.id == wanted.lower():
            return org
    key = match_key(wanted)
    matches = [
        org
        for org in dictionary.organizations
        if any(
            match_key(name) == key
            for name in [org.name, *org.aliases, *(f.name for f in org.former_names)]
        )
    ]
    if len(matches) == 1:
        return matches[0]
    raise UsageError(
        f"unknown organisation {text!r}: use an id or a name from "
        "`caconnect entities --kind organization`"
    )


def find_initiative(dictionary: EntityDictionary, text: str) -> Initiative:
    """An initiative type by id or name; UsageError if none."""
    wanted = text.strip().lower()
    for initiative in dictionary.initiatives:
        if wanted in (initiative.id, initiative.name.lower()):
            return initiative
    known = ", ".join(i.id for i in dictionary.initiatives)
    raise UsageError(f"unknown initiative type {text!r}: use one of {known}")
