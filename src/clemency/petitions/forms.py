from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clemency.advocacy.models import Office
from clemency.petitions.models import (
    CategoricalAction,
    DecisionOutcome,
    Petition,
    PetitionDecision,
    PetitionStatus,
)
from clemency.screenings.eligibility import clean_pathway_field


class PetitionForm(forms.ModelForm):
    # The shared directory's offices; left empty, the office that decides in the pathway's jurisdiction.
    deciding_office = forms.ModelChoiceField(
        queryset=Office.objects.filter(team__isnull=True, active=True).order_by("jurisdiction", "name"),
        required=False,
        label="Deciding office",
        help_text="From the directory of decision makers; left empty, filled from the pathway",
    )
    deciding_authority = forms.CharField(
        max_length=200,
        required=False,
        help_text="Who decides, in words; left empty, the deciding office's name",
    )

    class Meta:
        model = Petition
        fields = ["pathway", "title", "deciding_office", "deciding_authority", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    # A well-shaped id must also name a pathway of the rulebook (the message lists the closest ids).
    clean_pathway = clean_pathway_field


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


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DecisionForm(forms.ModelForm):
    """The decision on a petition. A grant or a denial is shown back for confirmation before it is
    recorded (the `confirmed` field is set by the confirmation page's button)."""

    custody_status = forms.ChoiceField(
        label="Custody status after the decision",
        required=False,
        help_text="Leave empty to follow the outcome (released after a commutation to time served, "
        "deceased when moot by death, off death row after a commutation); choose to override",
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = PetitionDecision
        fields = [
            "outcome",
            "decided_on",
            "decided_by",
            "decided_by_name",
            "conditions",
            "new_release_date",
            "new_term_days",
            "reprieve_days",
            "warrant",
        ]
        widgets = {
            "decided_on": DATE_INPUT,
            "new_release_date": DATE_INPUT,
            "conditions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, case: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from clemency.accounts.access import privileged_filter
        from clemency.advocacy.selectors import visible_offices
        from clemency.people.models import CustodyStatus

        fields: Any = self.fields
        fields["decided_by"].queryset = (
            visible_offices(user).filter(active=True).order_by("jurisdiction", "name")
        )
        fields["decided_by"].label_from_instance = lambda office: (
            f"{office.name} ({office.get_jurisdiction_display()})"
        )
        fields["warrant"].queryset = case.documents.filter(privileged_filter(user))
        fields["custody_status"].choices = [("", "— follow the outcome —"), *CustodyStatus.choices]
        fields["outcome"].choices = [("", "— choose —"), *DecisionOutcome.choices]

    def service_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("confirmed", None)
        data.pop("custody_status", None)
        data.pop("reason", None)
        return data


class CorrectionForm(DecisionForm):
    reason = forms.CharField(
        label="Why the decision is corrected",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept in the petition's history and the audit log",
    )


class CategoricalActionForm(forms.ModelForm):
    confirmed = forms.BooleanField(
        label="I confirm this action was taken as recorded",
        required=False,
        help_text="Required for a grant or a denial",
    )

    class Meta:
        model = CategoricalAction
        fields = [
            "title",
            "source",
            "outcome",
            "decided_on",
            "decided_by",
            "decided_by_name",
            "conditions",
            "new_release_date",
            "new_term_days",
            "reprieve_days",
        ]
        widgets = {
            "decided_on": DATE_INPUT,
            "new_release_date": DATE_INPUT,
            "conditions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from clemency.advocacy.selectors import visible_offices

        fields: Any = self.fields
        fields["decided_by"].queryset = (
            visible_offices(user).filter(active=True).order_by("jurisdiction", "name")
        )
