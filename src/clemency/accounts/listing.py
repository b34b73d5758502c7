"""Lists of a team's records: filtered, then paged, the same way on every page and export."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django_filters import FilterSet
from django_tables2 import RequestConfig, Table

PER_PAGE = 50


def matching_rows(filterset: FilterSet) -> QuerySet[Any]:
    """The filter set's rows, or none while its form has errors (they are shown beside the
    fields). django-filter leaves a field it cannot read out of the filter, so without this a
    mistyped filter would silently widen the list, or an export, to everything."""
    if filterset.is_bound and not filterset.is_valid():
        return filterset.queryset.none()
    return filterset.qs


def filter_errors(filterset: FilterSet) -> str:
    """The form's errors in one line, each naming its field (for a refused export)."""
    return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in filterset.errors.items())


def paginate(request: HttpRequest, *tables: Table) -> None:
    for table in tables:
        RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
