"""Case pages: thin views; every object comes through accounts.access; a hidden case is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from clemency.accounts.access import (
    can_read_privileged,
    can_write_team,
    get_visible,
    restrict,
    role_on_team,
    writable_teams,
)
from clemency.accounts.http import AuthenticatedHttpRequest
from clemency.accounts.listing import matching_rows, paginate
from clemency.cases import services
from clemency.cases.filtersets import CaseFilterSet
from clemency.cases.forms import (
    CaseForm,
    ChargeForm,
    ConvictionForm,
    MoveForm,
    NoteForm,
    PartyForm,
    PrivilegeGrantForm,
    SentenceForm,
)
from clemency.cases.models import Case, Conviction
from clemency.cases.selectors import visible_cases
from clemency.cases.tables import CaseTable
from clemency.people.models import Person

# Panels other apps render on the case page, each with the empty placeholder used until it exists.
CASE_PANELS = ["petitions/_case_panel.html", "deadlines/_case_panel.html", "documents/_case_panel.html"]


def apply_service_errors(form: BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError next to the form's fields (or above the form if no field matches)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def case_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    filterset = CaseFilterSet(request.GET, queryset=visible_cases(request.user), request=request)
    table = CaseTable(matching_rows(filterset))
    paginate(request, table)
    return render(
        request,
        "cases/list.html",
        {
            "filter": filterset,
            "table": table,
            "export_query": request.GET.urlencode(),
            "can_create": writable_teams(request.user).exists(),
        },
    )


def case_page_context(request: AuthenticatedHttpRequest, case: Case, **forms: Any) -> dict[str, Any]:
    convictions = case.convictions.select_related("sentence").prefetch_related("charges", "parties")
    can_write = can_write_team(request.user, case.team_id)
    return {
        "case": case,
        "person": case.person,
        "convictions": convictions,
        "notes": services.notes_for_reader(case, actor=request.user),
        "status_changes": case.status_changes.all()[:20],
        "can_write": can_write,
        "can_read_privileged": can_read_privileged(request.user, case.team_id, case.pk),
        "move_form": forms.get("move_form") or MoveForm(case=case),
        "note_form": forms.get("note_form") or NoteForm(),
        "charge_form": ChargeForm(prefix="charge"),
        "party_form": PartyForm(prefix="party"),
        "can_grant": role_on_team(request.user, case.team_id) in services.GRANTING_ROLES,
        "grant_form": forms.get("grant_form") or PrivilegeGrantForm(case=case),
        "grants": case.privilege_grants.select_related("user"),
        "case_panels": [[name, "cases/_panel_placeholder.html"] for name in CASE_PANELS],
        # The execution date, from the deadlines app, at the top of the page.
        "case_banner": ["deadlines/_case_banner.html", "cases/_panel_placeholder.html"],
    }


def _get_case(request: AuthenticatedHttpRequest, pk: int, write: bool = False) -> Case:
    queryset = Case.objects.select_related("person", "team").prefetch_related(
        Prefetch("convictions", queryset=Conviction.objects.select_related("sentence"))
    )
    return get_visible(queryset, request.user, write=write, pk=pk)  # type: ignore[return-value]


@login_required
def case_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk)
    return render(request, "cases/detail.html", case_page_context(request, case))


@login_required
def case_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    teams = writable_teams(request.user)
    if not teams.exists():
        raise PermissionDenied("Your role is read-only on every team.")
    people = Person.objects.filter(team__in=teams)
    initial = {"person": request.GET.get("person")} if request.GET.get("person", "").isdigit() else {}
    form = CaseForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.create_case(
                actor=request.user, person=form.cleaned_data["person"], **form.values()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{case} opened.")
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/form.html", {"form": form, "title": "Open a case"},
                  status=400 if form.errors else 200)


@login_required
def case_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk, write=True)
    form = CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(case, actor=request.user, opened_with=form.opened_with(), **form.values())
        except ValidationError as error:
            apply_service_errors(form, error)
            form.reopen_with(Case.objects.get(pk=case.pk))
        else:
            messages.success(request, "Case saved.")
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/form.html", {"form": form, "title": f"Edit {case}", "case": case},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def case_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk, write=True)
    form = MoveForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.move_case(case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Case moved to {case.get_status_display()}.")
            return redirect("cases:detail", pk=case.pk)
    context = case_page_context(request, case, move_form=form)
    return render(request, "cases/detail.html", context, status=400)


@login_required
@require_POST
def note_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk, write=True)
    form = NoteForm(request.POST)
    if form.is_valid():
        privileged = form.cleaned_data["privileged"]
        if privileged and not can_read_privileged(request.user, case.team_id, case.pk):
            form.add_error("privileged", "You cannot write a privileged note on this case: ask an attorney.")
        else:
            services.add_note(case, actor=request.user, **form.cleaned_data)
            messages.success(request, "Note added.")
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/detail.html", case_page_context(request, case, note_form=form), status=400)


def _conviction_forms(
    request: AuthenticatedHttpRequest, conviction: Conviction | None
) -> tuple[ConvictionForm, SentenceForm]:
    data = request.POST if request.method == "POST" else None
    conviction_form = ConvictionForm(data, instance=conviction)
    sentence = getattr(conviction, "sentence", None) if conviction is not None else None
    from clemency.cases.models import Sentence

    sentence_form = SentenceForm(
        data, prefix="sentence", instance=sentence or Sentence(conviction=conviction_form.instance)
    )
    return conviction_form, sentence_form


@login_required
def conviction_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk, write=True)
    conviction_form, sentence_form = _conviction_forms(request, None)
    if request.method == "POST" and conviction_form.is_valid() and sentence_form.is_valid():
        try:
            services.add_conviction(
                case, actor=request.user, sentence=sentence_form.values(), **conviction_form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(conviction_form, error)
        else:
            messages.success(request, "Conviction added.")
            return redirect("cases:detail", pk=case.pk)
    return render(
        request,
        "cases/conviction_form.html",
        {"case": case, "form": conviction_form, "sentence_form": sentence_form, "title": "Add a conviction"},
    )


@login_required
def conviction_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    conviction: Conviction = get_visible(
        Conviction.objects.select_related("case"), request.user, "case__team", write=True, pk=pk
    )  # type: ignore[assignment]
    conviction_form, sentence_form = _conviction_forms(request, conviction)
    if request.method == "POST" and conviction_form.is_valid() and sentence_form.is_valid():
        try:
            from django.db import transaction

            with transaction.atomic():  # the conviction and its sentence change together or not at all
                services.update_conviction(conviction, actor=request.user, **conviction_form.cleaned_data)
                if sentence_form.values() is not None:
                    services.set_sentence(conviction, actor=request.user, **sentence_form.values())  # type: ignore[arg-type]
        except ValidationError as error:
            apply_service_errors(conviction_form, error)
        else:
            messages.success(request, "Conviction saved.")
            return redirect("cases:detail", pk=conviction.case_id)
    return render(
        request,
        "cases/conviction_form.html",
        {
            "case": conviction.case,
            "form": conviction_form,
            "sentence_form": sentence_form,
            "title": f"Edit conviction {conviction}",
        },
    )


def _conviction_for_write(request: AuthenticatedHttpRequest, pk: int) -> Conviction:
    return get_visible(
        Conviction.objects.select_related("case__person", "case__team"),
        request.user,  # type: ignore[return-value]
        "case__team",
        write=True,
        pk=pk,
    )


@login_required
@require_POST
def charge_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    conviction = _conviction_for_write(request, pk)
    form = ChargeForm(request.POST, prefix="charge")
    if form.is_valid():
        services.add_charge(conviction, actor=request.user, **form.cleaned_data)
        messages.success(request, "Charge added.")
        return redirect("cases:detail", pk=conviction.case_id)
    return render(
        request,
        "cases/small_form.html",
        {"form": form, "case": conviction.case, "title": f"Add a charge to {conviction}"},
        status=400,
    )


@login_required
@require_POST
def party_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    conviction = _conviction_for_write(request, pk)
    form = PartyForm(request.POST, prefix="party")
    if form.is_valid():
        services.add_party(conviction, actor=request.user, **form.cleaned_data)
        messages.success(request, "Party added.")
        return redirect("cases:detail", pk=conviction.case_id)
    return render(
        request,
        "cases/small_form.html",
        {"form": form, "case": conviction.case, "title": f"Add a party to {conviction}"},
        status=400,
    )


def visible_convictions(request: AuthenticatedHttpRequest) -> Any:
    return restrict(Conviction.objects.all(), request.user, "case__team")


@login_required
@require_POST
def privilege_grant(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk, write=True)
    form = PrivilegeGrantForm(request.POST, case=case)
    if form.is_valid():
        user = form.cleaned_data["user"]
        action = services.revoke_privilege if form.cleaned_data["revoke"] else services.grant_privilege
        try:
            action(case, actor=request.user, user=user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            verb = "no longer reads" if form.cleaned_data["revoke"] else "may now read"
            messages.success(request, f"{user} {verb} this case's privileged material.")
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/detail.html", case_page_context(request, case, grant_form=form), status=400)
