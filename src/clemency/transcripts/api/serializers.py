from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from clemency.transcripts.models import Transcript, TranscriptAnalysis


class TranscriptSerializer(serializers.ModelSerializer):
    analyses: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Transcript
        fields = [
            "id",
            "case",
            "title",
            "original_name",
            "size_bytes",
            "sha256",
            "privileged",
            "uploaded_at",
            "analyses",
        ]
        read_only_fields = fields


class AnalysisSerializer(serializers.ModelSerializer):
    """An analysis; its report (result and download links) only for those who may read it."""

    case = serializers.IntegerField(source="transcript.case_id", read_only=True)
    flags = serializers.SerializerMethodField()
    report_withheld = serializers.SerializerMethodField()
    downloads = serializers.SerializerMethodField()

    class Meta:
        model = TranscriptAnalysis
        fields = [
            "id",
            "transcript",
            "case",
            "status",
            "progress",
            "error_message",
            "facts_name",
            "facts_sha256",
            "fact_count",
            "speakers_name",
            "created_at",
            "started_at",
            "finished_at",
            "flags",
            "report_withheld",
            "downloads",
        ]
        read_only_fields = fields

    def _may_read(self, analysis: TranscriptAnalysis) -> bool:
        readable: set[int] = self.context.get("readable", set())
        return analysis.pk in readable

    def get_flags(self, analysis: TranscriptAnalysis) -> dict[str, int] | None:
        return analysis.flag_counts if self._may_read(analysis) else None

    def get_report_withheld(self, analysis: TranscriptAnalysis) -> str | None:
        if self._may_read(analysis):
            return None
        return "The transcript is privileged; ask an attorney on the case for a grant."

    def get_downloads(self, analysis: TranscriptAnalysis) -> dict[str, str] | None:
        if not self._may_read(analysis) or analysis.status != "done":
            return None
        return {
            kind: reverse(f"transcripts:analysis-{kind}", args=[analysis.pk])
            for kind in ("json", "html", "pdf")
        }


class AnalysisDetailSerializer(AnalysisSerializer):
    result = serializers.SerializerMethodField()
    speaker_map = serializers.SerializerMethodField()

    class Meta(AnalysisSerializer.Meta):
        fields = [*AnalysisSerializer.Meta.fields, "speaker_map", "result"]
        read_only_fields = fields

    def get_result(self, analysis: TranscriptAnalysis) -> Any:
        return analysis.result if self._may_read(analysis) else None

    def get_speaker_map(self, analysis: TranscriptAnalysis) -> str | None:
        return (analysis.proposed_speakers or None) if self._may_read(analysis) else None
