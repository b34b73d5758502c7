"""Thin views: fetch through accounts.access (or the directory's visibility), validate with a form,
change through a service. A hidden object is a 404."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from clemency.accounts.access import can_write_team, get_visible, writable_teams
from clemency.accounts.listing import filter_errors, matching_rows, paginate
from clemency.advocacy import services
from clemency.advocacy.filtersets import OfficeFilterSet, OutreachFilterSet
from clemency.advocacy.forms import MemberForm, OfficeForm, OutreachForm
from clemency.advocacy.models import Office, OfficeMember, Outreach
from clemency.advocacy.selectors import (
    follow_up_answered,
    visible_offices,
    visible_outreach,
    with_follow_up_state,
)
from clemency.advocacy.tables import OfficeTable, OutreachTable
from clemency.advocacy.timeline import KIND_LABELS, case_timeline
from clemency.audit.services import record_export
from clemency.cases.exporting import neutralise
from clemency.cases.models import Case
from clemency.petitions.forms import add_service_errors


def _user(request: HttpRequest) -> Any:
    return request.user


def _office(request: HttpRequest, pk: int) -> Office:
    office = visible_offices(_user(request)).filter(pk=pk).first()
    if office is None:
        raise Http404("No such office")
    return office


def _can_edit_directory(request: HttpRequest, office: Office | None) -> bool:
    try:
        services.check_directory_write(office, _user(request))
    except PermissionDenied:
        return False
    return True


# --- the directory ----------------------------------------------------------------------------------


def _label(name: str) -> str:
    """A field's name in words (verbose name), never its snake_case id."""
    labels = {field.name: str(field.verbose_name) for field in OfficeMember._meta.concrete_fields}
    labels.update({field.name: str(field.verbose_name) for field in Office._meta.concrete_fields})
    return labels.get(name, name.replace("_", " ")).capitalize()


def _history_rows(office: Office) -> list[Any]:
    rows = list(office.history.all()[:50])
    for row in rows:
        row.change_list = [  # type: ignore[attr-defined]
            (_label(name), pair[0], pair[1]) for name, pair in (row.changes or {}).items()
        ]
    return rows


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    filterset = OfficeFilterSet(request.GET or None, queryset=visible_offices(_user(request)))
    table = OfficeTable(matching_rows(filterset))
    paginate(request, table)
    return render(
        request,
        "advocacy/directory.html",
        {"filter": filterset, "table": table, "can_create": writable_teams(_user(request)).exists()},
    )


@login_required
def office_detail(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request, pk)
    outreach = visible_outreach(_user(request)).filter(office=office)[:50]
    return render(
        request,
        "advocacy/office_detail.html",
        {
            "office": office,
            "members": office.members.all(),
            "history": _history_rows(office),
            # Listed without their summaries: nothing privileged is read here.
            "outreach": list(outreach),
            "can_edit": _can_edit_directory(request, office),
        },
    )


@login_required
def office_create(request: HttpRequest) -> HttpResponse:
    teams = writable_teams(_user(request))
    if not teams.exists():
        raise PermissionDenied("Your role is read-only on every team.")
    form = OfficeForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        # A new entry is the team's own (only it sees it); the shared directory comes from the seed.
        team = form.cleaned_data.get("team") or teams.first()
        try:
            office = services.create_office(actor=_user(request), team=team, **form.service_values())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"“{office}” added to {team}'s directory.")
            return redirect("advocacy:office-detail", pk=office.pk)
    return render(request, "advocacy/form.html", {"form": form, "title": "New directory entry"})


@login_required
def office_edit(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request, pk)
    if not _can_edit_directory(request, office):
        raise PermissionDenied("Your role is read-only: you cannot change the directory.")
    form = OfficeForm(request.POST or None, instance=Office.objects.get(pk=office.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_office(
                office,
                actor=_user(request),
                reason=form.cleaned_data.get("reason", ""),
                **form.service_values(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Directory entry saved; the change is in its history.")
            return redirect("advocacy:office-detail", pk=office.pk)
    return render(request, "advocacy/form.html", {"form": form, "title": f"Edit {office}", "office": office})


@login_required
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    office = _office(request, pk)
    if not _can_edit_directory(request, office):
        raise PermissionDenied("Your role is read-only: you cannot change the directory.")
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_member(office, actor=_user(request), **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Person added.")
            return redirect("advocacy:office-detail", pk=office.pk)
    return render(
        request, "advocacy/form.html", {"form": form, "title": f"Add a person to {office}", "office": office}
    )


@login_required
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = OfficeMember.objects.filter(pk=pk, office__in=visible_offices(_user(request))).first()
    if member is None:
        raise Http404("No such person")
    if not _can_edit_directory(request, member.office):
        raise PermissionDenied("Your role is read-only: you cannot change the directory.")
    form = MemberForm(request.POST or None, instance=OfficeMember.objects.get(pk=member.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(member, actor=_user(request), **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect("advocacy:office-detail", pk=member.office_id)
    return render(
        request, "advocacy/form.html", {"form": form, "title": f"Edit {member}", "office": member.office}
    )


# --- the outreach log -------------------------------------------------------------------------------


def _outreach(request: HttpRequest, pk: int, *, write: bool = False) -> Outreach:
    return cast(
        Outreach,
        get_visible(visible_outreach(_user(request)), _user(request), "case__team", write=write, pk=pk),
    )


@login_required
def outreach_list(request: HttpRequest) -> HttpResponse:
    filterset = OutreachFilterSet(request.GET or None, queryset=visible_outreach(_user(request)))
    table = OutreachTable(matching_rows(filterset))
    paginate(request, table)
    return render(
        request,
        "advocacy/outreach_list.html",
        {"filter": filterset, "table": table, "export_query": request.GET.urlencode()},
    )


EXPORT_COLUMNS = [
    "outreach_id",
    "case_id",
    "case",
    "date",
    "time",
    "duration_minutes",
    "channel",
    "status",
    "office",
    "person_in_office",
    "counterpart",
    "team_members",
    "subject",
    "summary",
    "outcome",
    "next_step",
    "follow_up_on",
    "follows_up",
]


@login_required
def outreach_export(request: HttpRequest) -> HttpResponse:
    """The filtered outreach log as CSV, formulas neutralised; privileged summaries are never exported."""
    user = _user(request)
    filterset = OutreachFilterSet(request.GET, queryset=visible_outreach(user))
    if not filterset.is_valid():
        return HttpResponse(
            f"Nothing exported; the filter was not understood: {filter_errors(filterset)}",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    rows = list(filterset.qs.prefetch_related("team_members"))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for item in rows:
        writer.writerow(
            [
                neutralise(cell)
                for cell in (
                    item.pk,
                    item.case_id,
                    item.case,
                    item.date,
                    item.time or "",
                    item.duration_minutes or "",
                    item.get_channel_display(),
                    item.get_status_display(),
                    item.office or "",
                    item.office_member or "",
                    item.counterpart,
                    "; ".join(str(member) for member in item.team_members.all()),
                    item.subject,
                    "(privileged: not exported)" if item.summary_privileged else item.summary,
                    item.outcome,
                    item.next_step,
                    item.follow_up_on or "",
                    item.parent_id or "",
                )
            ]
        )
    by_team = Counter(item.case.team_id for item in rows)
    with transaction.atomic():
        for team_id in sorted(by_team) or []:
            record_export(
                actor=user,
                team_ids=[team_id],
                what="outreach",
                filters=dict(request.GET.items()),
                rows=by_team[team_id],
            )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="outreach.csv"'
    return response


@login_required
def outreach_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    user = _user(request)
    case = cast(
        Case, get_visible(Case.objects.select_related("person", "team"), user, "team", write=True, pk=case_pk)
    )
    initial: dict[str, Any] = {"date": timezone.localdate(), "team_members": [user.pk]}
    parent_id = request.GET.get("parent", "")
    if parent_id.isdigit():
        parent = case.outreach.filter(pk=int(parent_id)).first()
        if parent is not None:
            initial.update(
                parent=parent.pk,
                office=parent.office_id,
                office_member=parent.office_member_id,
                counterpart=parent.counterpart,
                petition=parent.petition_id,
                channel=parent.channel,
                subject=f"Follow-up: {parent.subject}"[:200],
                date=parent.follow_up_on or timezone.localdate(),
            )
    form = OutreachForm(request.POST or None, case=case, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        members = list(data.pop("team_members"))
        try:
            outreach = services.log_outreach(case=case, actor=user, team_members=members, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Contact logged: {outreach.subject}.")
            return redirect("advocacy:outreach-detail", pk=outreach.pk)
    return render(
        request,
        "advocacy/outreach_form.html",
        {"form": form, "case": case, "outreach": None},
        status=400 if form.errors else 200,
    )


@login_required
def outreach_detail(request: HttpRequest, pk: int) -> HttpResponse:
    outreach = _outreach(request, pk)
    [outreach] = services.outreach_for_reader([outreach], actor=_user(request))
    follow_ups = with_follow_up_state(visible_outreach(_user(request)).filter(parent=outreach))
    logged = Outreach.objects.filter(follow_up_answered(), pk=outreach.pk).exists()
    return render(
        request,
        "advocacy/outreach_detail.html",
        {
            "outreach": outreach,
            "case": outreach.case,
            "team_members": outreach.team_members.all(),
            "follow_ups": follow_ups,
            "follow_up_logged": logged,
            "can_write": can_write_team(_user(request), outreach.case.team_id),
        },
    )


@login_required
def outreach_edit(request: HttpRequest, pk: int) -> HttpResponse:
    outreach = _outreach(request, pk, write=True)
    [outreach] = services.outreach_for_reader([outreach], actor=_user(request))
    if getattr(outreach, "summary_hidden", False):
        raise PermissionDenied("This contact's summary is privileged; you cannot change it.")
    form = OutreachForm(
        request.POST or None,
        instance=Outreach.objects.get(pk=outreach.pk),
        case=outreach.case,
        user=_user(request),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        members = list(data.pop("team_members"))
        try:
            services.update_outreach(outreach, actor=_user(request), team_members=members, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Contact saved.")
            return redirect("advocacy:outreach-detail", pk=outreach.pk)
    return render(
        request,
        "advocacy/outreach_form.html",
        {"form": form, "case": outreach.case, "outreach": outreach},
        status=400 if form.errors else 200,
    )


# --- the case timeline ------------------------------------------------------------------------------


@login_required
def timeline(request: HttpRequest, case_pk: int) -> HttpResponse:
    user = _user(request)
    case = cast(Case, get_visible(Case.objects.select_related("person", "team"), user, "team", pk=case_pk))
    chosen = {kind for kind in request.GET.getlist("kind") if kind in KIND_LABELS}
    entries = case_timeline(case, actor=user, kinds=chosen or None)
    return render(
        request,
        "advocacy/timeline.html",
        {
            "case": case,
            "entries": entries,
            "kinds": KIND_LABELS.items(),
            "chosen": chosen or set(KIND_LABELS),
            "today": timezone.localdate(),
        },
    )
