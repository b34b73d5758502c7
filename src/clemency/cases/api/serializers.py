from __future__ import annotations

from typing import Any

from rest_framework import serializers

from clemency.accounts.access import writable_teams
from clemency.accounts.api.fields import WritableTeamRelatedField
from clemency.cases.models import Case, CaseStatus, Charge, Conviction, FactSource, Note, Party, Sentence
from clemency.people.models import Person


class ChargeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Charge
        fields = ["id", "statute", "description", "offense_category", "offense_class", "counts"]


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["id", "name", "role", "notes"]


class SentenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sentence
        fields = [
            "sentence_type",
            "sentence_term_days",
            "custody_start_date",
            "jail_credit_days",
            "offense_level",
            "criminal_history_points",
            "term_years",
            "term_months",
            "term_days_part",
        ]


class ConvictionSerializer(serializers.ModelSerializer):
    case = WritableTeamRelatedField(Case, noun="case")
    sentence = SentenceSerializer(required=False, allow_null=True)
    charges = ChargeSerializer(many=True, read_only=True)
    parties = PartySerializer(many=True, read_only=True)

    class Meta:
        model = Conviction
        fields = [
            "id",
            "case",
            "jurisdiction",
            "court",
            "docket_number",
            "offense_date",
            "conviction_date",
            "sentencing_date",
            "judgment_final_date",
            "sentence",
            "charges",
            "parties",
        ]

    def validate_case(self, case: Case) -> Case:
        if self.instance is not None and case.pk != self.instance.case_id:
            raise serializers.ValidationError("A conviction cannot move to another case.")
        if not writable_teams(self.context["request"].user).filter(pk=case.team_id).exists():
            raise serializers.ValidationError("No such case among the cases you may change.")
        return case


class CaseSerializer(serializers.ModelSerializer):
    person = WritableTeamRelatedField(Person, noun="person")
    convictions = ConvictionSerializer(many=True, read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "team",
            "person",
            "title",
            "status",
            "source",
            "priority",
            "declined_reason",
            "summary",
            "opened_on",
            "convictions",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["team", "status", "declined_reason", "created_at", "updated_at"]

    def validate_person(self, person: Person) -> Person:
        if self.instance is not None and person.pk != self.instance.person_id:
            raise serializers.ValidationError("The person of a case cannot change.")
        if not writable_teams(self.context["request"].user).filter(pk=person.team_id).exists():
            raise serializers.ValidationError("No such person among the people you may open cases for.")
        return person


class CaseMoveSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=CaseStatus.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class NoteSerializer(serializers.ModelSerializer):
    case = WritableTeamRelatedField(Case, noun="case")
    # None for a note written by no one (an import): the schema must say the field may be null.
    author: serializers.StringRelatedField[Any] = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = Note
        fields = ["id", "case", "author", "body", "privileged", "created_at"]
        read_only_fields = ["author", "created_at"]

    def validate_case(self, case: Case) -> Case:
        if not writable_teams(self.context["request"].user).filter(pk=case.team_id).exists():
            raise serializers.ValidationError("No such case among the cases you may change.")
        return case

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        from clemency.accounts.access import can_read_privileged

        case = attrs.get("case")
        if (
            attrs.get("privileged")
            and case is not None
            and not can_read_privileged(self.context["request"].user, case.team_id, case.pk)
        ):
            raise serializers.ValidationError(
                {"privileged": "You cannot write a privileged note on this case."}
            )
        return attrs


class FactsAnswerSerializer(serializers.Serializer):
    """Answers to the rulebook's questions: `{"answers": {"pending_charges": false}, "source": "record"}`.

    Each value is checked by the rulebook's fact schema (`clemency.law.facts.FACTS`); null is the answer
    "unknown". A wrong type, an unknown fact name or an impossible date is a 400 naming the fact.
    """

    answers = serializers.DictField(child=serializers.JSONField(allow_null=True), allow_empty=False)
    source = serializers.ChoiceField(choices=FactSource.choices)  # type: ignore[assignment]  # the field is named "source"
    source_detail = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


class CaseFactSerializer(serializers.Serializer):
    """One fact of a case: its value for the rulebook, where it came from, and the record's own value."""

    value = serializers.JSONField(allow_null=True)
    origin = serializers.ChoiceField(choices=["answered", "derived", "unknown"])
    derived_value = serializers.JSONField(allow_null=True)
    derived_from = serializers.CharField(allow_blank=True)
    answer_source = serializers.CharField(allow_blank=True)
    answer_source_detail = serializers.CharField(allow_blank=True)
    answered_by = serializers.CharField(allow_blank=True)
    answered_at = serializers.DateTimeField(allow_null=True)
