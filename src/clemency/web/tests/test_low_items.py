"""Smaller findings of the second trust review: each answers as the rest of the platform does."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_the_api_answers_409_like_the_page_when_the_stored_population_is_missing(client, cast, settings,
                                                                                  tmp_path):
    from clemency.screenings.tests.world import screening_objects

    settings.MEDIA_ROOT = tmp_path
    run = screening_objects(cast, "restored")["screening_run"]
    run.input_file.storage.delete(run.input_file.name)
    api = APIClient()
    api.force_authenticate(cast.attorney)
    response = api.get(f"/api/screenings/{run.pk}/candidates/1/")
    assert response.status_code == 409
    assert response.json()["detail"]
    client.force_login(cast.attorney)
    assert client.get(f"/screenings/{run.pk}/candidates/1/").status_code == 409


def test_deeply_nested_json_is_a_400_not_a_500(cast):
    api = APIClient()
    api.force_authenticate(cast.staff)
    nested = "x"
    for _ in range(100):
        nested = [nested]
    for body in ["[" * 5000 + "]" * 5000, json.dumps({"title": nested})]:
        response = api.post("/api/cases/", body, content_type="application/json")
        assert response.status_code == 400
        assert "nested more than" in response.json()["detail"]


def test_every_signed_in_page_says_no_store(client, cast):
    from clemency.web.tests.factories import make_case

    case = make_case(cast.team)
    client.force_login(cast.staff)
    for url in [reverse("dashboard"), reverse("cases:detail", args=[case.pk]), "/api/cases/"]:
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_the_api_schema_and_docs_are_for_signed_in_users(client, cast):
    assert client.get("/api/schema/").status_code in (401, 403)
    assert client.get("/api/docs/").status_code in (401, 403)
    client.force_login(cast.staff)
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


def test_a_conflict_check_is_logged_with_the_team_so_its_admins_see_it(client, cast):
    from clemency.audit.models import AuditEvent
    from clemency.web.tests.factories import make_person

    make_person(cast.team, family_name="Pellworth")
    client.force_login(cast.attorney)
    client.get(reverse("cases:conflicts"), {"name": "Pellworth"})
    event = AuditEvent.objects.get(action="case.conflict_check")
    assert event.team_id == cast.team.pk and event.after["hits"] == 1
    client.force_login(cast.admin)
    assert client.get(reverse("audit:detail", args=[event.pk])).status_code == 200


def test_a_nul_byte_in_an_imported_cell_is_refused_with_its_row_and_column(cast):
    from clemency.cases.importing import import_people_cases
    from clemency.people.models import Person

    data = b"given_name,family_name\nNora,Vale\nOwen,Pi\x00ke\n"
    report = import_people_cases(data, team=cast.team, actor=cast.attorney)
    assert not report.written
    assert [(e.row, e.column) for e in report.errors] == [(3, "family_name")]
    assert "NUL character" in report.errors[0].why
    assert not Person.objects.exists()


class _BrokenMailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


def test_a_password_reset_with_the_mail_server_down_gives_the_usual_answer(client, cast, settings):
    settings.EMAIL_BACKEND = f"{__name__}._BrokenMailBackend"
    cast.staff.email = "staff@example.org"
    cast.staff.save()
    for address in ["staff@example.org", "nobody@example.org"]:
        response = client.post(reverse("account_reset_password"), {"email": address})
        assert response.status_code == 302, address


def test_an_oversized_image_is_refused_at_upload(cast):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from clemency.assembly.tests.test_unusual_exhibits import _png_header
    from clemency.documents.validation import inspect_upload

    for width in (20_000, 12_000):  # beyond Pillow's own bomb limit, and beyond ours
        with pytest.raises(ValidationError, match="cannot be bundled"):
            inspect_upload(SimpleUploadedFile("huge.png", _png_header(width, width)), max_bytes=10**8)


def test_an_invalid_form_submission_answers_400_with_the_form_and_its_errors(client, cast):
    from clemency.web.tests.factories import make_case

    case = make_case(cast.team)
    client.force_login(cast.attorney)
    bad = [
        (reverse("people:create"), {"given_name": "", "family_name": ""}),
        (reverse("cases:create"), {"title": ""}),
        (reverse("deadlines:create", args=[case.pk]), {"kind": "hearing", "date": "2027-02-30"}),
        (reverse("petitions:create", args=[case.pk]), {"pathway": "not a pathway"}),
        (reverse("cases:edit", args=[case.pk]), {"title": "", "priority": "x"}),
    ]
    for url, data in bad:
        response = client.post(url, data)
        assert response.status_code == 400, url
        assert 'class="error"' in response.content.decode(), url
