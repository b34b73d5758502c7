"""Forms: the upload of a population, and a case from a candidate. Errors name the field."""

from __future__ import annotations

from typing import Any

from django import forms

from clemency.people.forms import DateInput
from clemency.screenings.eligibility import known_pathway, pathway_choices, unknown_pathway_message


class PathwaysField(forms.MultipleChoiceField):
    """Pathway ids; an unknown one is refused with the closest known ids, not a bare "invalid choice"."""

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        unknown = [pid for pid in value if not known_pathway(pid)]
        if unknown:
            messages = [unknown_pathway_message(pid) for pid in unknown]
            raise forms.ValidationError(messages, code="unknown_pathway")


class ScreeningUploadForm(forms.Form):
    team: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, empty_label=None)  # type: ignore[arg-type]
    file = forms.FileField(
        label="Population file",
        help_text="CSV or Parquet, one row per person: person_id and the rulebook's fact names as columns.",
    )
    as_of = forms.DateField(
        label="As of",
        input_formats=["%Y-%m-%d"],
        widget=DateInput(),
        help_text="The date to decide on, YYYY-MM-DD",
        error_messages={"invalid": "Enter the as-of date as YYYY-MM-DD, e.g. 2026-06-01."},
    )
    pathways = PathwaysField(
        required=False,
        choices=pathway_choices,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Leave empty to screen every pathway of the rulebook.",
    )
    title = forms.CharField(required=False, max_length=200)

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]


class CandidateCaseForm(forms.Form):
    """The candidate's name: a population file identifies people by an id only."""

    given_name = forms.CharField(max_length=120)
    family_name = forms.CharField(max_length=120)
