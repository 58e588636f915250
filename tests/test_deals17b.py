"""Session 17's history vocabularies and aside dating (helper deals17b; docs/deals.md)."""

from __future__ import annotations

import pytest

from ca_connect.deals.story import aside_step
from ca_connect.models import PartialDate

JULY = PartialDate.parse("2025-07-01")


@pytest.mark.parametrize(
    ("sentence", "stage", "date"),
    [
        ("In February the holding sealed the deal with the operator.", "agreement", "2025-02"),
        ("В феврале холдинг заключил сделку с оператором.", "agreement", "2025-02"),
        ("In March, the two carriers agreed on the transit tariffs.", "agreement", "2025-03"),
        ("Холдинг в апреле согласовал трассу кабеля.", "agreement", "2025-04"),
        ("Last autumn the grant agreement was signed.", "agreement", "2024"),
        ("В мае монтаж мачт возобновлен.", "deployment", "2025-05"),
    ],
)
def test_an_aside_reads_a_date_set_before_its_verb_in_its_clause(sentence, stage, date):
    """A date set before the verb, in the verb's clause, dates the step, as the event
    reader reads one anywhere in its sentence."""
    found = aside_step(sentence, JULY)
    assert found is not None
    assert (found[0], str(found[1])) == (stage, date)


def test_an_aside_does_not_read_the_date_of_an_earlier_clause():
    """A date of another clause (`bought … in 2024, and …`) is not the step's."""
    found = aside_step("Orbita bought the site in 2024, and a contract was signed.", JULY)
    assert found is None or found[1] is None or str(found[1]) != "2024"
