from __future__ import annotations

from rest_framework import serializers

from clemency.audit.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = ["id", "at", "actor", "actor_name", "request_id", "ip_address", "action", "object_type",
                  "object_id", "object_repr", "case_id", "team_id", "before", "after"]
        read_only_fields = fields
