"""The one place that decides who may see and change what.

Every view, API endpoint, search, export, calendar feed and file download asks here. A case is
visible only through a membership of its team; an object one may not see is a 404, never a 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from clemency.accounts.models import PRIVILEGED_READING_ROLES, WRITING_ROLES, Membership, Role, Team

if TYPE_CHECKING:
    from clemency.accounts.models import User


def teams_of(user: User) -> QuerySet[Team]:
    if not _active(user):
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user)


def writable_teams(user: User) -> QuerySet[Team]:
    """The teams on which the user may create and change records."""
    if not _active(user):
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user, memberships__role__in=list(WRITING_ROLES)).distinct()


def membership(user: User, team_id: int) -> Membership | None:
    if not _active(user):
        return None
    return Membership.objects.filter(user=user, team_id=team_id).first()


def role_on_team(user: User, team_id: int) -> str | None:
    found = membership(user, team_id)
    return found.role if found else None


def _active(user: Any) -> bool:
    # An anonymous visitor or a deactivated account sees nothing, whatever memberships remain.
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def restrict(queryset: QuerySet[Any], user: User, team_path: str = "team") -> QuerySet[Any]:
    """Limit any queryset to the rows whose team (reached by `team_path`) the user belongs to."""
    if not _active(user):
        return queryset.none()
    # The user's team ids as literal values, not a join: no duplicate rows (so no DISTINCT over large
    # tables), and the planner sees `team_id = 7`, so an index on (team, ordering) serves the page.
    team_ids = list(Membership.objects.filter(user=user).values_list("team_id", flat=True))
    return queryset.filter(**{f"{team_path}__in": team_ids})


def admin_team_ids(user: User) -> list[int]:
    """The teams on which the user is an admin: who may read a team's audit log."""
    if not _active(user):
        return []
    return list(Membership.objects.filter(user=user, role=Role.ADMIN).values_list("team_id", flat=True))


def is_team_admin(user: User, team_id: int | None) -> bool:
    return team_id is not None and team_id in admin_team_ids(user)


def get_visible(queryset: QuerySet[Any], user: User, team_path: str = "team", *, write: bool = False,
                **lookup: Any) -> Model:
    """The object, or 404 if the user may not see it; PermissionDenied if they may see but not write."""
    obj = restrict(queryset, user, team_path).filter(**lookup).first()
    if obj is None:
        raise Http404("No such record")
    if write:
        team_id = _team_id(obj, team_path)
        found = membership(user, team_id)
        if found is None or not found.can_write:
            raise PermissionDenied("Your role on this team is read-only.")
    return obj


def can_write_team(user: User, team_id: int) -> bool:
    found = membership(user, team_id)
    return bool(found and found.can_write)


def can_read_privileged(user: User, team_id: int, case_id: int | None = None) -> bool:
    role = role_on_team(user, team_id)
    if role is None:
        return False
    if role in PRIVILEGED_READING_ROLES:
        return True
    if role in (Role.STUDENT, Role.VOLUNTEER) and case_id is not None:
        from clemency.cases.models import PrivilegeGrant

        return PrivilegeGrant.objects.filter(case_id=case_id, user=user).exists()
    return False


def privileged_filter(user: User, team_path: str = "case__team", case_path: str = "case") -> Q:
    """The queryset form of `can_read_privileged`: rows that are not privileged, or that this user may read.

    For models with a `privileged` flag (notes, documents); combine with `restrict` for the team.
    """
    if not _active(user):
        return Q(pk__in=[])
    mine = Membership.objects.filter(user=user)
    reading_teams = mine.filter(role__in=list(PRIVILEGED_READING_ROLES)).values("team_id")
    from clemency.cases.models import PrivilegeGrant

    granted_cases = PrivilegeGrant.objects.filter(
        user=user, case__team__in=mine.filter(role__in=[Role.STUDENT, Role.VOLUNTEER]).values("team_id")
    ).values("case_id")
    return (
        Q(privileged=False)
        | Q(**{f"{team_path}__in": reading_teams})
        | Q(**{f"{case_path}__in": granted_cases})
    )


def _team_id(obj: Model, team_path: str) -> int:
    target: Any = obj
    parts = team_path.split("__")
    for part in parts[:-1]:
        target = getattr(target, part)
    return int(getattr(target, f"{parts[-1]}_id"))
