"""One filter set for the team's results, serving the page, the CSV downloads and the API alike."""

from __future__ import annotations

import re
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from clemency.accounts.access import teams_of
from clemency.accounts.models import Team
from clemency.petitions.models import Petition

DATE = forms.DateInput(attrs={"type": "date"})
JURISDICTION_PATTERN = r"^(us|us-[a-z]{2})$"


def _user_teams(request: Any) -> QuerySet[Team]:
    return teams_of(request.user) if request is not None else Team.objects.none()


class TeamResultsFilterSet(django_filters.FilterSet):
    team = django_filters.ModelChoiceFilter(queryset=_user_teams, field_name="case__team", label="Team")
    filed_after = django_filters.DateFilter(
        field_name="filed_on", lookup_expr="gte", label="Filed on or after", widget=DATE
    )
    filed_before = django_filters.DateFilter(
        field_name="filed_on", lookup_expr="lte", label="Filed on or before", widget=DATE
    )
    jurisdiction = django_filters.CharFilter(
        method="in_jurisdiction", label="Jurisdiction (us, us-wi, ...)", max_length=5
    )
    pathway = django_filters.CharFilter(
        field_name="pathway", label="Pathway (id, e.g. us.commutation)", max_length=120
    )

    class Meta:
        model = Petition
        fields = ["team", "filed_after", "filed_before", "jurisdiction", "pathway"]

    def in_jurisdiction(self, queryset: QuerySet[Petition], name: str, value: str) -> QuerySet[Petition]:
        # A pathway id begins with its jurisdiction: us.commutation, us-wi.pardon.
        return queryset.filter(pathway__startswith=f"{value}.")

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if valid:
            data: dict[str, Any] = self.form.cleaned_data
            after, before = data.get("filed_after"), data.get("filed_before")
            if after and before and after > before:
                self.form.add_error(
                    "filed_before", ValidationError("must be on or after “Filed on or after”.")
                )
                return False
            jurisdiction = data.get("jurisdiction") or ""
            if jurisdiction and not re.match(JURISDICTION_PATTERN, jurisdiction):
                self.form.add_error(
                    "jurisdiction",
                    ValidationError(
                        "a jurisdiction id is us or us- and a two-letter state code, e.g. us-wi."
                    ),
                )
                return False
        return valid


def narrow_deadlines(deadlines: QuerySet[Any], filterset: TeamResultsFilterSet) -> QuerySet[Any]:
    """The deadlines that go with the filtered petitions: same team, dates within the range (a deadline
    has no pathway, so the jurisdiction and pathway filters leave deadlines as they are)."""
    if not filterset.is_bound:
        return deadlines
    if not filterset.is_valid():
        return deadlines.none()
    data = filterset.form.cleaned_data
    if data.get("team"):
        deadlines = deadlines.filter(case__team=data["team"])
    if data.get("filed_after"):
        deadlines = deadlines.filter(date__gte=data["filed_after"])
    if data.get("filed_before"):
        deadlines = deadlines.filter(date__lte=data["filed_before"])
    return deadlines
