from __future__ import annotations

from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from clemency.audit.models import AuditEvent


def test_a_user_creates_rotates_and_revokes_their_token(client, cast):
    client.force_login(cast.student)
    url = reverse("accounts:api-token")
    assert "You have no token" in client.get(url).content.decode()
    first = client.post(url, {"action": "rotate"}).context["new_key"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert api.get("/api/cases/").status_code == 200
    second = client.post(url, {"action": "rotate"}).context["new_key"]
    assert second != first
    assert api.get("/api/cases/").status_code == 401  # the old token stopped working
    client.post(url, {"action": "revoke"})
    assert not Token.objects.filter(user=cast.student).exists()
    actions = list(AuditEvent.objects.filter(actor=cast.student).values_list("action", flat=True))
    assert sorted(actions) == [
        "account.api_token_created",
        "account.api_token_revoked",
        "account.api_token_rotated",
    ]
    assert all(first not in str(e.after) and second not in str(e.after) for e in AuditEvent.objects.all())


def test_the_token_page_needs_sign_in(client, db):
    response = client.get(reverse("accounts:api-token"))
    assert response.status_code == 302
