"""Thin views: fetch through accounts.access, validate with a form, change through a service.

A document's metadata is visible to the whole case team (like a privilege log); its content is
downloaded only through `document_download`, which refuses privileged files to those who may not
read them and audits every privileged read.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET

from clemency.accounts.access import can_write_team, get_visible, restrict
from clemency.accounts.listing import matching_rows, paginate
from clemency.cases.models import Case
from clemency.documents import services
from clemency.documents.downloads import PRIVILEGED_REFUSAL, file_response, may_read_content
from clemency.documents.filtersets import DocumentFilterSet
from clemency.documents.forms import DocumentForm, ReplaceForm, UploadForm, add_service_errors
from clemency.documents.models import Document
from clemency.documents.tables import DocumentTable
from clemency.documents.uploads import limit_uploads, too_large_message

TEAM_PATH = "case__team"


def _documents() -> Any:
    return Document.objects.select_related("case", "case__person", "case__team")


def _get(request: HttpRequest, pk: int, *, write: bool = False) -> Document:
    user: Any = request.user
    return cast(Document, get_visible(_documents(), user, TEAM_PATH, write=write, pk=pk))


def _get_for_change(request: HttpRequest, pk: int) -> Document:
    """A document the user may change: writable team, and privileged only for privileged readers
    (otherwise a student could clear the flag, or swap the file, to reach privileged content)."""
    document = _get(request, pk, write=True)
    if not may_read_content(request.user, document):
        raise PermissionDenied(PRIVILEGED_REFUSAL)
    return document


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    base = restrict(_documents(), cast(Any, request.user), TEAM_PATH)
    filterset = DocumentFilterSet(request.GET or None, queryset=base)
    table = DocumentTable(matching_rows(filterset))
    paginate(request, table)
    return render(request, "documents/list.html", {"filter": filterset, "table": table})


# Uploads set their size limit before the body is read; CSRF is then checked by the inner view
# (the CSRF middleware would otherwise read the body first).
@csrf_exempt
@login_required
def document_upload(request: HttpRequest, case_pk: int) -> HttpResponse:
    limit_uploads(request)
    return _document_upload(request, case_pk)


@csrf_protect
def _document_upload(request: HttpRequest, case_pk: int) -> HttpResponse:
    user: Any = request.user
    case = cast(
        Case, get_visible(Case.objects.select_related("person"), user, "team", write=True, pk=case_pk)
    )
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and (message := too_large_message(request)):
        form.is_valid()
        form.errors.pop("file", None)
        form.add_error("file", message)
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.upload_document(
                case=case,
                actor=request.user,
                upload=data["file"],
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                privileged=data["privileged"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Uploaded “{document}”.")
            return redirect("documents:detail", pk=document.pk)
    status = 400 if form.errors else 200
    return render(request, "documents/upload.html", {"form": form, "case": case}, status=status)


def _detail(
    request: HttpRequest, document: Document, replace_form: ReplaceForm | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "document": document,
        "case": document.case,
        "can_write": can_write_team(cast(Any, request.user), document.case.team_id),
        "can_read": may_read_content(request.user, document),
        "replace_form": replace_form or ReplaceForm(),
    }
    return render(request, "documents/detail.html", context, status=status)


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _get(request, pk))


@login_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = _get_for_change(request, pk)
    form = DocumentForm(request.POST or None, instance=Document.objects.get(pk=document.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_document(document, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Document saved.")
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/edit.html", {"form": form, "document": document, "case": document.case},
                  status=400 if form.errors else 200)


@csrf_exempt
@login_required
def document_replace(request: HttpRequest, pk: int) -> HttpResponse:
    limit_uploads(request)
    return _document_replace(request, pk)


@csrf_protect
def _document_replace(request: HttpRequest, pk: int) -> HttpResponse:
    document = _get_for_change(request, pk)
    if request.method != "POST":
        return redirect("documents:detail", pk=document.pk)
    form = ReplaceForm(request.POST, request.FILES)
    if message := too_large_message(request):
        form.is_valid()
        form.errors.pop("file", None)
        form.add_error("file", message)
    elif form.is_valid():
        try:
            services.replace_document_file(document, actor=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "File replaced.")
            return redirect("documents:detail", pk=document.pk)
    return _detail(request, document, form, status=400)


@login_required
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = _get_for_change(request, pk)
    if request.method == "POST":
        services.delete_document(document, actor=request.user)
        messages.success(request, f"Deleted “{document}”.")
        return redirect("cases:detail", pk=document.case_id)
    return render(request, "documents/confirm_delete.html", {"document": document, "case": document.case})


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    return file_response(request.user, _get(request, pk))
