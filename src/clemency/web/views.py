from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from clemency.advocacy.selectors import dashboard_follow_ups
from clemency.deadlines.models import DeadlineKind
from clemency.deadlines.selectors import most_urgent_cases
from clemency.dna.selectors import stalled_steps

# Enough for a clinic's open caseload on one page; the case list pages through the rest.
DASHBOARD_LIMIT = 200


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The user's teams' open cases: nearest undone execution date first, then nearest deadline,
    then priority."""
    today = timezone.localdate()
    cases: list[Any] = most_urgent_cases(request.user, DASHBOARD_LIMIT)
    for case in cases:
        case.next_kind_label = DeadlineKind(case.next_kind).label if case.next_kind else ""
        case.days_to_next = (case.next_date - today).days if case.next_date else None
        case.days_to_execution = (case.next_execution_date - today).days if case.next_execution_date else None
    context = {"cases": cases, "today": today, "limit": DASHBOARD_LIMIT}
    context["follow_ups"] = dashboard_follow_ups(request.user, today)
    context["dna_stalled"] = stalled_steps(request.user, today).order_by("due_on")[:DASHBOARD_LIMIT]
    return render(request, "web/dashboard.html", context)


def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
