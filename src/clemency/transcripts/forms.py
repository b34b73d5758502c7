from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clemency.documents.validation import human_size
from clemency.transcripts.validation import MAX_YAML_BYTES, TRANSCRIPT_EXTENSIONS, max_transcript_bytes

FACTS_HELP = (
    "YAML: a list of facts, each with id, statement, public (true/false), optional public_since (a date), "
    f"true (true/false/null), cues and optional exclusions; up to {human_size(MAX_YAML_BYTES)}."
)
SPEAKERS_HELP = (
    "Optional YAML: speakers: [{name, role: interrogator|suspect|other, spellings: [...]}]. "
    "Without one the analysis proposes a map, which you can correct and run again."
)


class FactsFields(forms.Form):
    # Optional: the facts table on the page is the other way to give them (transcripts.facts_table).
    facts_file = forms.FileField(label="Facts file (YAML)", help_text=FACTS_HELP, required=False)
    speakers_file = forms.FileField(label="Speaker map (YAML)", required=False, help_text=SPEAKERS_HELP)


class AttachForm(FactsFields):
    title = forms.CharField(max_length=200, required=False, help_text="The file name if left empty")
    transcript_file = forms.FileField(label="Transcript")
    privileged = forms.BooleanField(
        required=False,
        initial=True,
        help_text="Work product: students and volunteers read its reports only with an attorney's grant",
    )
    field_order = ["title", "transcript_file", "facts_file", "speakers_file", "privileged"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        extensions = ", ".join("." + e for e in TRANSCRIPT_EXTENSIONS)
        self.fields["transcript_file"].help_text = (
            "UTF-8 text: police \u201cNAME: text\u201d, court reporter Q./A., WebVTT or SRT "
            f"({extensions}); up to {human_size(max_transcript_bytes())}."
        )


class AnalyzeForm(FactsFields):
    """Another analysis of a kept transcript, with another facts file."""


class SpeakerMapForm(forms.Form):
    speakers = forms.CharField(
        label="Speaker map (YAML)",
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        max_length=MAX_YAML_BYTES,
        help_text="Correct a name or a role, or move a spelling to another person; then run it again.",
    )


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal next to the field it names, or above the form if the form has no such field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
