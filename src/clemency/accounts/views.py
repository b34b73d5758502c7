from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from rest_framework.authtoken.models import Token

from clemency.accounts import services
from clemency.accounts.http import AuthenticatedHttpRequest


@login_required
def api_token(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's API token: create or rotate it (shown once), or revoke it."""
    new_key = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_api_token(request.user, actor=request.user)
        else:
            new_key = services.rotate_api_token(request.user, actor=request.user)
    existing = Token.objects.filter(user=request.user).first()
    return render(request, "accounts/api_token.html", {"token": existing, "new_key": new_key})
