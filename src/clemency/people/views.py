"""People pages: thin views; every object comes through accounts.access."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from clemency.accounts.access import can_write_team, get_visible, writable_teams
from clemency.accounts.http import AuthenticatedHttpRequest
from clemency.accounts.listing import matching_rows, paginate
from clemency.cases.selectors import visible_people
from clemency.people import services
from clemency.people.filtersets import PersonFilterSet
from clemency.people.forms import ContactLogForm, PersonForm
from clemency.people.models import Person
from clemency.people.tables import PersonTable


@login_required
def person_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    filterset = PersonFilterSet(request.GET, queryset=visible_people(request.user))
    table = PersonTable(matching_rows(filterset))
    paginate(request, table)
    return render(
        request,
        "people/list.html",
        {"filter": filterset, "table": table, "can_create": writable_teams(request.user).exists()},
    )


@login_required
def person_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = cast(Person, get_visible(Person.objects.select_related("team"), request.user, pk=pk))
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "cases": person.cases.all(),
            "contacts": person.contacts.select_related("created_by"),
            "contact_form": ContactLogForm(),
            "can_write": can_write_team(request.user, person.team_id),
        },
    )


def _save(request: AuthenticatedHttpRequest, form: PersonForm, person: Person | None) -> Person | None:
    if not form.is_valid():
        return None
    try:
        if person is None:
            return services.create_person(actor=request.user, team=form.instance.team, **form.values())
        return services.update_person(person, actor=request.user, **form.values())
    except ValidationError as error:
        form.add_error(None, error)
        return None


@login_required
def person_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    teams = list(writable_teams(request.user))
    if not teams:
        raise PermissionDenied("Your role is read-only on every team.")
    form = PersonForm(request.POST or None, teams=teams)
    if request.method == "POST":
        person = _save(request, form, None)
        if person is not None:
            messages.success(request, f"{person} added.")
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/form.html", {"form": form, "title": "Add a person"},
                  status=400 if form.errors else 200)


@login_required
def person_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = cast(Person, get_visible(Person.objects.all(), request.user, write=True, pk=pk))
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST":
        saved = _save(request, form, person)
        if saved is not None:
            messages.success(request, f"{saved} saved.")
            return redirect("people:detail", pk=saved.pk)
    return render(request, "people/form.html", {"form": form, "title": f"Edit {person}", "person": person},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def contact_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = cast(Person, get_visible(Person.objects.all(), request.user, write=True, pk=pk))
    form = ContactLogForm(request.POST)
    if form.is_valid():
        services.log_contact(person, actor=request.user, **form.cleaned_data)
        messages.success(request, "Contact logged.")
        return redirect("people:detail", pk=person.pk)
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "cases": person.cases.all(),
            "contacts": person.contacts.all(),
            "contact_form": form,
            "can_write": True,
        },
        status=400,
    )
