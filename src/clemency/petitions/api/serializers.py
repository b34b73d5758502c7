from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from clemency.accounts.access import restrict
from clemency.cases.models import Case
from clemency.petitions.models import Petition, PetitionStatus, PetitionStatusChange
from clemency.screenings.eligibility import check_pathway_id


class PetitionStatusChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PetitionStatusChange
        fields = ["from_status", "to_status", "actor_name", "at", "note"]


class PetitionSerializer(serializers.ModelSerializer):
    case = serializers.PrimaryKeyRelatedField(queryset=Case.objects.none())
    history = PetitionStatusChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Petition
        fields = [
            "id",
            "case",
            "pathway",
            "title",
            "deciding_authority",
            "summary",
            "status",
            "filed_on",
            "decided_on",
            "created_at",
            "updated_at",
            "history",
        ]
        read_only_fields = ["status", "filed_on", "decided_on", "created_at", "updated_at"]

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
            raise serializers.ValidationError("A petition cannot be moved to another case.")
        return case

    def validate_pathway(self, pathway: str) -> str:
        """The model checked the shape; the id must also name a pathway of the rulebook."""
        try:
            check_pathway_id(pathway)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return pathway


class MoveSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=PetitionStatus.choices)
    on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")
