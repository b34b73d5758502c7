"""The request type of a view behind `login_required`: its user is a signed-in `User`."""

from __future__ import annotations

from django.http import HttpRequest

from clemency.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
