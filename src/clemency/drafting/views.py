"""Thin views: fetch through accounts.access, validate with a form, change through a service.

Generated documents and bundles are visible to the case's team; a bundle holding a privileged
exhibit is downloaded only by those who may read privileged material. Every download is audited.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from clemency import assembly
from clemency.accounts.access import (
    can_read_privileged,
    can_write_team,
    get_visible,
    privileged_filter,
    restrict,
)
from clemency.accounts.listing import matching_rows, paginate
from clemency.cases.models import Case
from clemency.documents.forms import add_service_errors
from clemency.documents.models import Document
from clemency.drafting import services
from clemency.drafting.context import case_context
from clemency.drafting.filtersets import BundleFilterSet, GeneratedDocumentFilterSet
from clemency.drafting.forms import BundleForm, GenerateForm
from clemency.drafting.models import Bundle, GeneratedDocument
from clemency.drafting.tables import BundleTable, GeneratedDocumentTable

TEAM_PATH = "case__team"
PRIVILEGED_REFUSAL = (
    "This bundle holds a privileged exhibit; ask an attorney on the case to grant you access."
)


def today() -> dt.date:
    """The as-of date for the rulebook: read here, in the web layer, never inside the law."""
    return timezone.localdate()


def _user(request: HttpRequest) -> Any:
    return request.user


def _case(request: HttpRequest, pk: int, *, write: bool = False) -> Case:
    queryset = Case.objects.select_related("person", "team")
    return cast(Case, get_visible(queryset, _user(request), "team", write=write, pk=pk))


def readable_documents(user: Any, case: Case) -> QuerySet[Document]:
    """The case's uploads this user may put in a bundle: privileged ones only for privileged readers."""
    queryset = Document.objects.filter(case=case).select_related("case", "case__team")
    return restrict(queryset, user, TEAM_PATH).filter(privileged_filter(user)).order_by("uploaded_at", "id")


@login_required
def drafting_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    documents = restrict(GeneratedDocument.objects.select_related("case"), user, TEAM_PATH)
    bundles = restrict(Bundle.objects.select_related("case"), user, TEAM_PATH)
    document_filter = GeneratedDocumentFilterSet(request.GET or None, queryset=documents)
    bundle_filter = BundleFilterSet(request.GET or None, queryset=bundles)
    document_table = GeneratedDocumentTable(matching_rows(document_filter), prefix="d-")
    bundle_table = BundleTable(matching_rows(bundle_filter), prefix="b-")
    paginate(request, document_table, bundle_table)
    return render(
        request, "drafting/list.html", {"document_table": document_table, "bundle_table": bundle_table}
    )


@login_required
def case_drafting(request: HttpRequest, case_pk: int) -> HttpResponse:
    """Pick a template (only those that apply, each with the reason), variant, redaction and format."""
    case = _case(request, case_pk)
    can_write = can_write_team(_user(request), case.team_id)
    as_of = today()
    context = case_context(case, as_of=as_of)
    decisions = assembly.applicable_templates(context)
    choices = [(spec.name, spec.title) for spec, decision in decisions if decision.applies]
    form = GenerateForm(request.POST or None, templates=choices)
    status = 200
    missing: list[dict[str, str]] = []
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied("Your role on this team is read-only.")
        answers = {key[len(ANSWER_PREFIX):]: str(request.POST.get(key, "")) for key in request.POST
                   if key.startswith(ANSWER_PREFIX)}
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = services.generate_document(
                    case,
                    actor=request.user,
                    template=data["template"],
                    as_of=as_of,
                    variant=data["variant"],
                    redacted=data["redacted"],
                    output_format=data["format"],
                    answers=answers,
                )
            except services.MissingVariables as error:
                add_service_errors(form, error)
                # The values already given stay on the page beside those still missing.
                given = [path for path, value in answers.items() if value.strip()]
                missing = _missing_rows(case, list(dict.fromkeys([*given, *error.paths])), answers)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Generated “{document}”.")
                return redirect(f"{request.path}?new={document.pk}#generated")
        status = 400
    generated = GeneratedDocument.objects.filter(case=case).select_related("created_by")
    return render(
        request,
        "drafting/case_drafting.html",
        {
            "case": case,
            "can_write": can_write,
            "form": form,
            "as_of": as_of,
            "applicable": [(s, d) for s, d in decisions if d.applies],
            "not_applicable": [(s, d) for s, d in decisions if not d.applies],
            "generated": generated,
            "new_pk": request.GET.get("new", ""),
            "explanation": context.explanation,
            "missing": missing,
        },
        status=status,
    )


ANSWER_PREFIX = "answer:"


def _missing_rows(case: Case, paths: list[str], answers: dict[str, str]) -> list[dict[str, str]]:
    from clemency.drafting.context import describe_variable

    rows = []
    for index, path in enumerate(paths):
        label, where = describe_variable(path, case)
        rows.append({"path": path, "name": ANSWER_PREFIX + path, "id": f"answer-{index}", "label": label,
                     "where": where, "value": answers.get(path, "")})
    return rows


@login_required
@require_GET
def generated_download(request: HttpRequest, pk: int) -> FileResponse:
    queryset = GeneratedDocument.objects.select_related("case", "case__team")
    document = cast(GeneratedDocument, get_visible(queryset, _user(request), TEAM_PATH, pk=pk))
    return generated_file_response(request.user, document)


@login_required
@require_POST
def generated_add_document(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep a draft among the case documents: then it can be an exhibit of a bundle."""
    queryset = GeneratedDocument.objects.select_related("case", "case__team")
    document = cast(GeneratedDocument, get_visible(queryset, _user(request), TEAM_PATH, write=True, pk=pk))
    try:
        kept = services.add_draft_to_documents(document, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"“{kept.title}” is now a case document: add it to a bundle as an exhibit.")
    return redirect("drafting:case", case_pk=document.case_id)


def _file_response(handle: Any, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def generated_file_response(user: Any, document: GeneratedDocument) -> FileResponse:
    """Shared by the page and the API; the caller has checked the user sees the case."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The stored file is missing; generate the document again.")
    services.record_generated_download(document, actor=user)
    return _file_response(handle, document.download_name, document.content_type)


@login_required
def bundle_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = _case(request, case_pk, write=True)
    form = BundleForm(request.POST or None, documents=list(readable_documents(request.user, case)))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            bundle = services.request_bundle(
                case,
                actor=request.user,
                exhibits=data["exhibits"],
                bates_prefix=data["bates_prefix"],
                redacted=data["redacted"],
                title=data["title"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Bundle requested: it is assembled in the background.")
            return redirect("drafting:bundle-detail", pk=bundle.pk)
    status = 400 if form.errors else 200
    return render(request, "drafting/bundle_form.html", {"case": case, "form": form}, status=status)


def _bundle(request: HttpRequest, pk: int) -> Bundle:
    queryset = Bundle.objects.select_related("case", "case__team", "case__person")
    return cast(Bundle, get_visible(queryset, _user(request), TEAM_PATH, pk=pk))


def may_download_bundle(user: Any, bundle: Bundle) -> bool:
    return not bundle.privileged or can_read_privileged(user, bundle.case.team_id, bundle.case_id)


@login_required
@require_GET
def bundle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bundle = _bundle(request, pk)
    context = {
        "bundle": bundle,
        "case": bundle.case,
        "exhibits": bundle.exhibits.all(),
        "may_download": may_download_bundle(request.user, bundle),
    }
    # htmx polls the status fragment until the bundle is finished.
    template = (
        "drafting/_bundle_status.html" if getattr(request, "htmx", False) else "drafting/bundle_detail.html"
    )
    return render(request, template, context)


@login_required
@require_POST
def bundle_retry(request: HttpRequest, pk: int) -> HttpResponse:
    from clemency.web.jobs import retry_response

    bundle = _bundle(request, pk)
    _case(request, bundle.case_id, write=True)  # members who may write the case only
    return retry_response(request, bundle, reverse("drafting:bundle-detail", args=[bundle.pk]))


@login_required
@require_GET
def bundle_download(request: HttpRequest, pk: int) -> FileResponse:
    return bundle_file_response(request.user, _bundle(request, pk))


def bundle_file_response(user: Any, bundle: Bundle) -> FileResponse:
    if not may_download_bundle(user, bundle):
        raise PermissionDenied(PRIVILEGED_REFUSAL)
    if not bundle.file:
        raise Http404("The bundle is not ready.")
    try:
        handle = bundle.file.open("rb")
    except FileNotFoundError:
        raise Http404("The stored bundle is missing; assemble it again.")
    services.record_bundle_download(bundle, actor=user)
    return _file_response(handle, bundle.download_name, "application/pdf")
