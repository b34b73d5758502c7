"""One filter set for the audit page, its CSV export and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

from clemency.accounts.access import admin_team_ids
from clemency.accounts.models import User
from clemency.audit.models import AuditEvent


def _actors(request: Any) -> QuerySet[User]:
    if request is None:
        return User.objects.none()
    return User.objects.filter(memberships__team_id__in=admin_team_ids(request.user)).distinct()


class AuditEventFilterSet(django_filters.FilterSet):
    case = django_filters.NumberFilter(field_name="case_id", label="Case number", min_value=1)
    actor = django_filters.ModelChoiceFilter(queryset=_actors, label="Who")
    action = django_filters.CharFilter(field_name="action", lookup_expr="istartswith", label="Action",
                                       help_text="e.g. case.update, document.download, or just document.")
    object_type = django_filters.CharFilter(field_name="object_type", lookup_expr="iexact",
                                            label="Record type")
    date_from = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label="From",
                                          widget=forms.DateInput(attrs={"type": "date"}))
    date_to = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label="To",
                                        widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = AuditEvent
        fields = ["case", "actor", "action", "object_type", "date_from", "date_to"]

    def is_valid(self) -> bool:
        valid = super().is_valid()
        data = self.form.cleaned_data if valid else {}
        if valid and data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.form.add_error("date_to", "The end date is before the start date.")
            return False
        return valid
