from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import can_write_team, restrict
from clemency.petitions import services
from clemency.petitions.api.serializers import MoveSerializer, PetitionSerializer
from clemency.petitions.filtersets import PetitionFilterSet
from clemency.petitions.models import Petition

READ_ONLY = "Your role on this team is read-only."


class PetitionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Petitions of the cases you can see. Status moves only through `move`."""

    serializer_class = PetitionSerializer
    filterset_class = PetitionFilterSet

    @property
    def _user(self) -> Any:
        return self.request.user

    def get_queryset(self) -> QuerySet[Petition]:
        queryset = Petition.objects.select_related("case").prefetch_related("history")
        return restrict(queryset, self._user, "case__team").order_by("-updated_at", "-id")

    def get_object(self) -> Petition:
        petition: Petition = super().get_object()
        if self.request.method not in SAFE_METHODS and not can_write_team(self._user, petition.case.team_id):
            raise PermissionDenied(READ_ONLY)
        return petition

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        case = data.pop("case")
        if not can_write_team(self._user, case.team_id):
            raise PermissionDenied(READ_ONLY)
        serializer.instance = services.create_petition(case=case, actor=self._user, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data.pop("case", None)
        serializer.instance = services.update_petition(serializer.instance, actor=self._user, **data)

    @extend_schema(request=MoveSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request: Request, pk: str | None = None) -> Response:
        """Move the petition to another status; a wrong move is a 400 naming `status`."""
        petition = self.get_object()
        move = MoveSerializer(data=request.data)
        move.is_valid(raise_exception=True)
        moved = services.move_petition(
            petition,
            move.validated_data["status"],
            actor=request.user,
            note=move.validated_data["note"],
            on=move.validated_data["on"],
        )
        moved = self.get_queryset().get(pk=moved.pk)
        return Response(self.get_serializer(moved).data)
