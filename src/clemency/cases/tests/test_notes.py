from __future__ import annotations

from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.cases import services
from clemency.cases.tests import factories


def _case_with_notes(cast):
    case = factories.case(cast.team, cast.attorney)
    services.add_note(case, actor=cast.attorney, body="Client called about the petition.")
    services.add_note(case, actor=cast.attorney, body="Theory: the confession was fed.", privileged=True)
    return case


def test_a_student_does_not_see_privileged_notes(client, cast):
    case = _case_with_notes(cast)
    client.force_login(cast.student)
    body = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Client called" in body
    assert "confession was fed" not in body
    assert not AuditEvent.objects.filter(action="note.read_privileged").exists()


def test_an_attorney_reads_privileged_notes_and_the_read_is_recorded(client, cast):
    case = _case_with_notes(cast)
    client.force_login(cast.attorney)
    body = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "confession was fed" in body
    event = AuditEvent.objects.get(action="note.read_privileged")
    assert event.actor == cast.attorney and event.case_id == case.pk


def test_a_grant_lets_a_student_read_them(client, cast):
    case = _case_with_notes(cast)
    services.grant_privilege(case, actor=cast.attorney, user=cast.student)
    client.force_login(cast.student)
    assert "confession was fed" in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert AuditEvent.objects.filter(action="note.read_privileged", actor=cast.student).exists()


def test_the_privileged_body_stays_out_of_the_audit_log(cast):
    case = factories.case(cast.team)
    services.add_note(case, actor=cast.attorney, body="Secret strategy", privileged=True)
    event = AuditEvent.objects.get(action="note.create")
    assert "Secret strategy" not in str(event.after)


def test_a_student_cannot_write_a_privileged_note(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.student)
    response = client.post(reverse("cases:note-add", args=[case.pk]), {"body": "x", "privileged": "on"})
    assert response.status_code == 400
    assert "privileged" in response.context["note_form"].errors
    assert not case.notes.exists()


def test_adding_a_note(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.volunteer)
    response = client.post(reverse("cases:note-add", args=[case.pk]), {"body": "Letter received"})
    assert response.status_code == 302
    assert case.notes.get().author == cast.volunteer


def test_an_outsider_cannot_add_a_note(client, cast):
    case = factories.case(cast.team)
    client.force_login(cast.outsider)
    assert client.post(reverse("cases:note-add", args=[case.pk]), {"body": "x"}).status_code == 404


def test_an_attorney_grants_and_revokes_privileged_reading_from_the_page(client, cast):
    case = _case_with_notes(cast)
    client.force_login(cast.attorney)
    url = reverse("cases:privilege-grant", args=[case.pk])
    assert client.post(url, {"user": cast.student.pk}).status_code == 302
    assert AuditEvent.objects.filter(action="case.privilege_granted").exists()
    client.force_login(cast.student)
    assert "confession was fed" in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    client.force_login(cast.attorney)
    assert client.post(url, {"user": cast.student.pk, "revoke": "on"}).status_code == 302
    client.force_login(cast.student)
    assert "confession was fed" not in client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def test_only_attorneys_grant_and_only_to_students_or_volunteers(client, cast):
    import pytest
    from django.core.exceptions import ValidationError

    case = factories.case(cast.team)
    client.force_login(cast.staff)
    response = client.post(reverse("cases:privilege-grant", args=[case.pk]), {"user": cast.volunteer.pk})
    assert (
        response.status_code == 400
        and "attorney or admin" in response.context["grant_form"].errors["user"][0]
    )
    with pytest.raises(ValidationError):
        services.grant_privilege(case, actor=cast.attorney, user=cast.read_only)
    assert not case.privilege_grants.exists()
