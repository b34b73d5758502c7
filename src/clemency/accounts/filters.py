"""Filters on record ids shared by every app's filter sets: an id is a whole number the database can hold.

Without bounds, "?person=-3e66" or "?team=99999999999999999999" reaches the database and SQLite raises
OverflowError (a 500). Bounded here, each is a 400 naming the field.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model

# The largest value of a 64-bit signed primary key (PostgreSQL bigint, SQLite INTEGER).
MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A record id: a whole number from 1 to MAX_ID; "1e40", "1.5", "0" and "-3" are clear errors."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class IdChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of record by id that refuses an id out of range before it reaches the database."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not isinstance(value, Model):
            try:
                number = int(str(value))
            except ValueError:
                number = 0
            if not 1 <= number <= MAX_ID:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = IdChoiceField
