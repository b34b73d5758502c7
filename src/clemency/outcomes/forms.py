"""Filters of the public-record pages (the team's results use filtersets.TeamResultsFilterSet)."""

from __future__ import annotations

from django import forms

from clemency.outcomes.public import execution_jurisdictions, exoneration_choices


def _choices(values: list[str], everyone: str) -> list[tuple[str, str]]:
    return [("", everyone), *[(value, value) for value in values]]


class ExecutionFilterForm(forms.Form):
    jurisdiction = forms.ChoiceField(required=False, label="Jurisdiction")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["jurisdiction"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _choices(execution_jurisdictions(), "All jurisdictions")


class ExonerationFilterForm(forms.Form):
    jurisdiction = forms.ChoiceField(required=False, label="State or federal court")
    crime = forms.ChoiceField(required=False, label="Crime")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        places, crimes = exoneration_choices()
        for name, values, everyone in (("jurisdiction", places, "All"), ("crime", crimes, "All crimes")):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = _choices(values, everyone)
