from __future__ import annotations

from typing import Any

from rest_framework import serializers

from clemency.accounts.access import writable_teams
from clemency.accounts.api.fields import WritableTeamRelatedField
from clemency.accounts.models import Team
from clemency.people.models import ContactLog, Person


class PersonSerializer(serializers.ModelSerializer):
    team = WritableTeamRelatedField(Team, team_path="pk", noun="team")
    aliases = serializers.ListField(child=serializers.CharField(max_length=200), required=False)

    class Meta:
        model = Person
        fields = [
            "id",
            "team",
            "given_name",
            "family_name",
            "aliases",
            "birth_date",
            "bop_register_number",
            "state_doc_number",
            "state_doc_jurisdiction",
            "facility",
            "custody_status",
            "legal_mail_address",
            "phone_instructions",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        # Uniqueness is the service's to decide, with a message naming the field and the other record.
        validators: list[Any] = []

    def validate_team(self, team: Team) -> Team:
        request = self.context["request"]
        if self.instance is not None and team.pk != self.instance.team_id:
            raise serializers.ValidationError("A person's team cannot change.")
        if not writable_teams(request.user).filter(pk=team.pk).exists():
            raise serializers.ValidationError("You cannot add people to this team.")
        return team


class ContactLogSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactLog
        fields = ["id", "person", "occurred_on", "kind", "summary", "created_at"]
        read_only_fields = ["person", "created_at"]
