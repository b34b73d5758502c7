"""People over the API: the same filter set and services as the pages; hidden people are 404."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clemency.accounts.access import can_write_team
from clemency.cases.selectors import visible_people
from clemency.people import services
from clemency.people.api.serializers import ContactLogSerializer, PersonSerializer
from clemency.people.filtersets import PersonFilterSet
from clemency.people.models import Person


class PersonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet

    def get_queryset(self) -> Any:
        return visible_people(self.request.user).order_by("family_name", "given_name", "pk")

    def _writable(self) -> Person:
        person = cast(Person, self.get_object())
        if not can_write_team(self.request.user, person.team_id):  # type: ignore[arg-type]
            raise PermissionDenied("Your role on this team is read-only.")
        return person

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        values = dict(serializer.validated_data)  # type: ignore[arg-type]
        team = values.pop("team")
        serializer.instance = services.create_person(actor=self.request.user, team=team, **values)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self._writable()  # the role before the body: read-only is 403, not 400
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        person = cast(Person, serializer.instance)
        values = dict(serializer.validated_data)  # type: ignore[arg-type]
        values.pop("team", None)
        serializer.instance = services.update_person(person, actor=self.request.user, **values)

    @extend_schema(methods=["GET"], responses=ContactLogSerializer(many=True))
    @extend_schema(methods=["POST"], request=ContactLogSerializer, responses={201: ContactLogSerializer})
    @action(
        detail=True,
        methods=["get", "post"],
        serializer_class=ContactLogSerializer,
        filterset_class=None,
        pagination_class=None,  # the whole log, as a plain list
    )
    def contacts(self, request: Request, pk: str | None = None) -> Response:
        """The person's contact log; POST logs a call, visit or letter."""
        if request.method == "GET":
            person = cast(Person, self.get_object())
            return Response(ContactLogSerializer(person.contacts.all(), many=True).data)
        person = self._writable()
        serializer = ContactLogSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contact = services.log_contact(person, actor=request.user, **serializer.validated_data)
        return Response(ContactLogSerializer(contact).data, status=status.HTTP_201_CREATED)
