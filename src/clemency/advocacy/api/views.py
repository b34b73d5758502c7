from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from clemency.accounts.access import can_write_team, writable_teams
from clemency.advocacy import services
from clemency.advocacy.api.serializers import OfficeMemberSerializer, OfficeSerializer, OutreachSerializer
from clemency.advocacy.filtersets import OfficeFilterSet, OutreachFilterSet
from clemency.advocacy.models import Office, OfficeMember, Outreach
from clemency.advocacy.selectors import visible_offices, visible_outreach

READ_ONLY = "Your role on this team is read-only."


class _Base(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    @property
    def _user(self) -> Any:
        return self.request.user


class OfficeViewSet(_Base):
    """The directory: the shared offices and your teams' own. A new entry belongs to your first team
    on which you can write; every change is kept in the entry's history."""

    serializer_class = OfficeSerializer
    filterset_class = OfficeFilterSet

    def get_queryset(self) -> QuerySet[Office]:
        return visible_offices(self._user).prefetch_related("members").order_by("jurisdiction", "name", "id")

    def get_object(self) -> Office:
        office: Office = super().get_object()
        if self.request.method not in SAFE_METHODS:
            services.check_directory_write(office, self._user)
        return office

    def perform_create(self, serializer: Any) -> None:
        team = writable_teams(self._user).first()
        if team is None:
            raise PermissionDenied(READ_ONLY)
        serializer.instance = services.create_office(actor=self._user, team=team, **serializer.validated_data)

    def perform_update(self, serializer: Any) -> None:
        serializer.instance = services.update_office(
            serializer.instance, actor=self._user, **serializer.validated_data
        )


class OfficeMemberViewSet(_Base):
    """People in the directory's offices."""

    serializer_class = OfficeMemberSerializer

    def get_queryset(self) -> QuerySet[OfficeMember]:
        return OfficeMember.objects.filter(office__in=visible_offices(self._user)).order_by(
            "office", "name", "id"
        )

    def get_object(self) -> OfficeMember:
        member: OfficeMember = super().get_object()
        if self.request.method not in SAFE_METHODS:
            services.check_directory_write(member.office, self._user)
        return member

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        office = data.pop("office")
        serializer.instance = services.add_member(office, actor=self._user, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data.pop("office", None)
        serializer.instance = services.update_member(serializer.instance, actor=self._user, **data)


class OutreachViewSet(_Base):
    """The outreach log of the cases you can see. A privileged summary is null for a reader who may not
    read it; every privileged summary returned is recorded as read."""

    serializer_class = OutreachSerializer
    filterset_class = OutreachFilterSet

    def get_queryset(self) -> QuerySet[Outreach]:
        return visible_outreach(self._user).prefetch_related("team_members").order_by("-date", "-id")

    def get_object(self) -> Outreach:
        outreach: Outreach = super().get_object()
        if self.request.method not in SAFE_METHODS and not can_write_team(self._user, outreach.case.team_id):
            raise PermissionDenied(READ_ONLY)
        services.outreach_for_reader([outreach], actor=self._user)
        return outreach

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = services.outreach_for_reader(list(page if page is not None else queryset), actor=self._user)
        serializer = self.get_serializer(rows, many=True)
        if page is not None:
            return self.get_paginated_response(serializer.data)
        return Response(serializer.data)

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        case = data.pop("case")
        if not can_write_team(self._user, case.team_id):
            raise PermissionDenied(READ_ONLY)
        members = data.pop("team_members", [])
        serializer.instance = services.log_outreach(case=case, actor=self._user, team_members=members, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data.pop("case", None)
        members = data.pop("team_members", None)
        instance = services.update_outreach(
            serializer.instance, actor=self._user, team_members=members, **data
        )
        services.outreach_for_reader([instance], actor=self._user)
        serializer.instance = instance
