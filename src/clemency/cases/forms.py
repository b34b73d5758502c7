from __future__ import annotations

from typing import Any

from django import forms

from clemency.accounts.models import Team, User
from clemency.cases.models import (
    CASE_TRANSITIONS,
    Case,
    CaseStatus,
    Charge,
    Conviction,
    Note,
    Party,
    Sentence,
    SentenceType,
)
from clemency.people.forms import DateInput

SENTENCE_CHOICES = [("", "No sentence recorded yet"), *SentenceType.choices]


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["person", "title", "source", "priority", "summary", "opened_on"]
        widgets = {"opened_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 3})}

    OPENED = "opened_"

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if people is None:  # editing: the person of a case does not change
            del self.fields["person"]
            # The values the page showed, sent back with the edit: a field changed meanwhile by someone
            # else is then a conflict the service names, never silently overwritten.
            from clemency.cases.services import as_text

            for name in self._meta.fields or []:
                if name != "person":
                    self.fields[self.OPENED + name] = forms.CharField(
                        required=False, widget=forms.HiddenInput,
                        initial=as_text(getattr(self.instance, name, None)), strip=False)
        else:
            self.fields["person"].queryset = people  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items()
                if name != "person" and not name.startswith(self.OPENED)}

    def opened_with(self) -> dict[str, str] | None:
        opened = {name[len(self.OPENED):]: value for name, value in self.cleaned_data.items()
                  if name.startswith(self.OPENED) and name in self.data}
        return opened or None

    def reopen_with(self, case: Any) -> None:
        """After a conflict: the page now shows what the case holds, so saving again is deliberate."""
        from clemency.cases.services import as_text

        data = dict(self.data.items())
        for name in self.fields:
            if name.startswith(self.OPENED):
                data[name] = as_text(getattr(case, name[len(self.OPENED):], None))
        self.data = data


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label="Move to", choices=CaseStatus.choices)
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required when declining",
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = CASE_TRANSITIONS[case.status]
        moves = [(value, label) for value, label in CaseStatus.choices if value in allowed]
        # Nothing preselected: a stray click must not move a case (a closed case has no moves at all).
        self.fields["to_status"].choices = [("", "— choose —"), *moves] if moves else []  # type: ignore[attr-defined]


class ConvictionForm(forms.ModelForm):
    class Meta:
        model = Conviction
        fields = [
            "jurisdiction",
            "court",
            "docket_number",
            "offense_date",
            "conviction_date",
            "sentencing_date",
            "judgment_final_date",
        ]
        widgets = {
            name: DateInput()
            for name in ["offense_date", "conviction_date", "sentencing_date", "judgment_final_date"]
        }


class SentenceForm(forms.ModelForm):
    sentence_type = forms.ChoiceField(label="Sentence type", choices=SENTENCE_CHOICES, required=False)

    class Meta:
        model = Sentence
        fields = [
            "sentence_type",
            "sentence_term_days",
            "custody_start_date",
            "jail_credit_days",
            "offense_level",
            "criminal_history_points",
            "term_years",
            "term_months",
            "term_days_part",
        ]
        widgets = {"custody_start_date": DateInput()}
        help_texts = {
            "term_years": "As the judgment states it (20 years); the days are counted from the custody start",
        }

    def __init__(self, *args: Any, required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if required:
            self.fields["sentence_type"].required = True
            self.fields["sentence_type"].choices = SentenceType.choices  # type: ignore[attr-defined]

    @property
    def is_empty(self) -> bool:
        return self.is_bound and not self.data.get(self.add_prefix("sentence_type"))

    def values(self) -> dict[str, Any] | None:
        if self.is_empty:
            return None
        return dict(self.cleaned_data)


class ChargeForm(forms.ModelForm):
    class Meta:
        model = Charge
        fields = ["statute", "description", "offense_category", "offense_class", "counts"]


class PartyForm(forms.ModelForm):
    class Meta:
        model = Party
        fields = ["name", "role", "notes"]


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["body", "privileged"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"body": "Note", "privileged": "Privileged (attorney work product)"}


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Name, alias, BOP or DOC number, or docket number", min_length=2, max_length=200
    )


class ConflictForm(forms.Form):
    name = forms.CharField(label="Name to check", min_length=2, max_length=200)


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file (UTF-8)")
    team = forms.ModelChoiceField(queryset=Team.objects.none(), empty_label=None)
    only_valid_rows = forms.BooleanField(
        label="Import only the good rows if some rows have errors", required=False
    )

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        from django.conf import settings

        upload = self.cleaned_data["file"]
        limit = int(settings.MAX_UPLOAD_BYTES)
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the largest accepted is {limit:,} bytes. "
                "Split it into smaller files."
            )
        return upload


class PrivilegeGrantForm(forms.Form):
    user = forms.ModelChoiceField(label="Student or volunteer", queryset=User.objects.none())
    revoke = forms.BooleanField(label="Revoke instead of grant", required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            memberships__team_id=case.team_id, memberships__role__in=["student", "volunteer"]
        ).order_by("username")
