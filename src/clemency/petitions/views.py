"""Thin views: fetch through accounts.access, validate with a form, change through a service."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from clemency.accounts.access import can_write_team, get_visible, restrict
from clemency.accounts.listing import matching_rows, paginate
from clemency.cases.models import Case
from clemency.petitions import services
from clemency.petitions.filtersets import PetitionFilterSet
from clemency.petitions.forms import MoveForm, PetitionForm, add_service_errors
from clemency.petitions.models import Petition, PetitionStatus
from clemency.petitions.tables import PetitionTable

TEAM_PATH = "case__team"


def _petitions() -> Any:
    return Petition.objects.select_related("case", "case__person", "case__team")


def _get(request: HttpRequest, pk: int, *, write: bool = False) -> Petition:
    user: Any = request.user
    return cast(Petition, get_visible(_petitions(), user, TEAM_PATH, write=write, pk=pk))


@login_required
def petition_list(request: HttpRequest) -> HttpResponse:
    base = restrict(_petitions(), cast(Any, request.user), TEAM_PATH)
    filterset = PetitionFilterSet(request.GET or None, queryset=base)
    rows = matching_rows(filterset)
    table = PetitionTable(rows)
    paginate(request, table)
    return render(request, "petitions/list.html", {"filter": filterset, "table": table})


@login_required
def petition_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    user: Any = request.user
    case = cast(
        Case, get_visible(Case.objects.select_related("person"), user, "team", write=True, pk=case_pk)
    )
    form = PetitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            petition = services.create_petition(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Petition “{petition}” created as a draft.")
            return redirect("petitions:detail", pk=petition.pk)
    return render(request, "petitions/form.html", {"form": form, "case": case, "petition": None},
                  status=400 if form.errors else 200)


@login_required
def petition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get(request, pk, write=True)
    form = PetitionForm(request.POST or None, instance=Petition.objects.get(pk=petition.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_petition(petition, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Petition saved.")
            return redirect("petitions:detail", pk=petition.pk)
    return render(request, "petitions/form.html", {"form": form, "case": petition.case, "petition": petition},
                  status=400 if form.errors else 200)


def _detail(
    request: HttpRequest, petition: Petition, move_form: MoveForm | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "petition": petition,
        "case": petition.case,
        "history": petition.history.all(),
        "can_write": can_write_team(cast(Any, request.user), petition.case.team_id),
        "move_form": move_form or MoveForm(petition=petition),
    }
    return render(request, "petitions/detail.html", context, status=status)


@login_required
def petition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _get(request, pk))


@login_required
@require_POST
def petition_move(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get(request, pk, write=True)
    form = MoveForm(request.POST, petition=petition)
    if form.is_valid():
        try:
            moved = services.move_petition(
                petition,
                form.cleaned_data["status"],
                actor=request.user,
                note=form.cleaned_data["note"],
                on=form.cleaned_data["on"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Petition moved to {PetitionStatus(moved.status).label}.")
            return redirect("petitions:detail", pk=petition.pk)
    # Show the refusal next to the field, on the petition as it now is.
    return _detail(request, _get(request, pk), form, status=400)
