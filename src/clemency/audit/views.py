"""The audit log, for a team's admins: filter it, read one event, export it as CSV."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from clemency.accounts.access import admin_team_ids, get_visible, is_team_admin
from clemency.accounts.listing import matching_rows, paginate
from clemency.audit.export import csv_lines
from clemency.audit.filtersets import AuditEventFilterSet
from clemency.audit.models import AuditEvent
from clemency.audit.selectors import visible_events
from clemency.audit.services import record_export
from clemency.audit.tables import AuditEventTable


def _admin_events(request: HttpRequest) -> Any:
    # Anyone who is not an admin of some team learns nothing, not even that the page exists.
    if not admin_team_ids(request.user):  # type: ignore[arg-type]
        raise Http404("No such page")
    return visible_events(request.user)


def _case_events(request: HttpRequest, case_id: int) -> tuple[Any, Any]:
    from clemency.cases.models import Case

    case = get_visible(Case.objects.all(), request.user, pk=case_id)  # type: ignore[arg-type]
    if not is_team_admin(request.user, case.team_id):  # type: ignore[arg-type, attr-defined]
        raise Http404("No such record")
    return case, visible_events(request.user).filter(case_id=case.pk, team_id=case.team_id)  # type: ignore[attr-defined]


def _page(request: HttpRequest, events: Any, context: dict[str, Any]) -> HttpResponse:
    filterset = AuditEventFilterSet(request.GET or None, queryset=events, request=request)
    table = AuditEventTable(matching_rows(filterset))
    paginate(request, table)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("sort", None)
    return render(request, "audit/event_list.html",
                  {"filter": filterset, "table": table, "export_query": query.urlencode(), **context})


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    return _page(request, _admin_events(request), {"case": None})


@login_required
@require_GET
def case_events(request: HttpRequest, case_id: int) -> HttpResponse:
    case, events = _case_events(request, case_id)
    return _page(request, events, {"case": case})


@login_required
@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _admin_events(request).filter(pk=pk).first()
    if event is None:
        raise Http404("No such record")
    changes = []
    before, after = event.before or {}, event.after or {}
    for key in sorted(set(before) | set(after)):
        changes.append({"field": key, "before": before.get(key), "after": after.get(key),
                        "changed": before.get(key) != after.get(key)})
    return render(request, "audit/event_detail.html", {"event": event, "changes": changes})


def _export(request: HttpRequest, events: Any, team_ids: list[int],
            filename: str) -> HttpResponse | StreamingHttpResponse:
    filterset = AuditEventFilterSet(request.GET or None, queryset=events, request=request)
    if filterset.is_bound and not filterset.is_valid():
        return render(request, "audit/event_list.html",
                      {"filter": filterset, "table": AuditEventTable(events.none()), "case": None,
                       "export_query": ""}, status=400)
    rows = filterset.qs.order_by("at", "id")
    with transaction.atomic():
        record_export(actor=request.user, team_ids=team_ids, what="audit",
                      filters=dict(request.GET.items()), rows=rows.count())
    response = StreamingHttpResponse(csv_lines(rows.iterator(chunk_size=2000)),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    events = _admin_events(request)
    return _export(request, events, admin_team_ids(request.user), f"audit-{stamp}.csv")  # type: ignore[arg-type]


@login_required
@require_GET
def case_export(request: HttpRequest, case_id: int) -> HttpResponse | StreamingHttpResponse:
    case, events = _case_events(request, case_id)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return _export(request, events, [case.team_id], f"audit-case-{case.pk}-{stamp}.csv")


__all__ = ["AuditEvent", "case_events", "case_export", "event_detail", "event_list", "export"]
