from __future__ import annotations

import datetime as dt

from django.urls import reverse
from rest_framework import serializers

from clemency import assembly
from clemency.drafting.models import Bundle, BundleExhibit, GeneratedDocument, OutputFormat, Variant

MAX_ID = 2**63 - 1  # a larger number cannot be an id on any database: refused, not a 500
EARLIEST_AS_OF = dt.date(1900, 1, 1)
LATEST_AS_OF = dt.date(2199, 12, 31)


class GeneratedDocumentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = GeneratedDocument
        fields = [
            "id",
            "case",
            "template",
            "title",
            "variant",
            "redacted",
            "format",
            "as_of",
            "sha256",
            "size_bytes",
            "created_by_name",
            "created_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, document: GeneratedDocument) -> str:
        return reverse("generated-document-download", args=[document.pk])


class GenerateRequestSerializer(serializers.Serializer):
    """What to generate. `as_of` defaults to today (the server's date) for the rulebook's explanation."""

    case = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    template = serializers.ChoiceField(choices=sorted(assembly.TEMPLATES))
    variant = serializers.ChoiceField(choices=Variant.choices, default=Variant.PREVIEW)
    redacted = serializers.BooleanField(default=False)
    format = serializers.ChoiceField(choices=OutputFormat.choices, default=OutputFormat.DOCX)
    as_of = serializers.DateField(required=False)
    answers = serializers.DictField(
        child=serializers.CharField(max_length=500, allow_blank=True), required=False, default=dict,
        help_text="Values for this draft only, by variable path (e.g. \"case.recipient.address.one_line\"); "
                  "a Final refused for unknown values lists the paths in `missing`.",
    )

    def validate_answers(self, value: dict[str, str]) -> dict[str, str]:
        if len(value) > 100:
            raise serializers.ValidationError("At most 100 answers.")
        return value

    def validate_as_of(self, value: dt.date) -> dt.date:
        if not EARLIEST_AS_OF <= value <= LATEST_AS_OF:
            raise serializers.ValidationError("Use a date between 1900-01-01 and 2199-12-31.")
        return value


class BundleExhibitSerializer(serializers.ModelSerializer):
    class Meta:
        model = BundleExhibit
        fields = [
            "position",
            "document",
            "name",
            "filename",
            "public",
            "privileged",
            "sha256",
            "size_bytes",
            "label",
            "included",
            "skip_reason",
        ]
        read_only_fields = fields


class BundleSerializer(serializers.ModelSerializer):
    exhibits = BundleExhibitSerializer(many=True, read_only=True)
    percent = serializers.IntegerField(read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Bundle
        fields = [
            "id",
            "case",
            "title",
            "status",
            "percent",
            "progress_done",
            "progress_total",
            "bates_prefix",
            "redacted",
            "privileged",
            "page_count",
            "size_bytes",
            "bates_range",
            "toc",
            "warnings",
            "skipped",
            "error",
            "sha256",
            "exhibits",
            "created_by_name",
            "created_at",
            "finished_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, bundle: Bundle) -> str | None:
        return reverse("bundle-download", args=[bundle.pk]) if bundle.file else None


class ExhibitRequestSerializer(serializers.Serializer):
    document = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    public = serializers.BooleanField(default=False)


class BundleRequestSerializer(serializers.Serializer):
    """A bundle to assemble: exhibits in order; it is built in the background (poll the bundle)."""

    case = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    exhibits = serializers.ListField(child=ExhibitRequestSerializer(), allow_empty=False, max_length=200)
    bates_prefix = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    redacted = serializers.BooleanField(default=False)
    title = serializers.CharField(max_length=200, default="Exhibits")
