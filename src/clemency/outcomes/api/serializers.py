from __future__ import annotations

from rest_framework import serializers


class SourceSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField()
    kind = serializers.ChoiceField(choices=["primary", "secondary"])
    note = serializers.CharField()


class ChartSerializer(serializers.Serializer):
    """A chart's numbers: the same table the page shows under the picture (null is a gap, not zero)."""

    key = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(help_text="The chart's text alternative")
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField(child=serializers.JSONField(allow_null=True)))
    sources = SourceSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())
    public = serializers.BooleanField(help_text="Aggregate public-record numbers that may be embedded")


class TeamResultsSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    charts = ChartSerializer(many=True)
