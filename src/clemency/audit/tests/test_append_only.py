from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.audit.services import record_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(cast):
    return record_event("case.update", actor=cast.attorney, team_id=cast.team.pk,
                        before={"a": 1}, after={"a": 2})


def test_the_model_refuses_to_change_a_saved_event(event):
    event.action = "forged"
    with pytest.raises(PermissionError):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).action == "case.update"


def test_the_model_refuses_to_delete(event):
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().update(action="forged")
    with pytest.raises(PermissionError):
        AuditEvent.objects.bulk_update([event], ["action"])
    assert AuditEvent.objects.filter(pk=event.pk, action="case.update").exists()


def test_the_event_outlives_the_account_with_the_name_copied(cast, event):
    cast.attorney.delete()
    kept = AuditEvent.objects.get(pk=event.pk)
    assert kept.actor is None
    assert kept.actor_name == "Test Attorney"


@pytest.fixture
def superuser(db):
    from clemency.accounts.models import User

    return User.objects.create_superuser("root-admin", password="x-very-long-password-1")


def test_the_admin_site_shows_the_log_but_cannot_add_change_or_delete(client, superuser, event):
    client.force_login(superuser)
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    change_url = reverse("admin:audit_auditevent_change", args=[event.pk])
    page = client.get(change_url)
    assert page.status_code == 200  # view-only
    assert b'name="_save"' not in page.content
    assert client.post(change_url, {"action": "forged"}).status_code == 403
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    delete_url = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    bulk = client.post(reverse("admin:audit_auditevent_changelist"),
                       {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"})
    assert bulk.status_code in (200, 302)
    assert AuditEvent.objects.filter(pk=event.pk, action="case.update").exists()


def test_the_api_is_read_only_and_for_admins(client, cast, event):
    url = reverse("audit-event-list")
    client.force_login(cast.admin)
    listing = client.get(url)
    assert listing.status_code == 200
    assert [item["id"] for item in listing.json()["results"]] == [event.pk]
    detail = reverse("audit-event-detail", args=[event.pk])
    assert client.get(detail).json()["after"] == {"a": 2}
    assert client.post(url, {"action": "x"}).status_code == 405
    assert client.put(detail, {"action": "x"}, content_type="application/json").status_code == 405
    assert client.delete(detail).status_code == 405
    client.force_login(cast.attorney)
    assert client.get(url).json()["results"] == []
    assert client.get(detail).status_code == 404
    client.force_login(cast.outsider)
    assert client.get(detail).status_code == 404
