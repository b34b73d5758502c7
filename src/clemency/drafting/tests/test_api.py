"""The API: generated documents and bundles, listed, read and created only through access."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from clemency.audit.models import AuditEvent
from clemency.drafting import services
from clemency.drafting.models import Bundle, GeneratedDocument
from clemency.drafting.tests.helpers import AS_OF, docx_text, make_pdf, page_texts, upload

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_creating_and_downloading_a_generated_document(cast, case):
    api = _api(cast.attorney)
    request = {"case": case.pk, "template": "federal_commutation_petition", "variant": "final",
               "as_of": "2026-11-02"}
    refused = api.post("/api/generated-documents/", request, format="json")
    # A Final that would print "[unknown]" is refused with the variables to fill, and nothing is kept.
    assert refused.status_code == 400
    missing = refused.json()["missing"]
    assert "convictions[0].plea" in missing
    assert not GeneratedDocument.objects.exists()
    response = api.post("/api/generated-documents/",
                        {**request, "answers": dict.fromkeys(missing, "Filled in")}, format="json")
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["template"] == "federal_commutation_petition" and body["as_of"] == "2026-11-02"
    assert len(body["sha256"]) == 64
    download = api.get(body["download_url"])
    assert download.status_code == 200
    assert "Ambrose Testwood" in docx_text(b"".join(download.streaming_content))
    assert AuditEvent.objects.filter(action="drafting.document_downloaded", actor=cast.attorney).exists()
    assert [row["id"] for row in api.get("/api/generated-documents/").json()["results"]] == [body["id"]]


def test_generated_documents_are_hidden_from_other_teams(cast, case, other_case):
    mine = services.generate_document(
        case, actor=cast.attorney, template="support_letter_request", as_of=AS_OF
    )
    outsider = _api(cast.outsider)
    assert outsider.get("/api/generated-documents/").json()["results"] == []
    assert outsider.get(f"/api/generated-documents/{mine.pk}/").status_code == 404
    assert outsider.get(f"/api/generated-documents/{mine.pk}/download/").status_code == 404
    response = outsider.post(
        "/api/generated-documents/", {"case": case.pk, "template": "support_letter_request"}, format="json"
    )
    assert response.status_code == 400 and "case" in response.json()
    assert GeneratedDocument.objects.count() == 1


def test_bad_generate_requests_name_the_field(cast, case):
    api = _api(cast.attorney)
    wrong = api.post("/api/generated-documents/", {"case": case.pk, "template": "nope"}, format="json")
    assert wrong.status_code == 400 and "template" in wrong.json()
    inapplicable = api.post(
        "/api/generated-documents/", {"case": case.pk, "template": "governor_letter"}, format="json"
    )
    assert inapplicable.status_code == 400 and "President" in str(inapplicable.json()["template"])
    read_only = _api(cast.read_only).post(
        "/api/generated-documents/", {"case": case.pk, "template": "support_letter_request"}, format="json"
    )
    assert read_only.status_code == 403
    assert not GeneratedDocument.objects.exists()


def test_creating_a_bundle_and_downloading_it(cast, case):
    letter = upload(case, cast.attorney, "Letter", make_pdf(1, "Letter"), "letter.pdf")
    certificate = upload(case, cast.attorney, "Certificate", make_pdf(1, "Certificate"), "cert.pdf")
    api = _api(cast.staff)
    response = api.post(
        "/api/bundles/",
        {
            "case": case.pk,
            "bates_prefix": "API-",
            "exhibits": [{"document": certificate.pk}, {"document": letter.pk, "public": True}],
        },
        format="json",
    )
    assert response.status_code == 202, response.data
    body = response.json()
    assert body["status"] == "done" and [e["label"] for e in body["exhibits"]] == ["A", "B"]
    assert body["exhibits"][0]["sha256"] == certificate.sha256
    pdf = b"".join(api.get(body["download_url"]).streaming_content)
    pages = page_texts(pdf)
    assert "API-000001" in pages[0] and "Certificate page 1" in pages[2] and "Letter page 1" in pages[4]
    assert api.get(f"/api/bundles/{body['id']}/").json()["page_count"] == 5


def test_bundle_requests_only_name_documents_the_user_may_read(cast, case, other_case):
    memo = upload(case, cast.attorney, "Strategy memo", make_pdf(1, "Memo"), "memo.pdf", privileged=True)
    theirs = upload(other_case, cast.outsider, "Theirs", make_pdf(1, "Theirs"), "theirs.pdf")
    student = _api(cast.student)
    for document in (memo, theirs):
        response = student.post(
            "/api/bundles/", {"case": case.pk, "exhibits": [{"document": document.pk}]}, format="json"
        )
        assert response.status_code == 400 and "not a document of this case" in str(response.json())
    empty = student.post("/api/bundles/", {"case": case.pk, "exhibits": []}, format="json")
    assert empty.status_code == 400 and "exhibits" in empty.json()
    assert not Bundle.objects.exists()
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[services.ExhibitChoice(memo)])
    assert student.get(f"/api/bundles/{bundle.pk}/download/").status_code == 403
    assert _api(cast.outsider).get(f"/api/bundles/{bundle.pk}/").status_code == 404
