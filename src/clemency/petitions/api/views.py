from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import can_write_team, restrict, role_on_team, writable_teams
from clemency.petitions import services
from clemency.petitions.api.serializers import (
    CategoricalActionSerializer,
    CorrectSerializer,
    DecideSerializer,
    DecisionSerializer,
    LinkCasesSerializer,
    MoveSerializer,
    PetitionSerializer,
)
from clemency.petitions.decisions import (
    DECIDING_ROLES,
    correct_decision,
    link_cases,
    record_categorical_action,
    record_decision,
)
from clemency.petitions.filtersets import PetitionFilterSet
from clemency.petitions.models import CategoricalAction, Petition, PetitionDecision

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

    @extend_schema(request=DecideSerializer, responses=DecisionSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        """Record the petition's decision (attorneys and admins). A grant or a denial needs
        `confirmed: true`; the decision updates the case (custody, status, execution dates)."""
        petition = self.get_object()
        data = DecideSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        confirmed = values.pop("confirmed")
        custody = values.pop("custody_status")
        decision = record_decision(
            petition, actor=request.user, confirmed=confirmed, custody_status=custody, **values
        )
        return Response(DecisionSerializer(decision).data, status=201)


class DecisionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Decisions on the petitions you can see, corrected ones included (marked `superseded`)."""

    serializer_class = DecisionSerializer

    def get_queryset(self) -> QuerySet[PetitionDecision]:
        queryset = PetitionDecision.objects.select_related("petition__case")
        return restrict(queryset, cast(Any, self.request.user), "petition__case__team").order_by(
            "-decided_on", "-id"
        )

    def get_object(self) -> PetitionDecision:
        decision: PetitionDecision = super().get_object()
        if self.request.method not in SAFE_METHODS and not can_write_team(
            cast(Any, self.request.user), decision.petition.case.team_id
        ):
            raise PermissionDenied(READ_ONLY)
        return decision

    @extend_schema(request=CorrectSerializer, responses=DecisionSerializer)
    @action(detail=True, methods=["post"])
    def correct(self, request: Request, pk: str | None = None) -> Response:
        """Replace a mistaken decision (attorneys and admins), with a reason kept in the history."""
        decision = self.get_object()
        data = CorrectSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        confirmed = values.pop("confirmed")
        custody = values.pop("custody_status")
        reason = values.pop("reason")
        new = correct_decision(
            decision, actor=request.user, reason=reason, confirmed=confirmed, custody_status=custody, **values
        )
        return Response(DecisionSerializer(new).data, status=201)


class CategoricalActionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Actions deciding a class of cases. A new one belongs to your first team on which you are an
    attorney or admin; link the cases it decides with `link_cases`."""

    serializer_class = CategoricalActionSerializer
    queryset = CategoricalAction.objects.none()

    def get_queryset(self) -> QuerySet[CategoricalAction]:
        queryset = CategoricalAction.objects.prefetch_related("cases")
        return restrict(queryset, cast(Any, self.request.user)).order_by("-decided_on", "-id")

    def get_object(self) -> CategoricalAction:
        action_: CategoricalAction = super().get_object()
        if self.request.method not in SAFE_METHODS and not can_write_team(
            cast(Any, self.request.user), action_.team_id
        ):
            raise PermissionDenied(READ_ONLY)
        return action_

    def perform_create(self, serializer: Any) -> None:
        user: Any = self.request.user
        teams = [team for team in writable_teams(user) if role_on_team(user, team.pk) in DECIDING_ROLES]
        if not teams:
            raise PermissionDenied("Only an attorney or an admin of a team records a categorical action.")
        values = dict(serializer.validated_data)
        confirmed = values.pop("confirmed", False)
        serializer.instance = record_categorical_action(
            team=teams[0], actor=user, confirmed=confirmed, **values
        )

    @extend_schema(request=LinkCasesSerializer, responses=CategoricalActionSerializer)
    @action(detail=True, methods=["post"], url_path="link-cases", url_name="link-cases")
    def link_cases(self, request: Request, pk: str | None = None) -> Response:
        """Link the listed cases (of the action's team) in one step."""
        action_ = self.get_object()
        data = LinkCasesSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        link_cases(action_, list(data.validated_data["cases"]), actor=request.user)
        return Response(CategoricalActionSerializer(self.get_queryset().get(pk=action_.pk)).data)
