from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from rest_framework.authtoken.models import Token

from clemency.accounts import services
from clemency.accounts.http import AuthenticatedHttpRequest


def needs_fresh_mfa(request: AuthenticatedHttpRequest) -> bool:
    from clemency.web.security import has_totp, passed_mfa_recently

    return has_totp(request.user) and not passed_mfa_recently(request)


@login_required
def api_token(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's API token: create or rotate it (shown once), or revoke it."""
    new_key = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_api_token(request.user, actor=request.user)
        elif needs_fresh_mfa(request):
            # A token outlives the session: whoever holds an authenticator proves it again first.
            messages.info(request, "Enter a code from your authenticator app to create a token.")
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.path})}")
        else:
            new_key = services.rotate_api_token(request.user, actor=request.user)
    existing = Token.objects.filter(user=request.user).first()
    return render(request, "accounts/api_token.html", {"token": existing, "new_key": new_key})
