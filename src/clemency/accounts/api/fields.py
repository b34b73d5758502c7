"""A foreign key in an API request, as the access rules see it.

An id of a record in another team must get exactly the answer a non-existent id gets ("no such
case"), or the API tells a stranger which ids exist elsewhere. So the choices are limited to the
records of the teams the user may change, before any other check runs; and an id must be a whole
number (`2.5` or `true` is refused, never truncated to 2 or 1).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from rest_framework import serializers

from clemency.accounts.access import writable_teams


class WritableTeamRelatedField(serializers.PrimaryKeyRelatedField):
    """A primary key among the records of teams the requesting user may change."""

    def __init__(self, model: type[Model], *, team_path: str = "team", noun: str = "record",
                 **kwargs: Any) -> None:
        self.model = model
        self.team_path = team_path
        kwargs.setdefault("queryset", model._default_manager.all())
        kwargs.setdefault("error_messages", {})
        message = f"No such {noun} among those you may change."
        kwargs["error_messages"].setdefault("does_not_exist", message)
        kwargs["error_messages"].setdefault("incorrect_type", f"A {noun} id must be a whole number.")
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        queryset = super().get_queryset()
        assert queryset is not None  # set in __init__
        request = self.context.get("request")
        if request is None or not getattr(request.user, "is_authenticated", False):
            return queryset.none()
        lookup = "pk__in" if self.team_path == "pk" else f"{self.team_path}__in"
        return queryset.filter(**{lookup: writable_teams(request.user).values("pk")})

    def to_internal_value(self, data: Any) -> Any:
        whole = isinstance(data, int) or (isinstance(data, str) and data.isdigit())
        if isinstance(data, bool) or not whole:
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)
