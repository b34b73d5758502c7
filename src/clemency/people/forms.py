from __future__ import annotations

from typing import Any

from django import forms

from clemency.cases.jurisdictions import JURISDICTION_CHOICES
from clemency.people.models import ContactLog, Person

DOC_STATE_CHOICES = [("", "—")] + [(code, name) for code, name in JURISDICTION_CHOICES if code != "federal"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class AliasesField(forms.CharField):
    """Aliases typed one per line, kept as a list."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class PersonForm(forms.ModelForm):
    aliases = AliasesField(required=False, help_text="One name per line")
    state_doc_jurisdiction = forms.ChoiceField(label="DOC state", choices=DOC_STATE_CHOICES, required=False)

    class Meta:
        model = Person
        fields = [
            "given_name",
            "family_name",
            "aliases",
            "birth_date",
            "bop_register_number",
            "state_doc_number",
            "state_doc_jurisdiction",
            "facility",
            "custody_status",
            "legal_mail_address",
            "phone_instructions",
        ]
        widgets = {
            "birth_date": DateInput(),
            "legal_mail_address": forms.Textarea(attrs={"rows": 3}),
            "phone_instructions": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, teams: Any = None, **kwargs: Any) -> None:
        """`teams`: the teams a new person may be added to (a choice appears only if there are several)."""
        super().__init__(*args, **kwargs)
        if teams is not None:
            if len(teams) == 1:
                self.instance.team = teams[0]
            else:
                self.fields = {
                    "team": forms.ModelChoiceField(
                        queryset=teams[0].__class__.objects.filter(pk__in=[t.pk for t in teams]),
                        empty_label=None,
                    ),
                    **self.fields,
                }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("team") is not None:
            self.instance.team = cleaned["team"]
        return cleaned

    def validate_unique(self) -> None:
        super().validate_unique()
        # Duplicate identifiers get their error on the field, before the service refuses them.
        if self.instance.team_id:
            from django.core.exceptions import ValidationError

            from clemency.people.services import check_identifiers

            try:
                check_identifiers(self.instance)
            except ValidationError as error:
                self.add_error(None, error)

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ContactLogForm(forms.ModelForm):
    class Meta:
        model = ContactLog
        fields = ["occurred_on", "kind", "summary"]
        widgets = {"occurred_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 3})}
