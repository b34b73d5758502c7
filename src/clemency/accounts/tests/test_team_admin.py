"""Team administration in the app: invitations, roles, deactivation, authenticator resets, teams and
moving a case between teams; every change audited, every refusal clear and changing nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from clemency.accounts import team_admin
from clemency.accounts.models import Invitation, Membership, Role, Team, User
from clemency.audit.models import AuditEvent
from clemency.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _link(token: str) -> str:
    return f"http://testserver/accounts/invitation/{token}/"


def _token_from(mail) -> str:
    found = re.search(r"/accounts/invitation/([^/\s]+)/", mail.body)
    assert found, mail.body
    return found.group(1)


def test_an_admin_invites_and_the_invitee_joins_with_the_role(client, cast, mailoutbox):
    client.force_login(cast.admin)
    response = client.post(reverse("accounts:team-invite", args=[cast.team.pk]),
                           {"email": "New.Person@Example.ORG", "role": "student"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["New.Person@example.org"]
    token = _token_from(mailoutbox[0])
    invitation = Invitation.objects.get()
    assert token not in invitation.token_digest  # only the digest is kept
    assert AuditEvent.objects.filter(action="team.invite", team_id=cast.team.pk).exists()

    client.logout()
    url = reverse("accounts:invitation-accept", args=[token])
    page = client.get(url)
    assert page.status_code == 200 and "Join Second Look Clinic" in page.content.decode()
    bad = client.post(url, {"username": "newperson", "full_name": "New Person", "password": "short",
                            "password_again": "short"})
    assert bad.status_code == 400
    assert 'value="newperson"' in bad.content.decode()  # the fields keep their values
    assert not User.objects.filter(username="newperson").exists()
    done = client.post(url, {"username": "newperson", "full_name": "New Person", "password": PASSWORD,
                             "password_again": PASSWORD})
    assert done.status_code == 302
    user = User.objects.get(username="newperson")
    assert user.email == "New.Person@example.org"
    assert Membership.objects.get(user=user, team=cast.team).role == Role.STUDENT
    assert AuditEvent.objects.filter(action="team.invitation_accepted", actor=user).exists()
    # One time only.
    assert client.get(url).status_code == 404


def test_an_expired_or_withdrawn_link_does_not_work(client, cast, mailoutbox):
    invitation = team_admin.invite_member(cast.team, actor=cast.admin, email="a@example.org", role="staff",
                                          link_for=_link)
    token = _token_from(mailoutbox[0])
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(reverse("accounts:invitation-accept", args=[token]))
    assert response.status_code == 404 and "expired" in response.content.decode()
    with pytest.raises(ValidationError):
        team_admin.accept_invitation(token, actor=None, username="a", password=PASSWORD)

    second = team_admin.invite_member(cast.team, actor=cast.admin, email="b@example.org", role="staff",
                                      link_for=_link)
    token = _token_from(mailoutbox[1])
    team_admin.withdraw_invitation(second, actor=cast.admin)
    assert client.get(reverse("accounts:invitation-accept", args=[token])).status_code == 404


def test_inviting_again_replaces_the_pending_link(cast, mailoutbox):
    team_admin.invite_member(cast.team, actor=cast.admin, email="c@example.org", role="staff", link_for=_link)
    team_admin.invite_member(cast.team, actor=cast.admin, email="c@example.org", role="attorney",
                             link_for=_link)
    first = _token_from(mailoutbox[0])
    assert team_admin.find_invitation(first) is None
    assert team_admin.find_invitation(_token_from(mailoutbox[1])).role == "attorney"


def test_only_a_team_admin_invites_and_a_member_cannot_be_invited_twice(client, cast, mailoutbox):
    client.force_login(cast.attorney)
    url = reverse("accounts:team-invite", args=[cast.team.pk])
    assert client.post(url, {"email": "x@example.org", "role": "staff"}).status_code == 403
    client.force_login(cast.outsider)
    assert client.post(url, {"email": "x@example.org", "role": "staff"}).status_code == 404
    cast.staff.email = "staff@example.org"
    cast.staff.save()
    client.force_login(cast.admin)
    response = client.post(url, {"email": "staff@example.org", "role": "staff"})
    assert response.status_code == 400 and "already a member" in response.content.decode()
    bad_email = client.post(url, {"email": "not an address", "role": "staff"})
    assert bad_email.status_code == 400 and "valid email" in bad_email.content.decode().lower()
    assert mailoutbox == [] and not Invitation.objects.exists()


def test_a_signed_in_person_joins_with_their_own_account(client, cast, mailoutbox):
    team_admin.invite_member(cast.other_team, actor=_admin_of(cast.other_team), email="s@example.org",
                             role="read_only", link_for=_link)
    client.force_login(cast.staff)
    response = client.post(reverse("accounts:invitation-accept", args=[_token_from(mailoutbox[0])]))
    assert response.status_code == 302
    assert Membership.objects.get(user=cast.staff, team=cast.other_team).role == Role.READ_ONLY


def _admin_of(team: Team) -> User:
    user = User.objects.create_user(username=f"admin-{team.pk}", password=PASSWORD)
    Membership.objects.create(user=user, team=team, role=Role.ADMIN)
    return user


def test_an_admin_changes_a_role_and_the_last_admin_stays(client, cast):
    client.force_login(cast.admin)
    staff = Membership.objects.get(user=cast.staff, team=cast.team)
    client.post(reverse("accounts:member-role", args=[staff.pk]), {"role": "attorney"})
    staff.refresh_from_db()
    assert staff.role == Role.ATTORNEY
    event = AuditEvent.objects.get(action="team.role_changed")
    assert event.before == {"role": "staff"} and event.after == {"role": "attorney"}
    mine = Membership.objects.get(user=cast.admin, team=cast.team)
    response = client.post(reverse("accounts:member-role", args=[mine.pk]), {"role": "staff"}, follow=True)
    assert "only admin" in response.content.decode()
    mine.refresh_from_db()
    assert mine.role == Role.ADMIN


def test_a_deactivated_member_cannot_sign_in_and_is_reactivated(client, cast):
    client.force_login(cast.admin)
    staff = Membership.objects.get(user=cast.staff, team=cast.team)
    client.post(reverse("accounts:member-active", args=[staff.pk]), {"active": "false"})
    cast.staff.refresh_from_db()
    assert not cast.staff.is_active
    other = type(client)()
    assert not other.login(username="staff", password=PASSWORD)
    client.post(reverse("accounts:member-active", args=[staff.pk]), {"active": "true"})
    cast.staff.refresh_from_db()
    assert cast.staff.is_active
    assert list(AuditEvent.objects.filter(action__startswith="team.member_").values_list("action", flat=True)
                .order_by("id")) == ["team.member_deactivated", "team.member_reactivated"]


def test_a_team_admin_cannot_deactivate_someone_who_is_also_on_another_team(cast):
    Membership.objects.create(user=cast.staff, team=cast.other_team, role=Role.STAFF)
    staff = Membership.objects.get(user=cast.staff, team=cast.team)
    with pytest.raises(ValidationError, match="another team"):
        team_admin.set_member_active(staff, actor=cast.admin, active=False)
    cast.staff.refresh_from_db()
    assert cast.staff.is_active


def test_an_authenticator_reset_makes_the_member_set_up_a_new_one(client, cast, settings):
    from allauth.mfa.models import Authenticator

    from clemency.web.security import mfa_required

    Authenticator.objects.create(user=cast.staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    Authenticator.objects.create(user=cast.staff, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "y"})
    client.force_login(cast.admin)
    staff = Membership.objects.get(user=cast.staff, team=cast.team)
    page = client.get(reverse("accounts:team", args=[cast.team.pk])).content.decode()
    assert "Reset authenticator of Test Staff" in page
    client.post(reverse("accounts:member-authenticator-reset", args=[staff.pk]))
    assert not Authenticator.objects.filter(user=cast.staff).exists()
    cast.staff.refresh_from_db()
    assert cast.staff.must_enrol_authenticator and mfa_required(cast.staff)
    assert AuditEvent.objects.get(action="team.authenticator_reset").after == {"authenticators_removed": 2}
    settings.CLEMENCY_REQUIRE_MFA = True
    client.force_login(cast.staff)
    assert client.get(reverse("cases:list")).url == reverse("mfa_activate_totp")
    team_admin.authenticator_enrolled(cast.staff)
    cast.staff.refresh_from_db()
    assert not cast.staff.must_enrol_authenticator


def test_the_team_page_shows_last_sign_in(client, cast):
    signed_in = timezone.make_aware(dt.datetime(2026, 10, 2, 9, 30))
    User.objects.filter(pk=cast.student.pk).update(last_login=signed_in)
    client.force_login(cast.admin)
    page = client.get(reverse("accounts:team", args=[cast.team.pk])).content.decode()
    assert "2026-10-02 09:30" in page
    assert "Never" in page  # the cast's others have not signed in by password


def test_an_organisation_admin_creates_a_team_and_moves_a_case_with_its_history(client, cast):
    from clemency.cases.models import Case
    from clemency.people.models import Person

    person = Person.objects.create(team=cast.team, given_name="Ora", family_name="Vale")
    case = Case.objects.create(team=cast.team, person=person, title="Pardon")
    AuditEvent.objects.create(action="case.update", case_id=case.pk, team_id=cast.team.pk, actor_name="x")
    client.force_login(cast.admin)
    assert client.post(reverse("accounts:team-create"), {"name": "New"}).status_code == 403
    cast.admin.is_organisation_admin = True
    cast.admin.save()
    client.post(reverse("accounts:team-create"), {"name": "Appeals Team", "organisation": "Law School"})
    new_team = Team.objects.get(name="Appeals Team")
    assert Membership.objects.get(team=new_team, user=cast.admin).role == Role.ADMIN
    client.post(reverse("accounts:case-transfer"), {"case": case.pk, "to_team": new_team.pk})
    case.refresh_from_db()
    person.refresh_from_db()
    assert case.team == new_team and person.team == new_team
    assert AuditEvent.objects.filter(action="case.transfer", case_id=case.pk).count() == 2
    assert AuditEvent.objects.filter(case_id=case.pk, action="case.update").exists()
    # The old team's members no longer see it.
    client.force_login(cast.staff)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404


def test_a_person_with_other_cases_is_not_split_between_teams(cast):
    from clemency.cases.models import Case
    from clemency.people.models import Person

    cast.admin.is_organisation_admin = True
    person = Person.objects.create(team=cast.team, given_name="Ora", family_name="Vale")
    case = Case.objects.create(team=cast.team, person=person, title="Pardon")
    Case.objects.create(team=cast.team, person=person, title="Commutation")
    with pytest.raises(ValidationError, match="1 other case "):
        team_admin.transfer_case(case, actor=cast.admin, to_team=cast.other_team)
    case.refresh_from_db()
    assert case.team == cast.team
    with pytest.raises(PermissionDenied):
        team_admin.transfer_case(case, actor=cast.attorney, to_team=cast.other_team)


def test_a_team_admin_at_django_admin_is_sent_to_the_team_pages(client, cast):
    client.force_login(cast.admin)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url == reverse("accounts:teams")
    client.force_login(cast.staff)
    assert client.get("/admin/").status_code == 403


def test_team_settings_are_saved_audited_and_a_non_image_logo_is_refused(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.admin)
    url = reverse("accounts:team-settings", args=[cast.team.pk])
    values = {"organisation": "Second Look Clinic, Law School",
              "letterhead_address": "1 Bascom Hill\nMadison, WI",
              "letterhead_phone": "608-555-0100", "letterhead_email": "clinic@example.edu",
              "signature_block": "Respectfully submitted,"}
    pdf = SimpleUploadedFile("logo.png", b"%PDF-1.7\n" + b"0" * 300, content_type="image/png")
    refused = client.post(url, {**values, "logo": pdf})
    assert refused.status_code == 400 and "The logo is a PDF file" in refused.content.decode()
    assert "1 Bascom Hill" in refused.content.decode()  # the other fields keep their values
    cast.team.refresh_from_db()
    assert cast.team.letterhead_address == ""
    assert client.post(url, values).status_code == 302
    cast.team.refresh_from_db()
    assert cast.team.letterhead_phone == "608-555-0100"
    assert AuditEvent.objects.filter(action="team.settings_update", team_id=cast.team.pk).exists()
    client.post(reverse("accounts:attorney-add", args=[cast.team.pk]),
                {"name": "Rita Counsel", "bar_number": "1012345", "position": 0})
    assert cast.team.attorneys.get().bar_number == "1012345"
    too_long = client.post(url, {**values, "letterhead_address": "x" * 501})
    assert too_long.status_code == 400 and "at most 500 characters" in too_long.content.decode()
