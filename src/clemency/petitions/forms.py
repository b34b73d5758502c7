from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clemency.petitions.models import Petition, PetitionStatus
from clemency.screenings.eligibility import clean_pathway_field


class PetitionForm(forms.ModelForm):
    class Meta:
        model = Petition
        fields = ["pathway", "title", "deciding_authority", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    # A well-shaped id must also name a pathway of the rulebook (the message lists the closest ids).
    clean_pathway = clean_pathway_field

    def __init__(self, *args: Any, case: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The pathway is picked, not typed: the case's own jurisdictions' pathways by title (id beside).
        from clemency.screenings.eligibility import case_pathway_choices

        current = self.initial.get("pathway") or (self.instance.pathway if self.instance.pk else "")
        self.fields["pathway"].widget = forms.Select(choices=case_pathway_choices(case, current))
        self.fields["pathway"].help_text = "The case's jurisdictions' pathways; type to search the list."


class MoveForm(forms.Form):
    """Move a petition along its pipeline. The service decides whether the move is allowed."""

    status = forms.ChoiceField(label="Move to", choices=PetitionStatus.choices)
    on = forms.DateField(
        label="On (date it happened)",
        required=False,
        help_text="YYYY-MM-DD; today if left empty",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, petition: Petition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offer only the allowed moves, but accept any status so that a stale page's move reaches
        # the service and is refused with its explanation rather than a bare "invalid choice". No move is
        # preselected: a decision must be chosen, never submitted by accident.
        self.fields["status"].widget.choices = [("", "— choose —"), *petition.next_status_choices()]


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal next to the field it names, or above the form if the form has no such field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
