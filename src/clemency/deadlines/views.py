"""Thin views: fetch through accounts.access, validate with a form, change through a service."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from clemency.accounts.access import get_visible, writable_teams
from clemency.accounts.listing import matching_rows, paginate
from clemency.accounts.models import User
from clemency.advocacy.calendar import follow_up_events
from clemency.advocacy.selectors import feed_follow_ups
from clemency.cases.models import Case
from clemency.deadlines import services
from clemency.deadlines.calendar import build_calendar
from clemency.deadlines.filtersets import DeadlineFilterSet
from clemency.deadlines.forms import DeadlineForm, PastExecutionForm, add_service_errors
from clemency.deadlines.models import Deadline
from clemency.deadlines.selectors import feed_deadlines, visible_deadlines
from clemency.deadlines.tables import DeadlineTable

TEAM_PATH = "case__team"


def _get(request: HttpRequest, pk: int, *, write: bool = False) -> Deadline:
    user: Any = request.user
    return cast(Deadline, get_visible(visible_deadlines(user), user, TEAM_PATH, write=write, pk=pk))


def _get_case(request: HttpRequest, pk: int) -> Case:
    user: Any = request.user
    return cast(Case, get_visible(Case.objects.select_related("person"), user, "team", write=True, pk=pk))


# How far back the feed reaches: enough for last year's hearings, not every date ever kept.
FEED_HISTORY = datetime.timedelta(days=365)


@login_required
def deadline_list(request: HttpRequest) -> HttpResponse:
    base = visible_deadlines(cast(Any, request.user))
    # Without filters: the open ones, soonest first.
    filterset = DeadlineFilterSet(request.GET or {"done": "false"}, queryset=base)
    rows = matching_rows(filterset)
    writable = set(writable_teams(cast(Any, request.user)).values_list("pk", flat=True))
    table = DeadlineTable(rows, writable_team_ids=writable)
    paginate(request, table)
    return render(request, "deadlines/list.html", {"filter": filterset, "table": table})


@login_required
def deadline_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = _get_case(request, case_pk)
    form = DeadlineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            deadline = services.create_deadline(
                case=case, actor=request.user, confirm_past=form.cleaned_data["confirm_past"], **form.values()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Added {deadline}.")
            return redirect("cases:detail", pk=case.pk)
    return render(request, "deadlines/form.html", {"form": form, "case": case, "deadline": None},
                  status=400 if form.errors else 200)


@login_required
def deadline_edit(request: HttpRequest, pk: int) -> HttpResponse:
    deadline = _get(request, pk, write=True)
    form = DeadlineForm(request.POST or None, instance=Deadline.objects.get(pk=deadline.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_deadline(
                deadline, actor=request.user, confirm_past=form.cleaned_data["confirm_past"], **form.values()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Deadline saved.")
            return redirect("cases:detail", pk=deadline.case_id)
    return render(request, "deadlines/form.html", {"form": form, "case": deadline.case, "deadline": deadline},
                  status=400 if form.errors else 200)


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def deadline_done(request: HttpRequest, pk: int) -> HttpResponse:
    deadline = _get(request, pk, write=True)
    value = request.POST.get("done")
    if value not in ("1", "0"):
        messages.error(request, "done: say 1 (done) or 0 (not done).")
        return _back(request, reverse("cases:detail", args=[deadline.case_id]))
    if value == "1":
        services.mark_deadline_done(deadline, actor=request.user)
    else:
        services.mark_deadline_undone(deadline, actor=request.user)
    if getattr(request, "htmx", False):
        # htmx swaps just the case page's deadline panel; without JavaScript the form redirects back.
        return render(request, "deadlines/_case_panel.html", {"case": deadline.case})
    state = "done" if value == "1" else "not done"
    messages.success(request, f"Marked {state}: {deadline.title}.")
    return _back(request, reverse("cases:detail", args=[deadline.case_id]))


@login_required
@require_POST
def execution_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """An execution date gone by: say whether it was stayed, reset (with the new date) or carried out."""
    deadline = _get(request, pk, write=True)
    form = PastExecutionForm(request.POST)
    if form.is_valid():
        try:
            services.resolve_past_execution(
                deadline, actor=request.user, outcome=form.cleaned_data["outcome"],
                new_date=form.cleaned_data["new_date"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Recorded: {deadline.title}.")
    else:
        for field, errors in form.errors.items():
            messages.error(request, f"{field.replace('_', ' ')}: {' '.join(str(e) for e in errors)}")
    return _back(request, reverse("cases:detail", args=[deadline.case_id]))


@login_required
def deadline_delete(request: HttpRequest, pk: int) -> HttpResponse:
    deadline = _get(request, pk, write=True)
    if request.method == "POST":
        services.delete_deadline(deadline, actor=request.user)
        messages.success(request, f"Deleted {deadline.title}.")
        return redirect("cases:detail", pk=deadline.case_id)
    return render(request, "deadlines/confirm_delete.html", {"deadline": deadline, "case": deadline.case})


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    user = User.objects.get(pk=cast(Any, request.user).pk)
    feed_url = request.build_absolute_uri(reverse("deadlines:feed", args=[user.calendar_token]))
    return render(request, "deadlines/calendar.html", {"feed_url": feed_url})


@login_required
@require_POST
def calendar_rotate(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    services.rotate_calendar_token(user, actor=user)
    messages.success(request, "New calendar link made. The old link no longer works: subscribe again.")
    return redirect("deadlines:calendar")


@require_GET
@never_cache
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Unauthenticated by design (calendar apps cannot sign in); the unguessable token is the key."""
    user = User.objects.filter(calendar_token=token, is_active=True).first() if token else None
    if user is None:
        raise Http404("No such calendar")
    since = timezone.localdate() - FEED_HISTORY

    def case_url(pk: int) -> str:
        return request.build_absolute_uri(reverse("cases:detail", args=[pk]))

    # Outreach follow-ups are deadlines too; the advocacy app keeps them (issue 18).
    follow_ups = follow_up_events(
        feed_follow_ups(user, since=since), case_url=case_url, host=request.get_host()
    )
    body = build_calendar(
        feed_deadlines(user, since=since),
        host=request.get_host(),
        case_url=case_url,
        extra_events=follow_ups,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="clemency-deadlines.ics"'
    return response
