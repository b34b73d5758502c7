from __future__ import annotations

from typing import Any, cast

from django.urls import reverse
from rest_framework import serializers

from clemency.accounts.access import restrict
from clemency.cases.models import Case
from clemency.documents.models import Document


class DocumentSerializer(serializers.ModelSerializer):
    case = serializers.PrimaryKeyRelatedField(queryset=Case.objects.none())
    file = serializers.FileField(write_only=True, required=True, use_url=False)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "case",
            "kind",
            "title",
            "description",
            "privileged",
            "file",
            "original_name",
            "content_type",
            "size_bytes",
            "sha256",
            "uploaded_at",
            "replaced_at",
            "download_url",
        ]
        read_only_fields = [
            "original_name",
            "content_type",
            "size_bytes",
            "sha256",
            "uploaded_at",
            "replaced_at",
        ]

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        # Only cases the user can see are valid choices; any other id is "does not exist".
        if request is not None:
            case_field = cast(serializers.PrimaryKeyRelatedField, fields["case"])
            case_field.queryset = restrict(Case.objects.all(), request.user)
        if self.instance is not None:
            # After upload the file changes only through `replace`, the case never.
            fields["file"].required = False
            fields["file"].read_only = True
            fields["case"].read_only = True
        return fields

    def get_download_url(self, document: Document) -> str:
        return reverse("document-download", args=[document.pk])


class ReplaceSerializer(serializers.Serializer):
    file = serializers.FileField(use_url=False)
