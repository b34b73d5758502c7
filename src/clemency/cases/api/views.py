"""Cases, convictions and notes over the API: the pages' filter sets and services; hidden rows are 404."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clemency.accounts.access import can_write_team, privileged_filter, restrict
from clemency.audit.services import record_event
from clemency.cases import services
from clemency.cases.api.serializers import (
    CaseMoveSerializer,
    CaseSerializer,
    ChargeSerializer,
    ConvictionSerializer,
    FactsAnswerSerializer,
    NoteSerializer,
    PartySerializer,
)
from clemency.cases.filtersets import CaseFilterSet, ConvictionFilterSet, NoteFilterSet
from clemency.cases.models import Case, Conviction, Note
from clemency.cases.selectors import visible_cases


class _Writable:
    """get_object, then refuse a read-only role (the object was visible, so 403 rather than 404)."""

    request: Any
    get_object: Any

    def writable(self, team_id_of: Any) -> Any:
        obj = self.get_object()
        if not can_write_team(self.request.user, team_id_of(obj)):
            raise PermissionDenied("Your role on this team is read-only.")
        return obj


class CaseViewSet(
    _Writable,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = CaseSerializer
    filterset_class = CaseFilterSet

    def get_queryset(self) -> Any:
        return (
            visible_cases(self.request.user)
            .prefetch_related("convictions__charges", "convictions__parties", "convictions__sentence")
            .order_by("priority", "pk")
        )

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        values = dict(serializer.validated_data)  # type: ignore[arg-type]
        person = values.pop("person")
        serializer.instance = services.create_case(actor=self.request.user, person=person, **values)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.writable(lambda c: c.team_id)  # the role before the body: read-only is 403, not 400
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        case = cast(Case, serializer.instance)
        values = dict(serializer.validated_data)  # type: ignore[arg-type]
        values.pop("person", None)
        serializer.instance = services.update_case(case, actor=self.request.user, **values)

    @extend_schema(request=CaseMoveSerializer, responses=CaseSerializer)
    @action(detail=True, methods=["post"], serializer_class=CaseMoveSerializer, filterset_class=None)
    def move(self, request: Request, pk: str | None = None) -> Response:
        """Move the case along its pipeline; a wrong move is a 400 naming `to_status`."""
        case = self.writable(lambda c: c.team_id)
        serializer = CaseMoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.move_case(case, actor=request.user, **serializer.validated_data)
        return Response(CaseSerializer(case, context=self.get_serializer_context()).data)


    @extend_schema(
        parameters=[
            OpenApiParameter("as_of", OpenApiTypes.DATE, description="Date to decide on"),
            OpenApiParameter("pathway", OpenApiTypes.STR, many=True, description="Pathway ids (all)"),
            OpenApiParameter("proof", OpenApiTypes.BOOL, description="Add each criterion's inner steps"),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def eligibility(self, request: Request, pk: str | None = None) -> Response:
        """The case's eligibility as `clemency explain --format json` prints it for the case's facts."""
        from clemency.cases.api.facts import eligibility_json

        return Response(eligibility_json(self.get_object(), request.query_params))

    @extend_schema(
        methods=["GET"], responses={200: OpenApiTypes.OBJECT}, description="Every rulebook fact of the case."
    )
    @extend_schema(methods=["PATCH"], request=FactsAnswerSerializer, responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get", "patch"], filterset_class=None, pagination_class=None)
    def facts(self, request: Request, pk: str | None = None) -> Response:
        """Read every fact of the case (`{"facts": {name: ...}}`), or record answers (PATCH)."""
        from clemency.cases.api.facts import facts_json
        from clemency.cases.services_facts import answer_facts

        if request.method == "GET":
            return Response(facts_json(self.get_object()))
        case = self.writable(lambda c: c.team_id)  # the role before the body: read-only is 403, not 400
        serializer = FactsAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            answer_facts(case, actor=request.user, **serializer.validated_data)
        except DjangoValidationError as error:
            named = error.message_dict if hasattr(error, "error_dict") else {"answers": error.messages}
            raise ValidationError({"answers": named}) from None
        return Response(facts_json(case))


class ConvictionViewSet(
    _Writable,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ConvictionSerializer
    filterset_class = ConvictionFilterSet

    def get_queryset(self) -> Any:
        return restrict(
            Conviction.objects.select_related("sentence").prefetch_related("charges", "parties"),
            self.request.user,
            "case__team",
        ).order_by("pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        values = dict(serializer.validated_data)  # type: ignore[arg-type]
        case = values.pop("case")
        serializer.instance = services.add_conviction(case, actor=self.request.user, **values)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.writable(lambda c: c.case.team_id)  # the role before the body: read-only is 403, not 400
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        conviction = cast(Conviction, serializer.instance)
        values = dict(serializer.validated_data)  # type: ignore[arg-type]
        values.pop("case", None)
        sentence = values.pop("sentence", None)
        from django.db import transaction

        with transaction.atomic():
            services.update_conviction(conviction, actor=self.request.user, **values)
            if sentence:
                services.set_sentence(conviction, actor=self.request.user, **sentence)
        conviction.refresh_from_db()
        serializer.instance = conviction

    @action(detail=True, methods=["post"], serializer_class=ChargeSerializer, filterset_class=None)
    def charges(self, request: Request, pk: str | None = None) -> Response:
        conviction = self.writable(lambda c: c.case.team_id)
        serializer = ChargeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        charge = services.add_charge(conviction, actor=request.user, **serializer.validated_data)
        return Response(ChargeSerializer(charge).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], serializer_class=PartySerializer, filterset_class=None)
    def parties(self, request: Request, pk: str | None = None) -> Response:
        conviction = self.writable(lambda c: c.case.team_id)
        serializer = PartySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        party = services.add_party(conviction, actor=request.user, **serializer.validated_data)
        return Response(PartySerializer(party).data, status=status.HTTP_201_CREATED)


class NoteViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """The case journal. Privileged notes appear only to those who may read them; each read is recorded."""

    serializer_class = NoteSerializer
    filterset_class = NoteFilterSet

    def get_queryset(self) -> Any:
        user: Any = self.request.user
        return (
            restrict(Note.objects.select_related("author", "case"), user, "case__team")
            .filter(privileged_filter(user))
            .order_by("-created_at", "-pk")
        )

    def _record_reads(self, notes: list[Note]) -> None:
        by_case: dict[Case, list[int]] = {}
        for note in notes:
            if note.privileged:
                by_case.setdefault(note.case, []).append(note.pk)
        for case, ids in by_case.items():
            record_event(
                "note.read_privileged",
                actor=self.request.user,
                case_id=case.pk,
                team_id=case.team_id,
                after={"note_ids": ids, "via": "api"},
            )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        notes = list(page if page is not None else queryset)
        self._record_reads(notes)
        data = self.get_serializer(notes, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        note = cast(Note, self.get_object())
        self._record_reads([note])
        return Response(self.get_serializer(note).data)

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        values = dict(serializer.validated_data)  # type: ignore[arg-type]
        case = values.pop("case")
        serializer.instance = services.add_note(case, actor=self.request.user, **values)
