"""Sign-in and browser security: MFA for those who hold the most, a strict Content Security Policy,
and the allauth adapters that close self-service sign-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed, ParseError
from rest_framework.parsers import JSONParser

from clemency.accounts.models import Membership, Role

# Roles whose accounts must have a second factor: they read and sign everything.
MFA_ROLES = frozenset({Role.ADMIN, Role.ATTORNEY})
# Reachable before MFA is set up: signing in and out, setting up MFA, static files, health.
_MFA_EXEMPT_PREFIXES = ("/auth/", "/login/", "/logout/", "/static/", "/healthz")


def mfa_required(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    if getattr(user, "must_enrol_authenticator", False):  # a team admin reset their authenticator
        return True
    return Membership.objects.filter(user=user, role__in=MFA_ROLES).exists()


def has_totp(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def session_passed_mfa(request: HttpRequest) -> bool:
    """Whether THIS session was signed in with a second factor (or set one up), as allauth records
    it; an authenticator that merely exists does not make a password-only session safe."""
    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
    return any(isinstance(record, dict) and record.get("method") == "mfa" for record in records)


def record_mfa_set_up(sender: Any, request: HttpRequest | None = None, user: Any = None,
                      **kwargs: Any) -> None:
    """Setting up an authenticator proves the code in this very session: count it as passing MFA."""
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and user is not None and hasattr(request, "session"):
        record_authentication(request, user, method="mfa", type="set_up")


class RequireMFAMiddleware:
    """Admins and attorneys set up an authenticator app before anything else, and a session of anyone
    with an authenticator must have passed it (CLEMENCY_REQUIRE_MFA)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not getattr(settings, "CLEMENCY_REQUIRE_MFA", True)
            or request.path.startswith(_MFA_EXEMPT_PREFIXES)
            or not getattr(request.user, "is_authenticated", False)
        ):
            return self.get_response(request)
        enrolled = has_totp(request.user)
        if not enrolled and mfa_required(request.user):
            message = "Your role requires two-factor authentication: set up an authenticator app first."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=403)
            messages.warning(request, message)
            return redirect("mfa_activate_totp")
        if enrolled and not session_passed_mfa(request):
            # A session opened without the second factor (by any door but the allauth sign-in) is
            # ended, and the person signs in again with their code.
            from django.contrib.auth import logout

            message = "This session did not pass two-factor authentication: sign in again with your code."
            logout(request)
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=403)
            messages.warning(request, message)
            return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def admin_login(request: HttpRequest) -> HttpResponse:
    """The Django admin signs in through the same allauth flow as everyone (MFA, rate limits,
    lockout): its own password-only form is never served."""
    next_url = request.GET.get("next") or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = reverse("admin:index")
    return redirect(f"{reverse('login')}?{urlencode({'next': next_url})}")


def content_security_policy(path: str) -> str:
    """No inline script and nothing from another site anywhere (Swagger UI is served from the project)."""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ])


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy(request.path))
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if getattr(getattr(request, "user", None), "is_authenticated", False):
            # A signed-in page may hold privileged material: no browser or proxy keeps a copy of it.
            response.headers["Cache-Control"] = "no-store, private"
        return response


class OutOfRangeInputMiddleware:
    """A number too large for the database (e.g. `?case=1e40` in a filter) is the client's error: a 400
    that says so, never a 500. Filter sets should bound their numbers; this is the net beneath them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OverflowError):
            return None
        message = "A number in the request is out of range."
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are made by a team's admin, never by a visitor signing themselves up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # A mail server that is down must not turn a password reset into an error page that tells
        # a stranger more than the usual answer: the failure is logged for the operator instead.
        import logging
        import smtplib

        try:
            super().send_mail(template_prefix, email, context)
        except (OSError, smtplib.SMTPException):
            logging.getLogger(__name__).exception("could not send %s mail", template_prefix)

    def get_client_ip(self, request: HttpRequest) -> str:
        # The same address the audit log records, so the limits count clients, not the proxy.
        from django.core.exceptions import PermissionDenied

        from clemency.audit.client_address import client_address

        address = client_address(request)
        if not address:
            raise PermissionDenied("The client's address cannot be determined.")
        return address

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        # Within minutes of signing in (where the MFA middleware sends admins and attorneys to set up
        # their authenticator and read their recovery codes) a sign-in is as fresh as a re-entered
        # password; after that, every MFA change asks for the password again.
        request = getattr(self, "request", None)
        if app == "allauth.mfa" and request is not None and _signed_in_recently(request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def _signed_in_recently(request: HttpRequest) -> bool:
    import time

    from allauth.account import app_settings as account_settings
    from allauth.account.internal.flows.login import get_authentication_records

    records = get_authentication_records(request, request.user)
    if not records:
        return False
    return time.time() - float(records[-1].get("at", 0)) < account_settings.REAUTHENTICATION_TIMEOUT


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Any) -> bool:
        # Someone whose role requires MFA cannot switch it off; they may only replace recovery codes.
        return not (authenticator.type == "totp" and mfa_required(authenticator.user))


# How recent a second-factor check must be to create an API token (a token outlives the session).
FRESH_MFA_SECONDS = 5 * 60


def passed_mfa_recently(request: HttpRequest, seconds: int = FRESH_MFA_SECONDS) -> bool:
    import time

    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
    return any(isinstance(record, dict) and record.get("method") == "mfa"
               and time.time() - float(record.get("at", 0)) < seconds for record in records)


class MFATokenAuthentication(TokenAuthentication):
    """An API token acts for its user only while that user is allowed in: someone whose role requires
    MFA and who has not set it up is refused, as the pages refuse them (CLEMENCY_REQUIRE_MFA)."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        user, token = super().authenticate_credentials(key)
        if getattr(settings, "CLEMENCY_REQUIRE_MFA", True) and mfa_required(user) and not has_totp(user):
            raise AuthenticationFailed("Your role requires two-factor authentication: set up an "
                                       "authenticator app (sign in on the site) before using an API token.")
        return user, token


MAX_JSON_DEPTH = 64


def _depth_exceeds(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


class BoundedJSONParser(JSONParser):
    """JSON request bodies nested at most MAX_JSON_DEPTH deep: deeper is a 400, never a 500."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(f"JSON parse error - nested more than {MAX_JSON_DEPTH} levels deep.") from None
        if _depth_exceeds(data, MAX_JSON_DEPTH):
            raise ParseError(f"JSON parse error - nested more than {MAX_JSON_DEPTH} levels deep.")
        return data
