from __future__ import annotations

from typing import Any

from rest_framework import serializers

from clemency.screenings.models import ScreeningRun


class ScreeningRunSerializer(serializers.ModelSerializer):
    created_by: serializers.StringRelatedField = serializers.StringRelatedField()

    class Meta:
        model = ScreeningRun
        fields = [
            "id", "team", "title", "original_name", "input_format", "size_bytes", "sha256", "as_of",
            "pathways", "status", "progress", "rows_total", "rows_done", "counts", "issues_count", "issues",
            "error_message", "created_by", "created_at", "started_at", "finished_at",
        ]
        read_only_fields = fields


class CandidateSerializer(serializers.Serializer):
    """One ranked row: the person's keys, and each pathway's outcome."""

    rank = serializers.IntegerField()
    person_id = serializers.CharField()
    best_outcome = serializers.CharField(allow_null=True)
    next_execution_date = serializers.DateField(allow_null=True)
    earliest_deadline = serializers.DateField(allow_null=True)
    earliest_deadline_id = serializers.CharField(allow_null=True)
    days_in_custody = serializers.IntegerField(allow_null=True)
    outcomes = serializers.DictField(child=serializers.CharField(allow_null=True))

    def to_representation(self, instance: Any) -> dict[str, Any]:
        row = dict(instance)
        row["outcomes"] = {key.removesuffix(".outcome"): value for key, value in row.items()
                           if key.endswith(".outcome")}
        return super().to_representation(row)


class CandidatePageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = CandidateSerializer(many=True)


class CandidateExplanationSerializer(serializers.Serializer):
    """The scalar evaluator's explanation of one candidate, as `clemency explain --format json` gives it."""

    person_id = serializers.CharField()
    rank = serializers.IntegerField()
    as_of = serializers.DateField()
    agrees_with_row = serializers.BooleanField()
    results = serializers.ListField(child=serializers.DictField())
