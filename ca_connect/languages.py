"""Languages other than English: the dictionary's `languages:` section and a text's language.

entities.yaml keeps English (the base language) in its main sections and every other
language under `languages: <ISO 639-1 code>:`, keyed by the same ids:

    languages:
      ru:
        countries: {KZ: [Казахстан, РК, Астана, казахстанский]}
        organizations: {kazakhtelecom: [Казахтелеком]}
        initiatives: {fiber: [ВОЛС, оптоволокно]}
        stages: {mou: [меморандум]}
        ignore: {after_demonym: [язык]}

A country's names written in lower case are its adjectives and demonyms (a language
word after one makes it a language: «узбекский язык»). A name listed under several
organisations is shared by them (resolved by the country the text is about).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .lazy_pattern import LazyPattern
from .models import EntityDictionary, IgnoreRules, LanguageOrganization, LanguageVocabulary
from .tokens import match_key

if TYPE_CHECKING:
    import yaml

# Letters of the scripts told apart; a text is Russian when most of its letters are Cyrillic.
# Runs of them: their lengths sum to the letters' count, in far fewer matches.
_CYRILLIC = LazyPattern(r"[\u0400-\u04ff]+")
_LATIN = LazyPattern(r"[A-Za-z\u00c0-\u024f]+")
_SAMPLE = 4000  # characters read to decide: the head of a text is enough


def detect_language(text: str) -> str | None:
    """`ru` when most letters of the text are Cyrillic, `en` when most are Latin, else None.

    Only the two scripts are told apart: a Kazakh or Kyrgyz text in Cyrillic reads as
    `ru`; its front matter `language:` says otherwise when it matters.
    """
    sample = text[:_SAMPLE]
    if not _CYRILLIC.search(sample):  # most texts: no letter to count
        return "en" if _LATIN.search(sample) else None
    cyrillic = sum(map(len, _CYRILLIC.findall(sample)))
    latin = sum(map(len, _LATIN.findall(sample)))
    if not cyrillic and not latin:
        return None
    return "ru" if cyrillic > latin else "en"


def organization_names(entry: list[str] | LanguageOrganization) -> tuple[list[str], list[str]]:
    """(names, shared names) of an organisation's entry in one language."""
    if isinstance(entry, LanguageOrganization):
        return entry.names, entry.shared
    return entry, []


def language_names(dictionary: EntityDictionary) -> Iterator[tuple[str, str, str, str]]:
    """(text, entity, kind, role) of every name, adjective and trigger of every language."""
    for vocabulary in dictionary.languages.values():
        yield from vocabulary_names(vocabulary)


def vocabulary_names(vocabulary: LanguageVocabulary) -> Iterator[tuple[str, str, str, str]]:
    """(text, entity, kind, role) of the names, adjectives and triggers of one language."""
    for code, names in vocabulary.countries.items():
        for name in names:
            yield name, code, "country", "demonym" if name[:1].islower() else "alias"
    owners: dict[tuple[str, ...], set[str]] = {}
    for org_id, entry in vocabulary.organizations.items():
        for name in organization_names(entry)[0]:
            owners.setdefault(match_key(name), set()).add(org_id)
    for org_id, entry in vocabulary.organizations.items():
        names, shared = organization_names(entry)
        for name in names:
            role = "shared" if len(owners[match_key(name)]) > 1 else "alias"
            yield name, org_id, "organization", role
        for name in shared:
            yield name, org_id, "organization", "shared"
    for initiative, triggers in vocabulary.initiatives.items():
        for trigger in triggers:
            yield trigger, initiative, "initiative", "trigger"


def ignore_rules(dictionary: EntityDictionary) -> IgnoreRules:
    """The base ignore rules with every language's rules added to them."""
    rules = dictionary.ignore
    for vocabulary in dictionary.languages.values():
        extra = vocabulary.ignore
        # Both already validated: joined without validating again (model_construct), so
        # that the tagger's first use does not build IgnoreRules's validator.
        rules = IgnoreRules.model_construct(
            names=[*rules.names, *extra.names],
            after_demonym=[*rules.after_demonym, *extra.after_demonym],
            before_language=[*rules.before_language, *extra.before_language],
            followed_by={**rules.followed_by, **extra.followed_by},
            preceded_by={**rules.preceded_by, **extra.preceded_by},
            negations=[*rules.negations, *extra.negations],
            slogan_markers=[*rules.slogan_markers, *extra.slogan_markers],
            topic_markers=[*rules.topic_markers, *extra.topic_markers],
            shared_equipment={**rules.shared_equipment, **extra.shared_equipment},
        )
    return rules


# --- Validation: ids that exist, names that are not another entity's -----------------


def language_problems(
    dictionary: EntityDictionary, node: yaml.Node | None, where: str
) -> Iterator[str]:
    """One message (`file:line: ...`) per id the main sections lack and per name clash."""
    countries = {c.code for c in dictionary.countries}
    organizations = {o.id for o in dictionary.organizations}
    base = _base_owners(dictionary)
    for language, vocabulary in dictionary.languages.items():
        if not re.fullmatch(r"[a-z]{2}", language):
            line = node_line(node, ("languages", language))
            yield f"{where}:{line}: languages: {language!r} is not an ISO 639-1 code (ru, kk ...)"
        for section, ids, known in (
            ("countries", vocabulary.countries, countries),
            ("organizations", vocabulary.organizations, organizations),
        ):
            for entity in ids:
                if entity not in known:
                    line = node_line(node, ("languages", language, section, entity))
                    yield (
                        f"{where}:{line}: languages.{language}.{section}: {entity!r} is not "
                        f"in the main {section} section; key names by an existing id"
                    )
        for text, entity, kind, _role in vocabulary_names(vocabulary):
            key = match_key(text)
            owner = base.get(("trigger", *key) if kind == "initiative" else key)
            if owner is not None and owner != entity:
                section = {"country": "countries", "organization": "organizations"}.get(
                    kind, "initiatives"
                )
                line = node_line(node, ("languages", language, section, entity))
                yield (
                    f"{where}:{line}: languages.{language}.{section}.{entity}: {text!r} is "
                    f"already a name of {owner!r}"
                )


def _base_owners(dictionary: EntityDictionary) -> dict[tuple[str, ...], str]:
    """The entity each name of the main sections belongs to (shared names left out)."""
    owners: dict[tuple[str, ...], str] = {}
    for country in dictionary.countries:
        for name in [country.name, *country.aliases, *country.demonyms, *country.capitals]:
            owners[match_key(name)] = country.code
    for org in dictionary.organizations:
        for name in [org.name, *org.aliases, *(f.name for f in org.former_names)]:
            owners[match_key(name)] = org.id
    for initiative in dictionary.initiatives:
        for trigger in initiative.triggers:
            owners[("trigger", *match_key(trigger))] = initiative.id
    return owners


def node_line(node: yaml.Node | None, path: tuple[str, ...]) -> int | str:
    """The line of the mapping key at the end of `path`, or of the deepest one found."""
    line: int | str = "?"
    for part in path:
        if node is None or node.id != "mapping":
            break
        found = next(((k, v) for k, v in node.value if k.value == part), None)
        if found is None:
            break
        line = found[0].start_mark.line + 1
        node = found[1]
    return line
