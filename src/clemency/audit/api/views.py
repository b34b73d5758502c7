"""The audit log over the API: read-only, for a team's admins, with the page's filters."""

from __future__ import annotations

from typing import Any

from rest_framework import viewsets

from clemency.audit.api.serializers import AuditEventSerializer
from clemency.audit.filtersets import AuditEventFilterSet
from clemency.audit.selectors import visible_events


class AuditEventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilterSet

    def get_queryset(self) -> Any:
        # Non-admins get an empty list and a 404 for any event: the same as a hidden record.
        return visible_events(self.request.user)
