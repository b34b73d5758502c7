from __future__ import annotations

from typing import Any, cast

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clemency.accounts.access import restrict
from clemency.cases.models import Case
from clemency.deadlines.models import Deadline


@extend_schema_field({"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$", "example": "18:00"})
class LocalTimeField(serializers.TimeField):
    """HH:MM in the deadline's own time zone. An offset ("18:00Z") is refused, never silently dropped."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", input_formats=["%H:%M", "%H:%M:%S"], **kwargs)


class DeadlineSerializer(serializers.ModelSerializer):
    case = serializers.PrimaryKeyRelatedField(queryset=Case.objects.none())
    time = LocalTimeField(required=False, allow_null=True, help_text="Local time where it happens, if known")

    class Meta:
        model = Deadline
        fields = [
            "id",
            "case",
            "kind",
            "date",
            "time",
            "time_zone",
            "title",
            "source",
            "notes",
            "done",
            "done_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["done", "done_at", "created_at", "updated_at"]

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        # Only cases the user can see are valid choices; any other id is "does not exist".
        if request is not None:
            case_field = cast(serializers.PrimaryKeyRelatedField, fields["case"])
            case_field.queryset = restrict(Case.objects.all(), request.user)
        return fields

    def validate_case(self, case: Case) -> Case:
        if self.instance is not None and case.pk != self.instance.case_id:
            raise serializers.ValidationError("A deadline cannot be moved to another case.")
        return case


class DoneSerializer(serializers.Serializer):
    done = serializers.BooleanField()
