from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clemency.deadlines.models import Deadline


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["kind", "date", "time", "time_zone", "title", "source", "notes"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"date": "YYYY-MM-DD"}

    confirm_past = forms.BooleanField(
        required=False,
        label="Already past, and that is right",
        help_text="Asked only for a day that has already gone by.",
    )

    def values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "confirm_past"}


class PastExecutionForm(forms.Form):
    """What happened to an execution date that has gone by without being marked done."""

    outcome = forms.ChoiceField(
        choices=[
            ("stayed", "It was stayed"),
            ("reset", "It was reset to a new date"),
            ("carried_out", "It was carried out"),
        ],
        widget=forms.RadioSelect,
    )
    new_date = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The new date, if it was reset",
    )


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal next to the field it names, or above the form if the form has no such field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
