from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.cases.models import PrivilegeGrant
from clemency.documents import services
from clemency.documents.models import Document, DocumentKind
from clemency.documents.tests import samples


def _doc(case, actor, privileged=False, name="letter.txt", content=samples.TEXT):
    return services.upload_document(
        case=case,
        actor=actor,
        upload=SimpleUploadedFile(name, content),
        kind=DocumentKind.LETTER_OF_SUPPORT,
        privileged=privileged,
    )


def test_a_volunteer_uploads_a_document(client, cast, case):
    client.force_login(cast.volunteer)
    url = reverse("documents:upload", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "file": SimpleUploadedFile("support.pdf", samples.pdf()),
            "kind": "letter_of_support",
            "title": "From the warden",
            "description": "",
        },
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "documents:detail", args=[document.pk]
    )
    assert document.title == "From the warden" and document.uploaded_by == cast.volunteer


def test_a_wrong_type_or_too_large_file_is_named_and_nothing_is_stored(client, cast, case, settings):
    client.force_login(cast.staff)
    url = reverse("documents:upload", args=[case.pk])
    response = client.post(
        url, {"file": SimpleUploadedFile("support.pdf", samples.image("PNG")), "kind": "record"}
    )
    assert response.status_code == 400
    assert "content is PNG image" in response.context["form"].errors["file"][0]
    assert b'id="id_file_error"' in response.content
    settings.MAX_UPLOAD_BYTES = 100
    response = client.post(url, {"file": SimpleUploadedFile("support.txt", b"a" * 101), "kind": "record"})
    assert response.context["form"].errors["file"] == ["The file is over the limit of 100 bytes."]
    response = client.post(url, {"kind": "record"})
    assert response.context["form"].errors["file"] == ["This field is required."]
    assert not Document.objects.exists()


def test_download_is_an_attachment_with_nosniff(client, cast, case):
    document = _doc(case, cast.attorney, name="note.txt")
    client.force_login(cast.read_only)
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="note.txt"'
    assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Type"] == "text/plain"
    assert b"".join(response.streaming_content) == samples.TEXT
    assert not AuditEvent.objects.filter(action="document.privileged_read").exists()


def test_outsiders_get_404_everywhere(client, cast, case):
    document = _doc(case, cast.attorney)
    client.force_login(cast.outsider)
    for name in ("detail", "download", "edit", "delete", "replace"):
        assert client.get(reverse(f"documents:{name}", args=[document.pk])).status_code == 404, name
    assert client.get(reverse("documents:upload", args=[case.pk])).status_code == 404
    client.logout()
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_read_only_cannot_upload_or_change(client, cast, case):
    document = _doc(case, cast.attorney)
    client.force_login(cast.read_only)
    assert client.get(reverse("documents:upload", args=[case.pk])).status_code == 403
    assert client.post(reverse("documents:delete", args=[document.pk])).status_code == 403
    assert Document.objects.count() == 1


def test_privileged_downloads_are_refused_to_students_unless_granted_and_every_read_is_audited(
    client, cast, case
):
    document = _doc(case, cast.attorney, privileged=True)
    url = reverse("documents:download", args=[document.pk])
    for user in (cast.student, cast.volunteer, cast.read_only):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(cast.student)
    detail = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert "ask an attorney" in detail and url not in detail
    # A student may not clear the flag or swap the file to get at the content.
    assert (
        client.post(
            reverse("documents:edit", args=[document.pk]), {"kind": "record", "title": "x", "privileged": ""}
        ).status_code
        == 403
    )
    assert not AuditEvent.objects.filter(action="document.privileged_read").exists()

    PrivilegeGrant.objects.create(case=case, user=cast.student, granted_by=cast.attorney)
    assert client.get(url).status_code == 200
    client.force_login(cast.attorney)
    assert client.get(url).status_code == 200
    reads = AuditEvent.objects.filter(action="document.privileged_read").order_by("id")
    assert [event.actor_id for event in reads] == [cast.student.pk, cast.attorney.pk]
    assert all(event.case_id == case.pk for event in reads)


def test_edit_replace_and_delete_through_pages(client, cast, case, django_capture_on_commit_callbacks):
    document = _doc(case, cast.attorney)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("documents:edit", args=[document.pk]),
        {"kind": "personal_letter", "title": "Letter from his daughter", "description": ""},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("documents:replace", args=[document.pk]),
        {"file": SimpleUploadedFile("letter.txt", b"\x00\x01binary")},
    )
    assert response.status_code == 400 and "not a type we accept" in response.content.decode()
    response = client.post(
        reverse("documents:replace", args=[document.pk]),
        {"file": SimpleUploadedFile("letter.pdf", samples.pdf())},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.kind, document.title, document.content_type) == (
        "personal_letter",
        "Letter from his daughter",
        "application/pdf",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("documents:delete", args=[document.pk]))
    assert response.status_code == 302 and not Document.objects.exists()


def test_the_list_shows_only_visible_documents(client, cast, case, other_case):
    _doc(case, cast.attorney, name="mine.txt")
    _doc(other_case, cast.outsider, name="theirs.txt")
    client.force_login(cast.staff)
    html = client.get(reverse("documents:list")).content.decode()
    assert "mine.txt" in html and "theirs.txt" not in html


def test_an_oversized_replacement_is_refused_and_the_old_file_kept(client, cast, case, settings):
    document = _doc(case, cast.attorney)
    settings.MAX_UPLOAD_BYTES = 100
    client.force_login(cast.attorney)
    response = client.post(
        reverse("documents:replace", args=[document.pk]),
        {"file": SimpleUploadedFile("letter.txt", b"a" * 5000)},
    )
    assert response.status_code == 400
    assert response.context["replace_form"].errors["file"] == ["The file is over the limit of 100 bytes."]
    document.refresh_from_db()
    assert document.size_bytes == len(samples.TEXT)


def test_uploads_still_need_the_csrf_token(cast, case):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("documents:upload", args=[case.pk]),
        {"file": SimpleUploadedFile("a.txt", b"text"), "kind": "record"},
    )
    assert response.status_code == 403
    response = client.post(
        reverse("documents:replace", args=[_doc(case, cast.attorney).pk]),
        {"file": SimpleUploadedFile("a.txt", b"text")},
    )
    assert response.status_code == 403
    assert Document.objects.count() == 1
