from __future__ import annotations

import django_tables2 as tables

from clemency.transcripts.models import Transcript


class TranscriptTable(tables.Table):
    title = tables.Column(linkify=("transcripts:detail", {"pk": tables.A("pk")}))
    case = tables.Column(linkify=("cases:detail", {"pk": tables.A("case_id")}))
    original_name = tables.Column(verbose_name="File")
    privileged = tables.BooleanColumn(yesno="privileged,—")
    uploaded_by = tables.Column(verbose_name="Uploaded by", default="—")
    uploaded_at = tables.DateTimeColumn(format="Y-m-d H:i", verbose_name="Uploaded")

    class Meta:
        model = Transcript
        fields = ["title", "case", "original_name", "privileged", "uploaded_by", "uploaded_at"]
        attrs = {"class": "table"}
        empty_text = "No transcripts yet."
