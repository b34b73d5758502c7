from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import can_write_team
from clemency.deadlines import services
from clemency.deadlines.api.serializers import DeadlineSerializer, DoneSerializer
from clemency.deadlines.filtersets import DeadlineFilterSet
from clemency.deadlines.models import Deadline
from clemency.deadlines.selectors import visible_deadlines

READ_ONLY = "Your role on this team is read-only."


class DeadlineViewSet(viewsets.ModelViewSet):
    """Deadlines and events of the cases you can see. `done` marks one done or not done."""

    serializer_class = DeadlineSerializer
    filterset_class = DeadlineFilterSet

    @property
    def _user(self) -> Any:
        return self.request.user

    def get_queryset(self) -> QuerySet[Deadline]:
        return visible_deadlines(self._user).order_by("date", "time", "id")

    def get_object(self) -> Deadline:
        deadline: Deadline = super().get_object()
        if self.request.method not in SAFE_METHODS and not can_write_team(self._user, deadline.case.team_id):
            raise PermissionDenied(READ_ONLY)
        return deadline

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        case = data.pop("case")
        if not can_write_team(self._user, case.team_id):
            raise PermissionDenied(READ_ONLY)
        serializer.instance = services.create_deadline(case=case, actor=self._user, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data.pop("case", None)
        serializer.instance = services.update_deadline(serializer.instance, actor=self._user, **data)

    def perform_destroy(self, instance: Deadline) -> None:
        services.delete_deadline(instance, actor=self._user)

    @extend_schema(request=DoneSerializer, responses=DeadlineSerializer)
    @action(detail=True, methods=["post"])
    def done(self, request: Request, pk: str | None = None) -> Response:
        deadline = self.get_object()
        body = DoneSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if body.validated_data["done"]:
            deadline = services.mark_deadline_done(deadline, actor=request.user)
        else:
            deadline = services.mark_deadline_undone(deadline, actor=request.user)
        return Response(self.get_serializer(deadline).data)
