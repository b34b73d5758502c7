"""The facts page of a case, and answering one of the rulebook's questions in place.

Plain forms that work without JavaScript; with htmx the answer replaces the eligibility panel only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from clemency.accounts.access import can_write_team, get_visible
from clemency.accounts.http import AuthenticatedHttpRequest
from clemency.cases import services_facts
from clemency.cases.facts import case_facts, grouped, pathways_using
from clemency.cases.forms_facts import FactAnswerForm
from clemency.cases.models import Case
from clemency.cases.words import fact_value
from clemency.law.facts import FACTS


def _case(request: AuthenticatedHttpRequest, pk: int, *, write: bool = False) -> Case:
    queryset = Case.objects.select_related("person", "team")
    return get_visible(queryset, request.user, write=write, pk=pk)  # type: ignore[return-value]


@login_required
@require_GET
def facts_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Every fact the rulebook knows, grouped as a lawyer reads a file: value, where from, who uses it."""
    case = _case(request, pk)
    facts = case_facts(case)
    chosen = request.GET.get("fact", "")
    form = FactAnswerForm(fact=chosen, prefix=f"fact-{chosen}") if chosen in FACTS else None
    return render(
        request,
        "cases/facts.html",
        {
            "case": case,
            "groups": grouped(facts),
            "using": pathways_using(),
            "can_write": can_write_team(request.user, case.team_id),
            "form": form,
            "chosen": chosen if form is not None else "",
            "known": sum(1 for fact in facts.values() if fact.value is not None),
            "total": len(facts),
        },
    )


def _back(request: AuthenticatedHttpRequest, case: Case) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(reverse("cases:detail", args=[case.pk]) + "#eligibility-panel")


@login_required
@require_POST
def fact_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record one answer. A refusal shows the form again with the reason, and changes nothing."""
    case = _case(request, pk, write=True)
    fact = request.POST.get("fact", "")
    if fact not in FACTS:
        messages.error(request, f"{fact or 'The question'} is not a fact the rulebook knows.")
        return _back(request, case)
    form = FactAnswerForm(request.POST, fact=fact, prefix=f"fact-{fact}")
    if form.is_valid():
        try:
            services_facts.answer_fact(
                case,
                actor=request.user,
                fact=fact,
                value=form.cleaned_data["answer"],
                source=form.cleaned_data["source"],
                source_detail=form.cleaned_data["source_detail"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            if getattr(request, "htmx", False):
                return render(request, "cases/_eligibility_panel.html", {"case": case, "can_write": True})
            shown = fact_value(fact, form.cleaned_data["answer"])
            messages.success(request, f"Answer recorded: {FACTS[fact].question} {shown}.")
            return _back(request, case)
    return render(
        request,
        "cases/fact_answer.html",
        {"case": case, "form": form, "fact": fact, "next": request.POST.get("next", "")},
        status=400,
    )
