"""The answer form for one rulebook fact, built from the rulebook's schema (type, values, unit, question).

yes / no / not known for a yes-or-no fact; a date field; a whole number with its unit; check boxes for
a list; plain-language choices for an enumeration. "Not known" is an answer too: the value is None.
"""

from __future__ import annotations

from typing import Any

from django import forms

from clemency.cases.facts import check_value
from clemency.cases.models import FactSource
from clemency.cases.words import value_word
from clemency.law.facts import FACTS, FactError, FactSpec

UNKNOWN = "unknown"


def _value_field(spec: FactSpec) -> forms.Field:
    label = spec.question
    if spec.type == "bool":
        return forms.ChoiceField(
            label=label,
            choices=[("yes", "Yes"), ("no", "No"), (UNKNOWN, "Not known")],
            widget=forms.RadioSelect,
        )
    if spec.type == "date":
        return forms.DateField(
            label=label,
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}),
            help_text="YYYY-MM-DD",
        )
    if spec.type == "int":
        return forms.IntegerField(
            label=label,
            required=False,
            min_value=spec.minimum,
            help_text=f"In {spec.unit}" if spec.unit else "",
        )
    if spec.type == "enum":
        choices = [("", "Not known"), *((value, value_word(value)) for value in spec.values or ())]
        return forms.ChoiceField(label=label, required=False, choices=choices)
    if spec.values:
        return forms.MultipleChoiceField(
            label=label,
            required=False,
            choices=[(value, value_word(value)) for value in spec.values],
            widget=forms.CheckboxSelectMultiple,
        )
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="One per line"
    )


class FactAnswerForm(forms.Form):
    """One question of the rulebook, answered with its source."""

    unknown = forms.BooleanField(required=False, label="Not known")
    source = forms.ChoiceField(choices=FactSource.choices, initial=FactSource.RECORD, label="Source")
    source_detail = forms.CharField(
        required=False,
        max_length=300,
        label="Which document, record or person",
        help_text="e.g. judgment of conviction, p. 2; DOC record; the client, in a letter of 3 May",
    )

    def __init__(self, *args: Any, fact: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if fact not in FACTS:
            raise KeyError(fact)
        self.spec = FACTS[fact]
        self.fields = {"value": _value_field(self.spec), **self.fields}
        if self.spec.type in ("bool", "enum"):
            del self.fields["unknown"]  # "Not known" is one of the choices already

    @property
    def fact(self) -> str:
        return self.spec.name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        raw = data.get("value")
        data["answer"] = None
        if data.get("unknown") or raw == UNKNOWN:
            return data
        if raw is None or raw == "" or raw == []:
            if self.spec.type == "enum":
                return data  # "Not known" is the empty choice
            if "value" not in self.errors:
                self.add_error("value", 'Give an answer, or tick "Not known".')
            return data
        data["answer"] = self._to_fact(raw)
        return data

    def _to_fact(self, raw: Any) -> Any:
        spec = self.spec
        if spec.type == "bool":
            raw = raw == "yes"
        elif spec.type == "list" and isinstance(raw, str):
            raw = [line.strip() for line in raw.splitlines() if line.strip()]
        try:
            return check_value(spec.name, raw)
        except FactError as error:
            self.add_error("value", error.reason)
            return None
