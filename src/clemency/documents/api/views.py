from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import can_write_team, restrict
from clemency.documents import services
from clemency.documents.api.serializers import DocumentSerializer, ReplaceSerializer
from clemency.documents.downloads import PRIVILEGED_REFUSAL, file_response, may_read_content
from clemency.documents.filtersets import DocumentFilterSet
from clemency.documents.models import Document
from clemency.documents.uploads import limit_uploads, too_large_message
from clemency.documents.validation import ALLOWED_TYPES

READ_ONLY = "Your role on this team is read-only."


class DocumentViewSet(viewsets.ModelViewSet):
    """Documents of the cases you can see. Upload as multipart with `file`; content via `download`."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @property
    def _user(self) -> Any:
        return self.request.user

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Before authentication, which may read the body for its CSRF check.
        if request.method in ("POST", "PUT", "PATCH"):
            limit_uploads(request._request)
        super().initial(request, *args, **kwargs)

    def _refuse_oversized(self, request: Request) -> None:
        request.data  # noqa: B018 - parse the body now, so the size flag is known
        if message := too_large_message(request._request):
            raise ValidationError({"file": [message]})

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self._refuse_oversized(request)
        return super().create(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Document]:
        queryset = Document.objects.select_related("case", "case__team")
        return restrict(queryset, self._user, "case__team").order_by("-uploaded_at", "-id")

    def get_object(self) -> Document:
        document: Document = super().get_object()
        if self.request.method not in SAFE_METHODS:
            if not can_write_team(self._user, document.case.team_id):
                raise PermissionDenied(READ_ONLY)
            # Otherwise a student could clear the flag, or swap the file, to reach privileged content.
            if not may_read_content(self._user, document):
                raise PermissionDenied(PRIVILEGED_REFUSAL)
        return document

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        case = data.pop("case")
        if not can_write_team(self._user, case.team_id):
            raise PermissionDenied(READ_ONLY)
        serializer.instance = services.upload_document(
            case=case, actor=self._user, upload=data.pop("file"), **data
        )

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data.pop("case", None)
        data.pop("file", None)
        serializer.instance = services.update_document(serializer.instance, actor=self._user, **data)

    def perform_destroy(self, instance: Document) -> None:
        services.delete_document(instance, actor=self._user)

    @extend_schema(request={"multipart/form-data": ReplaceSerializer}, responses=DocumentSerializer)
    @action(detail=True, methods=["post"])
    def replace(self, request: Request, pk: str | None = None) -> Response:
        document = self.get_object()
        self._refuse_oversized(request)
        body = ReplaceSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        document = services.replace_document_file(
            document, actor=request.user, upload=body.validated_data["file"]
        )
        return Response(self.get_serializer(document).data)

    @extend_schema(
        responses={(200, allowed.content_type): OpenApiTypes.BINARY for allowed in ALLOWED_TYPES.values()}
    )
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: str | None = None) -> FileResponse:
        """The file itself; privileged files only for privileged readers, and every such read is audited."""
        return file_response(request.user, self.get_object())
