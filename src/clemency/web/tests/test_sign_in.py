"""Sign-in security: MFA for admins and attorneys, lockout, session lifetime, sign-up closed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.conftest import PASSWORD
from clemency.web.tests.mfa_helpers import give_totp, recovery_codes, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def require_mfa(settings):
    settings.CLEMENCY_REQUIRE_MFA = True


def _login(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"login": username, "password": password})


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_member_signs_in_with_username_and_password(client, cast):
    response = _login(client, "staff")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert _signed_in(client)


def test_the_login_page_labels_its_fields_and_offers_no_sign_up(client, db):
    page = client.get(reverse("login")).content.decode()
    assert '<label for="id_login">Username' in page
    assert '<label for="id_password">Password' in page
    assert "sign up" not in page.lower()
    response = client.get(reverse("account_signup"))
    assert b"Sign Up Closed" in response.content or response.status_code in (403, 404)


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client, cast):
    wrong = _login(client, "staff", "not-the-password")
    unknown = _login(client, "nobody-at-all", "not-the-password")
    assert not _signed_in(client)
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors


def test_five_wrong_passwords_lock_the_account(client, cast):
    for _ in range(5):
        _login(client, "staff", "not-the-password")
    locked = _login(client, "staff")
    assert not _signed_in(client)
    assert locked.status_code in (200, 429)
    assert b"Too many failed login attempts" in locked.content


def test_a_session_ends_with_the_browser_and_after_eight_hours_at_most(client, cast, settings):
    _login(client, "staff")
    assert client.session.get_expire_at_browser_close()
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


@pytest.mark.parametrize("role", ["admin", "attorney"])
def test_admins_and_attorneys_must_set_up_mfa_before_anything_else(client, cast, require_mfa, role):
    _login(client, role)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("audit:list")).status_code == 302
    api = client.get(reverse("audit-event-list"))
    assert api.status_code == 403
    assert "two-factor" in api.json()["detail"]
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    give_totp(getattr(cast, role))
    # Set up elsewhere: this password-only session did not pass it, so it must sign in again.
    assert client.get(reverse("audit-event-list")).status_code == 403
    assert not _signed_in(client)


@pytest.mark.parametrize("role", ["staff", "student", "volunteer", "read_only"])
def test_other_roles_are_not_forced_to_set_up_mfa(client, cast, require_mfa, role):
    client.force_login(getattr(cast, role))
    assert client.get(reverse("audit-event-list")).status_code == 200


def test_mfa_is_not_forced_when_the_setting_is_off(client, cast, settings):
    settings.CLEMENCY_REQUIRE_MFA = False
    client.force_login(cast.attorney)
    assert client.get(reverse("audit-event-list")).status_code == 200


# allauth records the set-up when the transaction commits, so this test commits.
@pytest.mark.django_db(transaction=True)
def test_setting_up_totp_through_the_pages_activates_it(client, cast, require_mfa):
    _login(client, "attorney")
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    assert b"data:image/svg+xml" in page.content
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    done = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert done.status_code == 302
    from allauth.mfa.models import Authenticator

    assert set(Authenticator.objects.filter(user=cast.attorney).values_list("type", flat=True)) == {
        "totp", "recovery_codes"}
    assert client.get(reverse("audit-event-list")).status_code == 200


def test_a_user_with_mfa_needs_a_code_to_finish_signing_in(client, cast, require_mfa):
    secret = give_totp(cast.attorney)
    response = _login(client, "attorney")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert not _signed_in(client)
    assert client.get(reverse("dashboard")).status_code == 302  # still anonymous
    wrong = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert wrong.status_code == 200 and not _signed_in(client)
    done = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert done.status_code == 302
    assert _signed_in(client)


def test_a_recovery_code_works_once(client, cast, require_mfa):
    give_totp(cast.admin)
    code = recovery_codes(cast.admin)[0]
    _login(client, "admin")
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert _signed_in(client)
    client.post(reverse("logout"))
    assert not _signed_in(client)
    _login(client, "admin")
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert not _signed_in(client)


def test_an_attorney_cannot_switch_mfa_off(client, cast, require_mfa):
    give_totp(cast.attorney)
    client.force_login(cast.attorney)
    session = client.session
    # allauth asks for recent authentication before MFA changes; mark it recent.
    import time

    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "username": "attorney"}]
    session.save()
    client.post(reverse("mfa_deactivate_totp"), {})
    from allauth.mfa.models import Authenticator

    assert Authenticator.objects.filter(user=cast.attorney, type="totp").exists()


def test_a_weak_password_is_refused(cast):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short-1", "password1234", "123456789012", "Test Staff 12"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user=cast.staff)
    validate_password("amber-quartz-lantern-river-9", user=cast.staff)


def test_logout_needs_a_post_with_a_csrf_token(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.staff)
    assert client.get(reverse("logout")).status_code == 200  # a confirmation page, not a logout
    assert _signed_in(client)
    assert client.post(reverse("logout")).status_code == 403
    assert _signed_in(client)


def test_the_login_form_needs_a_csrf_token(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert _login(client, "staff").status_code == 403
    assert not _signed_in(client)
