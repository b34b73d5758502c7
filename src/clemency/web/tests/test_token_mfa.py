"""API tokens do not get around MFA: refused for a user who must have MFA and has not set it up, and
created only after a fresh second-factor check by whoever has an authenticator."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from clemency.web.tests.mfa_helpers import give_totp

pytestmark = pytest.mark.django_db


def _api(key: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def test_a_token_of_a_user_who_must_have_mfa_and_has_not_set_it_up_is_refused(cast, settings):
    settings.CLEMENCY_REQUIRE_MFA = True
    token = Token.objects.create(user=cast.attorney)
    response = _api(token.key).get("/api/cases/")
    assert response.status_code in (401, 403)
    assert "two-factor" in response.json()["detail"]
    give_totp(cast.attorney)
    assert _api(token.key).get("/api/cases/").status_code == 200
    staff_token = Token.objects.create(user=cast.staff)  # staff need not have MFA
    assert _api(staff_token.key).get("/api/cases/").status_code == 200


def _mark_mfa(client, at: float) -> None:
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": at},
                                                 {"method": "mfa", "at": at, "type": "totp"}]
    session.save()


def test_creating_a_token_needs_a_fresh_second_factor(client, cast):
    give_totp(cast.attorney)
    client.force_login(cast.attorney)
    url = reverse("accounts:api-token")
    _mark_mfa(client, time.time() - 3600)  # signed in with MFA an hour ago
    response = client.post(url, {"action": "rotate"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert not Token.objects.filter(user=cast.attorney).exists()
    _mark_mfa(client, time.time())
    assert client.post(url, {"action": "rotate"}).context["new_key"]
    assert Token.objects.filter(user=cast.attorney).exists()
