"""The Django admin signs in through allauth (MFA, lockout), and a session of someone with an
authenticator must itself have passed MFA: an authenticator that merely exists is not enough."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.conftest import PASSWORD
from clemency.web.tests.mfa_helpers import give_totp, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db, settings):
    from clemency.accounts.models import User

    settings.CLEMENCY_REQUIRE_MFA = True
    user = User.objects.create_superuser(username="root-admin", password=PASSWORD, full_name="Fictional Root")
    give_totp(user)
    return user


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_admin_sign_in_form_is_never_served_and_sends_to_the_allauth_sign_in(client, superuser):
    response = client.get("/admin/login/?next=/admin/cases/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=%2Fadmin%2Fcases%2F"
    # The password alone, posted to the admin's old form, signs nobody in.
    posted = client.post("/admin/login/", {"username": "root-admin", "password": PASSWORD,
                                           "next": "/admin/"})
    assert posted.status_code == 302 and not _signed_in(client)
    assert client.get("/admin/").status_code == 302 and not _signed_in(client)
    outside = client.get("/admin/login/?next=https://evil.example/")
    assert outside["Location"] == "/login/?next=%2Fadmin%2F"


def test_wrong_passwords_for_the_admin_lock_the_account(client, superuser):
    for _ in range(12):
        client.post(reverse("login"), {"login": "root-admin", "password": "wrong password here"})
    client.post(reverse("login"), {"login": "root-admin", "password": PASSWORD})
    assert not _signed_in(client)
    from clemency.web.tests.mfa_helpers import TEST_SECRET

    client.post(reverse("mfa_authenticate"), {"code": totp_code(TEST_SECRET)})
    assert not _signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_a_password_only_session_of_a_user_with_totp_is_ended(client, superuser, cast):
    client.force_login(superuser)  # what the admin's own form used to make: a password-only session
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not _signed_in(client)
    client.force_login(superuser)
    assert client.get(reverse("audit-event-list")).status_code == 403
    assert not _signed_in(client)
    client.force_login(superuser)
    assert client.get(reverse("cases:list")).status_code == 302


def test_the_admin_opens_after_the_allauth_sign_in_with_the_code(client, superuser):
    from clemency.web.tests.mfa_helpers import TEST_SECRET

    response = client.post(reverse("login"), {"login": "root-admin", "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(TEST_SECRET)})
    assert _signed_in(client)
    assert client.get("/admin/").status_code == 200


# allauth records the set-up when the transaction commits, so this test commits.
@pytest.mark.django_db(transaction=True)
def test_setting_up_totp_in_this_session_counts_as_passing_it(client, cast, settings):
    settings.CLEMENCY_REQUIRE_MFA = True
    client.post(reverse("login"), {"login": "attorney", "password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert client.get(reverse("audit-event-list")).status_code == 200
