from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clemency.dna.models import EvidenceItem, LabTest, Step, TestingRequest
from clemency.dna.selectors import durations


class EvidenceItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceItem
        fields = [
            "id",
            "case",
            "description",
            "collected_on",
            "collected_by",
            "held_at",
            "custodian",
            "last_located_on",
            "preservation_letter_sent_on",
            "chain_of_custody",
        ]
        read_only_fields = fields


class StepSerializer(serializers.ModelSerializer):
    class Meta:
        model = Step
        fields = ["id", "kind", "from_whom", "due_on", "occurred_on", "summary"]
        read_only_fields = fields


class LabTestSerializer(serializers.ModelSerializer):
    class Meta:
        model = LabTest
        fields = [
            "id",
            "lab_name",
            "lab_accreditation",
            "method",
            "items",
            "sent_on",
            "result",
            "result_on",
            "codis_searched",
            "codis_result",
        ]
        read_only_fields = fields


class DurationsSerializer(serializers.Serializer):
    """Days counted on the day asked; null where the date they count from is not recorded."""

    days_since_request = serializers.IntegerField()
    days_since_order = serializers.IntegerField(allow_null=True)
    days_since_evidence_located = serializers.IntegerField(allow_null=True)
    awaited = serializers.CharField()
    stalled_steps = serializers.IntegerField()


class TestingRequestSerializer(serializers.ModelSerializer):
    steps = StepSerializer(many=True, read_only=True)
    tests = LabTestSerializer(many=True, read_only=True)
    durations = serializers.SerializerMethodField()

    class Meta:
        model = TestingRequest
        fields = [
            "id",
            "case",
            "title",
            "pathway",
            "filed_on",
            "served_on",
            "court",
            "judge",
            "status",
            "evidence",
            "steps",
            "tests",
            "durations",
        ]
        read_only_fields = fields

    @extend_schema_field(DurationsSerializer)
    def get_durations(self, obj: TestingRequest) -> dict[str, Any]:
        found = durations(obj, timezone.localdate())
        return {
            "days_since_request": found.days_since_request,
            "days_since_order": found.days_since_order,
            "days_since_evidence_located": found.days_since_evidence_located,
            "awaited": found.awaited_words,
            "stalled_steps": len(found.stalled),
        }
