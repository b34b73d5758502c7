from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from clemency.documents.models import Document, DocumentKind
from clemency.documents.validation import ALLOWED_LABELS, human_size


def _file_help() -> str:
    return f"{ALLOWED_LABELS}; up to {human_size(settings.MAX_UPLOAD_BYTES)}."


class UploadForm(forms.Form):
    file = forms.FileField()
    kind = forms.ChoiceField(choices=DocumentKind.choices)
    title = forms.CharField(max_length=200, required=False, help_text="The file name if left empty")
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    privileged = forms.BooleanField(required=False, help_text="Attorney work product or client confidence")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["file"].help_text = _file_help()


class ReplaceForm(forms.Form):
    file = forms.FileField(label="New version of the file")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["file"].help_text = _file_help()


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["kind", "title", "description", "privileged"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal next to the field it names, or above the form if the form has no such field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
