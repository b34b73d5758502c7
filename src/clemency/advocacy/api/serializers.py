from __future__ import annotations

from typing import Any, cast

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clemency.accounts.access import restrict
from clemency.accounts.models import User
from clemency.advocacy.models import Office, OfficeMember, Outreach
from clemency.advocacy.selectors import visible_offices, visible_outreach
from clemency.advocacy.services import OFFICE_FIELDS
from clemency.cases.models import Case
from clemency.deadlines.api.serializers import LocalTimeField
from clemency.petitions.models import Petition


class OfficeMemberSerializer(serializers.ModelSerializer):
    office = serializers.PrimaryKeyRelatedField(queryset=Office.objects.none())

    class Meta:
        model = OfficeMember
        fields = [
            "id",
            "office",
            "name",
            "title",
            "email",
            "phone",
            "served_from",
            "served_to",
            "notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            cast(serializers.PrimaryKeyRelatedField, fields["office"]).queryset = visible_offices(
                request.user
            )
        return fields

    def validate_office(self, office: Office) -> Office:
        if self.instance is not None and office.pk != self.instance.office_id:
            raise serializers.ValidationError("A person cannot be moved to another office; add them there.")
        return office


class OfficeSerializer(serializers.ModelSerializer):
    members = OfficeMemberSerializer(many=True, read_only=True)
    shared = serializers.BooleanField(source="is_shared", read_only=True)
    citations = serializers.ListField(child=serializers.CharField(max_length=300), required=False)

    class Meta:
        model = Office
        # The editable fields are the service's own list, so the API and the service cannot drift apart.
        fields = ["id", "shared", *OFFICE_FIELDS, "seed_key", "seed_version", "members",
                  "created_at", "updated_at"]
        read_only_fields = ["seed_key", "seed_version", "created_at", "updated_at"]


@extend_schema_field({"type": "string", "nullable": True})
class SummaryField(serializers.CharField):
    """The summary; null for a reader who may not read a privileged one."""


class OutreachSerializer(serializers.ModelSerializer):
    summary = SummaryField(required=False, allow_blank=True)
    time = LocalTimeField(required=False, allow_null=True, help_text="Local time, if known")
    case = serializers.PrimaryKeyRelatedField(queryset=Case.objects.none())
    petition = serializers.PrimaryKeyRelatedField(
        queryset=Petition.objects.none(), required=False, allow_null=True
    )
    # The contact this one follows up (a model field; DRF's own `parent` attribute is set on binding).
    parent = serializers.PrimaryKeyRelatedField(  # type: ignore[assignment]
        queryset=Outreach.objects.none(), required=False, allow_null=True
    )
    office = serializers.PrimaryKeyRelatedField(
        queryset=Office.objects.none(), required=False, allow_null=True
    )
    office_member = serializers.PrimaryKeyRelatedField(
        queryset=OfficeMember.objects.none(), required=False, allow_null=True
    )
    team_members = serializers.PrimaryKeyRelatedField(queryset=User.objects.none(), many=True, required=False)
    follow_up_logged = serializers.SerializerMethodField()

    class Meta:
        model = Outreach
        fields = [
            "id",
            "case",
            "petition",
            "parent",
            "date",
            "time",
            "duration_minutes",
            "team_members",
            "office",
            "office_member",
            "counterpart",
            "channel",
            "status",
            "subject",
            "summary",
            "summary_privileged",
            "outcome",
            "next_step",
            "follow_up_on",
            "follow_up_logged",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        # Only what the user can see is a valid choice; any other id is "does not exist".
        if request is not None:
            user = request.user
            offices = visible_offices(user)
            querysets = {
                "case": restrict(Case.objects.all(), user),
                "petition": restrict(Petition.objects.all(), user, "case__team"),
                "parent": visible_outreach(user),
                "office": offices,
                "office_member": OfficeMember.objects.filter(office__in=offices),
            }
            for name, queryset in querysets.items():
                cast(serializers.PrimaryKeyRelatedField, fields[name]).queryset = queryset
            members = cast(serializers.ManyRelatedField, fields["team_members"])
            cast(serializers.PrimaryKeyRelatedField, members.child_relation).queryset = User.objects.filter(
                memberships__team__in=restrict(Case.objects.all(), user).values("team_id")
            ).distinct()
        return fields

    def get_follow_up_logged(self, outreach: Outreach) -> bool | None:
        """Whether a later contact answering this one's follow-up was logged; null without a follow-up."""
        if outreach.follow_up_on is None:
            return None
        return outreach.follow_ups.filter(status__in=["done", "left_message", "unreachable"]).exists()

    def validate_case(self, case: Case) -> Case:
        if self.instance is not None and case.pk != self.instance.case_id:
            raise serializers.ValidationError("A contact cannot be moved to another case.")
        return case

    def to_representation(self, instance: Outreach) -> dict[str, Any]:
        data = super().to_representation(instance)
        if getattr(instance, "summary_hidden", False):
            data["summary"] = None  # privileged, and this reader may not read it
        return data
