from __future__ import annotations

from typing import Any, cast

from rest_framework import serializers

from clemency.accounts.access import restrict
from clemency.cases.models import Case
from clemency.deadlines.models import Deadline


class DeadlineSerializer(serializers.ModelSerializer):
    case = serializers.PrimaryKeyRelatedField(queryset=Case.objects.none())

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
