from __future__ import annotations

from typing import Any

from django import forms

from clemency.dna.models import EvidenceItem, LabTest, Step, TestingRequest

DATE = forms.DateInput(attrs={"type": "date"})


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = EvidenceItem
        fields = [
            "description",
            "collected_on",
            "collected_by",
            "held_at",
            "custodian",
            "last_located_on",
            "preservation_letter_sent_on",
            "chain_of_custody",
            "notes",
        ]
        widgets = {"collected_on": DATE, "last_located_on": DATE, "preservation_letter_sent_on": DATE}
        labels = {"chain_of_custody": "Chain-of-custody documents"}

    def __init__(self, *args: Any, case: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chain_of_custody"].queryset = case.documents.all()  # type: ignore[attr-defined]


class RequestForm(forms.ModelForm):
    class Meta:
        model = TestingRequest
        fields = [
            "title",
            "pathway",
            "filed_on",
            "served_on",
            "court",
            "judge",
            "status",
            "evidence",
            "notes",
        ]
        widgets = {"filed_on": DATE, "served_on": DATE}
        labels = {"pathway": "Rulebook pathway (optional)", "served_on": "Served on the prosecutor"}

    def __init__(self, *args: Any, case: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = case.dna_evidence.all()  # type: ignore[attr-defined]


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = ["kind", "from_whom", "due_on", "occurred_on", "summary"]
        widgets = {"due_on": DATE, "occurred_on": DATE}
        labels = {"from_whom": "From whom", "due_on": "Due on", "occurred_on": "Happened on"}


class StepDoneForm(forms.Form):
    occurred_on = forms.DateField(label="Happened on", widget=DATE)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TestForm(forms.ModelForm):
    class Meta:
        model = LabTest
        fields = ["lab_name", "lab_accreditation", "method", "items", "sent_on"]
        widgets = {"sent_on": DATE}
        labels = {"lab_name": "Laboratory", "items": "Items tested", "sent_on": "Sent to the lab on"}

    def __init__(self, *args: Any, request_obj: TestingRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = request_obj.case.dna_evidence.all()  # type: ignore[attr-defined]


class ResultForm(forms.ModelForm):
    codis_searched = forms.NullBooleanField(
        label="Searched in CODIS",
        widget=forms.Select(choices=[("unknown", "Not known"), ("true", "Yes"), ("false", "No")]),
        required=False,
    )

    class Meta:
        model = LabTest
        fields = ["result", "result_on", "codis_searched", "codis_result"]
        widgets = {"result_on": DATE}
        labels = {"result_on": "Report dated", "codis_result": "CODIS result"}
