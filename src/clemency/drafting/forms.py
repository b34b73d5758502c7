"""Forms for the drafting pages: which template, which variant and format; which exhibits, in what order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clemency.drafting.models import OutputFormat, Variant
from clemency.drafting.services import ExhibitChoice


class GenerateForm(forms.Form):
    template = forms.ChoiceField(widget=forms.RadioSelect)
    variant = forms.ChoiceField(choices=Variant.choices, initial=Variant.PREVIEW, widget=forms.RadioSelect)
    format = forms.ChoiceField(
        choices=OutputFormat.choices, initial=OutputFormat.DOCX, widget=forms.RadioSelect
    )
    redacted = forms.BooleanField(
        required=False,
        label="Redacted public copy",
        help_text="Dates of birth, identifiers, addresses and victims' names replaced by [REDACTED]",
    )

    def __init__(self, *args: Any, templates: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["template"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = list(templates)
        if len(templates) == 1:
            field.initial = templates[0][0]


class BundleForm(forms.Form):
    """The case's readable uploads as rows: include it, its place in the order, public or not."""

    title = forms.CharField(max_length=200, initial="Exhibits")
    bates_prefix = forms.CharField(
        max_length=40,
        required=False,
        label="Bates prefix",
        help_text="e.g. LSC-0117- (letters, digits, . - _)",
    )
    redacted = forms.BooleanField(
        required=False,
        label="Redacted public copy",
        help_text="Only exhibits marked public are included; uploads are never altered",
    )

    def __init__(self, *args: Any, documents: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.documents = list(documents)
        for index, document in enumerate(self.documents, start=1):
            self.fields[f"include_{document.pk}"] = forms.BooleanField(
                required=False, label=f"Include “{document.title}”"
            )
            self.fields[f"order_{document.pk}"] = forms.IntegerField(
                required=False,
                min_value=1,
                max_value=999,
                initial=index,
                label=f"Order of “{document.title}”",
            )
            self.fields[f"public_{document.pk}"] = forms.BooleanField(
                required=False, label=f"“{document.title}” is public", disabled=document.privileged
            )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "document": d,
                "include": self[f"include_{d.pk}"],
                "order": self[f"order_{d.pk}"],
                "public": self[f"public_{d.pk}"],
            }
            for d in self.documents
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = []
        for index, document in enumerate(self.documents):
            if not data.get(f"include_{document.pk}"):
                continue
            order = data.get(f"order_{document.pk}")
            chosen.append(((order if order is not None else 10_000 + index), index, document))
        chosen.sort(key=lambda item: (item[0], item[1]))
        data["exhibits"] = [
            ExhibitChoice(document, public=bool(data.get(f"public_{document.pk}")))
            for _, _, document in chosen
        ]
        if not chosen:
            raise ValidationError("Exhibits: tick “Include” for at least one document.")
        return data
