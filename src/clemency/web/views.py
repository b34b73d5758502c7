from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The team's open cases, most urgent first (filled in by the cases app)."""
    from clemency.cases.selectors import open_cases_by_urgency

    return render(request, "web/dashboard.html", {"cases": open_cases_by_urgency(request.user)})


def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
