"""The records' empty defaults (models.py): made by Python functions, never by a builtin
whose signature pydantic would parse with the tokenizer as it builds a validator."""

from __future__ import annotations

import inspect

from pydantic import BaseModel

from ca_connect import models


def test_no_record_field_has_a_builtin_default_factory() -> None:
    records = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel
    ]
    assert len(records) > 15
    for record in records:
        for name, field in record.model_fields.items():
            factory = field.default_factory
            if factory is not None:
                assert not inspect.isbuiltin(factory) and factory not in (list, dict), name


def test_each_record_gets_an_empty_default_of_its_own() -> None:
    one, other = models.Event.model_construct(), models.Event.model_construct()
    assert one.parties == [] and one.parties is not other.parties
