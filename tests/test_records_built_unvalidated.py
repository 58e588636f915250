"""Records the analysis builds from values it has already checked skip pydantic's
validation (model_construct), so that a command reading one added article does not
build their validators: each must equal what validation makes of the same values."""

from __future__ import annotations

from pathlib import Path

from ca_connect.dates.patterns import _make_date
from ca_connect.deals.steps import Cue
from ca_connect.dictionary import load_dictionary
from ca_connect.languages import ignore_rules
from ca_connect.lazy_pattern import every_pattern
from ca_connect.models import IgnoreRules, PartialDate

PROJECT = Path(__file__).resolve().parent.parent


def _same(built: PartialDate | IgnoreRules, validated: PartialDate | IgnoreRules) -> None:
    assert built == validated
    assert built.model_fields_set == validated.model_fields_set
    for name in type(validated).model_fields:
        assert type(getattr(built, name)) is type(getattr(validated, name)), name
    assert built.model_dump() == validated.model_dump()


def test_a_read_date_is_the_validated_date() -> None:
    for year in (1990, 2000, 2024, 2025):
        for month in (None, *range(1, 13)):
            for day in (None, 1, 28, 29, 30, 31):
                built = _make_date(year, month, day)
                if built is None:
                    continue
                _same(built, PartialDate(year=year, month=month, day=day))


def test_an_impossible_date_is_none_as_validation_would_refuse_it() -> None:
    assert _make_date(2025, 2, 29) is None
    assert _make_date(2024, 4, 31) is None
    assert _make_date(2025, None, 3) is None
    assert _make_date(2025, 13) is None
    assert _make_date(12345, bounded=False) is None


def test_the_joined_ignore_rules_are_the_validated_rules() -> None:
    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    built = ignore_rules(dictionary)
    assert dictionary.languages  # the rules of at least one language are joined
    _same(built, IgnoreRules.model_validate(built.model_dump()))


def test_a_cue_pattern_is_stored_with_the_others() -> None:
    cue = Cue(r"\bput off\b", words=("put off",))
    assert (cue.pattern, int(cue.flags)) in every_pattern()
    assert cue.search("The launch was put off again.") is not None
    assert cue.search("The launch went ahead.") is None
