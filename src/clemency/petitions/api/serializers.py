from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from clemency.accounts.access import restrict
from clemency.advocacy.models import Office
from clemency.cases.models import Case
from clemency.documents.models import Document
from clemency.people.models import CustodyStatus
from clemency.petitions.models import (
    CategoricalAction,
    DecisionOutcome,
    Petition,
    PetitionDecision,
    PetitionStatus,
    PetitionStatusChange,
)
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
            "deciding_office",
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
            from clemency.advocacy.selectors import visible_offices

            office_field = cast(serializers.PrimaryKeyRelatedField, fields["deciding_office"])
            office_field.queryset = visible_offices(request.user)
        # Left out, the deciding authority is the deciding office's name (filled from the pathway).
        authority = cast(serializers.CharField, fields["deciding_authority"])
        authority.required = False
        authority.allow_blank = True
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


class DecisionSerializer(serializers.ModelSerializer):
    """A petition's decision. Read-only here: decisions are recorded with `POST /petitions/{id}/decide/`
    and corrected with `POST /decisions/{id}/correct/`."""

    outcome_label = serializers.CharField(source="get_outcome_display", read_only=True)

    class Meta:
        model = PetitionDecision
        fields = [
            "id",
            "petition",
            "outcome",
            "outcome_label",
            "decided_on",
            "decided_by",
            "decided_by_name",
            "conditions",
            "new_release_date",
            "new_term_days",
            "reprieve_days",
            "warrant",
            "categorical_action",
            "corrects",
            "correction_reason",
            "superseded",
            "recorded_by_name",
            "recorded_at",
        ]
        read_only_fields = fields


class DecideSerializer(serializers.Serializer):
    """What `decide` and `correct` take. `confirmed` must be true for a grant or a denial."""

    outcome = serializers.ChoiceField(choices=DecisionOutcome.choices)
    decided_on = serializers.DateField()
    decided_by = serializers.PrimaryKeyRelatedField(
        queryset=Office.objects.none(), required=False, allow_null=True
    )
    decided_by_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    conditions = serializers.CharField(required=False, allow_blank=True, default="")
    new_release_date = serializers.DateField(required=False, allow_null=True, default=None)
    new_term_days = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=1_000_000
    )
    reprieve_days = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=36_525
    )
    warrant = serializers.PrimaryKeyRelatedField(
        queryset=Document.objects.none(), required=False, allow_null=True
    )
    custody_status = serializers.ChoiceField(
        choices=CustodyStatus.choices, required=False, allow_null=True, default=None
    )
    confirmed = serializers.BooleanField(required=False, default=False)

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            from clemency.accounts.access import privileged_filter
            from clemency.advocacy.selectors import visible_offices

            cast(serializers.PrimaryKeyRelatedField, fields["decided_by"]).queryset = visible_offices(
                request.user
            )
            documents = restrict(Document.objects.all(), request.user, "case__team").filter(
                privileged_filter(request.user)
            )
            cast(serializers.PrimaryKeyRelatedField, fields["warrant"]).queryset = documents
        return fields


class CorrectSerializer(DecideSerializer):
    reason = serializers.CharField()


class CategoricalActionSerializer(serializers.ModelSerializer):
    cases = serializers.PrimaryKeyRelatedField(many=True, read_only=True)  # type: ignore[var-annotated]
    confirmed = serializers.BooleanField(write_only=True, required=False, default=False)
    decided_by = serializers.PrimaryKeyRelatedField(
        queryset=Office.objects.none(), required=False, allow_null=True
    )

    class Meta:
        model = CategoricalAction
        fields = [
            "id",
            "team",
            "title",
            "source",
            "outcome",
            "decided_on",
            "decided_by",
            "decided_by_name",
            "conditions",
            "new_release_date",
            "new_term_days",
            "reprieve_days",
            "cases",
            "confirmed",
            "recorded_by_name",
            "recorded_at",
        ]
        read_only_fields = ["team", "recorded_by_name", "recorded_at"]

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            from clemency.advocacy.selectors import visible_offices

            cast(serializers.PrimaryKeyRelatedField, fields["decided_by"]).queryset = visible_offices(
                request.user
            )
        return fields


class LinkCasesSerializer(serializers.Serializer):
    cases = serializers.PrimaryKeyRelatedField(queryset=Case.objects.none(), many=True, allow_empty=False)

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            many = cast(serializers.ManyRelatedField, fields["cases"])
            cast(serializers.PrimaryKeyRelatedField, many.child_relation).queryset = restrict(
                Case.objects.all(), request.user
            )
        return fields
