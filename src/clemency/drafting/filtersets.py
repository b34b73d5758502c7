"""One filter set per model, serving both the list page and the API."""

from __future__ import annotations

import django_filters

from clemency.drafting.models import Bundle, BundleStatus, GeneratedDocument, OutputFormat, Variant


class GeneratedDocumentFilterSet(django_filters.FilterSet):
    # A number, not a choice of all cases: the choice list would name other teams' cases.
    case = django_filters.NumberFilter(field_name="case_id", label="Case number")
    template = django_filters.CharFilter()
    variant = django_filters.ChoiceFilter(choices=Variant.choices)
    format = django_filters.ChoiceFilter(choices=OutputFormat.choices)
    redacted = django_filters.BooleanFilter()

    class Meta:
        model = GeneratedDocument
        fields = ["case", "template", "variant", "format", "redacted"]


class BundleFilterSet(django_filters.FilterSet):
    case = django_filters.NumberFilter(field_name="case_id", label="Case number")
    status = django_filters.ChoiceFilter(choices=BundleStatus.choices)
    redacted = django_filters.BooleanFilter()

    class Meta:
        model = Bundle
        fields = ["case", "status", "redacted"]
