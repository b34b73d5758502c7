from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import can_write_team, restrict
from clemency.cases.models import Case
from clemency.drafting import services
from clemency.drafting.api.serializers import (
    BundleRequestSerializer,
    BundleSerializer,
    GeneratedDocumentSerializer,
    GenerateRequestSerializer,
)
from clemency.drafting.filtersets import BundleFilterSet, GeneratedDocumentFilterSet
from clemency.drafting.models import Bundle, GeneratedDocument
from clemency.drafting.views import bundle_file_response, generated_file_response, readable_documents, today

READ_ONLY = "Your role on this team is read-only."


def _writable_case(user: Any, case_id: int) -> Case:
    case = restrict(Case.objects.select_related("person", "team"), user).filter(pk=case_id).first()
    if case is None:
        raise ValidationError({"case": [f"Case {case_id} does not exist."]})
    if not can_write_team(user, case.team_id):
        raise PermissionDenied(READ_ONLY)
    return case


class GeneratedDocumentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Documents generated from templates for the cases you can see; create renders one now."""

    serializer_class = GeneratedDocumentSerializer
    filterset_class = GeneratedDocumentFilterSet

    def get_queryset(self) -> QuerySet[GeneratedDocument]:
        queryset = GeneratedDocument.objects.select_related("case", "case__team")
        return restrict(queryset, cast(Any, self.request.user), "case__team").order_by("-created_at", "-id")

    @extend_schema(request=GenerateRequestSerializer, responses={201: GeneratedDocumentSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = GenerateRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        case = _writable_case(request.user, data["case"])
        try:
            document = services.generate_document(
                case,
                actor=request.user,
                template=data["template"],
                as_of=data.get("as_of") or today(),
                variant=data["variant"],
                redacted=data["redacted"],
                output_format=data["format"],
                answers=data.get("answers") or {},
            )
        except services.MissingVariables as error:
            raise ValidationError({"variant": error.messages, "missing": error.paths}) from error
        return Response(self.get_serializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: str | None = None) -> FileResponse:
        """The file itself; every download is audited."""
        return generated_file_response(request.user, self.get_object())


class BundleViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Exhibit bundles of the cases you can see; create queues one for the background worker."""

    serializer_class = BundleSerializer
    filterset_class = BundleFilterSet

    def get_queryset(self) -> QuerySet[Bundle]:
        queryset = Bundle.objects.select_related("case", "case__team").prefetch_related("exhibits")
        return restrict(queryset, cast(Any, self.request.user), "case__team").order_by("-created_at", "-id")

    @extend_schema(request=BundleRequestSerializer, responses={202: BundleSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = BundleRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        case = _writable_case(request.user, data["case"])
        readable = {d.pk: d for d in readable_documents(request.user, case)}
        choices = []
        for index, item in enumerate(data["exhibits"]):
            document = readable.get(item["document"])
            if document is None:
                raise ValidationError(
                    {
                        "exhibits": [
                            f"Item {index}: document {item['document']} is not a document of this case."
                        ]
                    }
                )
            choices.append(services.ExhibitChoice(document, public=item["public"]))
        bundle = services.request_bundle(
            case,
            actor=request.user,
            exhibits=choices,
            bates_prefix=data["bates_prefix"],
            redacted=data["redacted"],
            title=data["title"],
        )
        return Response(self.get_serializer(bundle).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: str | None = None) -> FileResponse:
        """The bundled PDF; privileged bundles only for privileged readers; every download is audited."""
        return bundle_file_response(request.user, self.get_object())
