"""Behind a proxy, the client's address comes from the configured number of trusted hops, for the
sign-in lockout by address and for the audit log alike."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}


def _client(forwarded_for: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _wrong_password(client: Client, username: str = "staff"):
    # A different name each time, so only the per-address limit can trip, never the per-account one.
    return client.post(reverse("login"), {"login": username, "password": "not the password at all"})


def _limited(response) -> bool:
    return response.status_code == 429 or b"Too many failed login attempts" in response.content


def test_one_clients_failed_sign_ins_do_not_lock_out_another_behind_the_same_proxy(cast, behind_proxy):
    attacker = _client("203.0.113.9")
    for n in range(4):
        _wrong_password(attacker, f"nobody-{n}")
    assert _limited(_wrong_password(attacker, "nobody-9"))  # this client is limited
    colleague = _client("198.51.100.7")
    response = colleague.post(reverse("login"), {"login": "student", "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in colleague.session


def test_a_forged_left_most_entry_is_ignored(cast, behind_proxy):
    attacker = _client("1.2.3.4, 203.0.113.9")
    for n in range(4):
        _wrong_password(attacker, f"nobody-{n}")
    # Changing the part the client writes itself does not reset its limit.
    assert _limited(_wrong_password(_client("5.6.7.8, 203.0.113.9"), "nobody-9"))
    assert not _limited(_wrong_password(_client("198.51.100.7"), "nobody-9"))


def test_the_audit_log_records_the_client_not_the_proxy(client, cast, behind_proxy):
    from clemency.web.tests.factories import make_case

    case = make_case(cast.team)
    browser = _client("198.51.100.7")
    browser.force_login(cast.staff)
    browser.get(reverse("cases:export"))
    event = AuditEvent.objects.latest("id")
    assert event.ip_address == "198.51.100.7"
    assert case.pk


def test_without_behind_proxy_the_header_is_ignored(client, cast, settings):
    settings.BEHIND_PROXY = False
    browser = _client("198.51.100.7")
    browser.force_login(cast.staff)
    browser.get(reverse("cases:export"))
    assert AuditEvent.objects.latest("id").ip_address == PROXY


def test_two_hops(client, cast, settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_HOPS = 2
    browser = _client("6.6.6.6, 198.51.100.7, 10.0.0.4")
    browser.force_login(cast.staff)
    browser.get(reverse("cases:export"))
    assert AuditEvent.objects.latest("id").ip_address == "198.51.100.7"
