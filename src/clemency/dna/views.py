"""The case's DNA testing page (durations first), the forms that record each step, and a team's export."""

from __future__ import annotations

import csv
import io
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from clemency.accounts.access import can_write_team, get_visible
from clemency.accounts.listing import filter_errors, matching_rows, paginate
from clemency.audit.services import record_export
from clemency.cases.models import Case
from clemency.csv_cells import neutralise
from clemency.dna import services
from clemency.dna.filtersets import TestingRequestFilterSet
from clemency.dna.forms import EvidenceForm, RequestForm, ResultForm, StepDoneForm, StepForm, TestForm
from clemency.dna.models import EvidenceItem, LabTest, Step, TestingRequest
from clemency.dna.selectors import durations, visible_requests
from clemency.dna.tables import TestingRequestTable
from clemency.transcripts.forms import add_service_errors

EXPORT_COLUMNS = [
    "Request",
    "Case number",
    "Case",
    "Court",
    "Before",
    "Status",
    "Filed on",
    "Days since the request",
    "Ordered on",
    "Days since the order",
    "Evidence last located on",
    "Days since the evidence was located",
    "Awaited",
    "Stalled steps",
]


def _user(request: HttpRequest) -> Any:
    return request.user


def _case(request: HttpRequest, case_pk: int, *, write: bool = False) -> Case:
    return cast(
        Case,
        get_visible(
            Case.objects.select_related("team", "person"), _user(request), "team", write=write, pk=case_pk
        ),
    )


def _request(request: HttpRequest, pk: int, *, write: bool = False) -> TestingRequest:
    queryset = TestingRequest.objects.select_related("case", "case__team")
    return cast(TestingRequest, get_visible(queryset, _user(request), "case__team", write=write, pk=pk))


def _save(request: HttpRequest, form: Any, call: Any, done: str) -> Any:
    try:
        obj = call(dict(form.cleaned_data))
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(request, done)
    return obj


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    filterset = TestingRequestFilterSet(request.GET, queryset=visible_requests(_user(request)))
    table = TestingRequestTable(matching_rows(filterset))
    paginate(request, table)
    return render(request, "dna/request_list.html", {"filter": filterset, "table": table})


@login_required
@require_GET
def case_page(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = _case(request, case_pk)
    today = timezone.localdate()
    requests = case.dna_requests.prefetch_related("steps", "evidence", "tests", "tests__items")
    return render(
        request,
        "dna/case.html",
        {
            "case": case,
            "today": today,
            "rows": [durations(item, today) for item in requests],
            "evidence": case.dna_evidence.prefetch_related("chain_of_custody"),
            "can_write": can_write_team(_user(request), case.team_id),
        },
    )


@login_required
def evidence_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = _case(request, case_pk, write=True)
    form = EvidenceForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():

        def call(data: dict[str, Any]) -> EvidenceItem:
            documents = list(data.pop("chain_of_custody"))
            return services.add_evidence(case=case, actor=_user(request), documents=documents, **data)

        if _save(request, form, call, "Evidence item recorded."):
            return redirect("dna:case", case_pk=case.pk)
    return render(
        request, "dna/form.html", {"case": case, "form": form, "heading": "Record an evidence item"}
    )


@login_required
def evidence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = EvidenceItem.objects.select_related("case", "case__team")
    item = cast(EvidenceItem, get_visible(queryset, _user(request), "case__team", write=True, pk=pk))
    form = EvidenceForm(request.POST or None, instance=item, case=item.case)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "chain_of_custody"}
        try:
            services.update_evidence(EvidenceItem.objects.get(pk=item.pk), actor=_user(request), **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Evidence item updated.")
            return redirect("dna:case", case_pk=item.case_id)
    return render(request, "dna/form.html", {"case": item.case, "form": form, "heading": f"Edit: {item}"})


@login_required
def request_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = _case(request, case_pk, write=True)
    form = RequestForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():

        def call(data: dict[str, Any]) -> TestingRequest:
            evidence = list(data.pop("evidence"))
            return services.file_request(case=case, actor=_user(request), evidence=evidence, **data)

        created = _save(request, form, call, "DNA testing request recorded.")
        if created:
            return redirect("dna:request-detail", pk=created.pk)
    return render(
        request, "dna/form.html", {"case": case, "form": form, "heading": "Record a DNA testing request"}
    )


@login_required
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request(request, pk, write=True)
    form = RequestForm(request.POST or None, instance=item, case=item.case)
    if request.method == "POST" and form.is_valid():
        fresh = TestingRequest.objects.select_related("case").get(pk=item.pk)

        def call(data: dict[str, Any]) -> TestingRequest:
            evidence = list(data.pop("evidence"))
            updated = services.update_request(fresh, actor=_user(request), **data)
            services.set_request_evidence(updated, actor=_user(request), evidence=evidence)
            return updated

        if _save(request, form, call, "DNA testing request updated."):
            return redirect("dna:request-detail", pk=item.pk)
    return render(request, "dna/form.html", {"case": item.case, "form": form, "heading": f"Edit: {item}"})


@login_required
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "dna/request_detail.html",
        {
            "case": item.case,
            "item": item,
            "row": durations(item, today),
            "steps": item.steps.all(),
            "tests": item.tests.prefetch_related("items"),
            "today": today,
            "can_write": can_write_team(_user(request), item.case.team_id),
        },
    )


@login_required
def step_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request(request, pk, write=True)
    form = StepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = lambda data: services.record_step(request=item, actor=_user(request), **data)  # noqa: E731
        if _save(request, form, call, "Step recorded."):
            return redirect("dna:request-detail", pk=item.pk)
    return render(
        request, "dna/form.html", {"case": item.case, "form": form, "heading": f"Record a step: {item}"}
    )


@login_required
@require_POST
def step_done(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = Step.objects.select_related("request", "request__case", "request__case__team", "deadline")
    step = cast(Step, get_visible(queryset, _user(request), "request__case__team", write=True, pk=pk))
    form = StepDoneForm(request.POST)
    if form.is_valid():
        try:
            services.mark_step_done(step, actor=_user(request), **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, f"{step} marked as happened.")
    else:
        messages.error(request, "Give the date it happened (YYYY-MM-DD).")
    return redirect("dna:request-detail", pk=step.request_id)


@login_required
def test_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request(request, pk, write=True)
    form = TestForm(request.POST or None, request_obj=item)
    if request.method == "POST" and form.is_valid():

        def call(data: dict[str, Any]) -> LabTest:
            items = list(data.pop("items"))
            return services.record_test(request=item, actor=_user(request), items=items, **data)

        if _save(request, form, call, "Test recorded."):
            return redirect("dna:request-detail", pk=item.pk)
    return render(
        request, "dna/form.html", {"case": item.case, "form": form, "heading": f"Record a test: {item}"}
    )


@login_required
def test_result(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = LabTest.objects.select_related("request", "request__case", "request__case__team")
    test = cast(LabTest, get_visible(queryset, _user(request), "request__case__team", write=True, pk=pk))
    form = ResultForm(request.POST or None, instance=test)
    if request.method == "POST" and form.is_valid():
        fresh = LabTest.objects.select_related("request", "request__case").get(pk=test.pk)
        call = lambda data: services.record_result(fresh, actor=_user(request), **data)  # noqa: E731
        if _save(request, form, call, "Result recorded."):
            return redirect("dna:request-detail", pk=test.request_id)
    return render(
        request,
        "dna/form.html",
        {"case": test.request.case, "form": form, "heading": f"Record the result: {test}"},
    )


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """A team's requests and their durations as CSV, every cell neutralised against spreadsheet formulas."""
    user = _user(request)
    filterset = TestingRequestFilterSet(request.GET, queryset=visible_requests(user))
    if not filterset.is_valid():
        return HttpResponse(
            f"Nothing exported; the filter was not understood: {filter_errors(filterset)}",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    rows = list(filterset.qs.prefetch_related("steps", "evidence", "tests"))
    today = timezone.localdate()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for item in rows:
        found = durations(item, today)
        writer.writerow(
            [
                neutralise(cell)
                for cell in (
                    item.title,
                    item.case_id,
                    item.case,
                    item.court,
                    item.judge,
                    item.get_status_display(),
                    item.filed_on,
                    found.days_since_request,
                    found.ordered_on or "",
                    "" if found.days_since_order is None else found.days_since_order,
                    found.evidence_last_located_on or "",
                    "" if found.days_since_evidence_located is None else found.days_since_evidence_located,
                    found.awaited_words,
                    len(found.stalled),
                )
            ]
        )
    team_ids = sorted({item.case.team_id for item in rows})
    record_export(
        actor=user, team_ids=team_ids, what="dna.request", filters=dict(request.GET), rows=len(rows)
    )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dna-testing-requests.csv"'
    return response
