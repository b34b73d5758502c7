"""The three panels on the case page (the page itself belongs to the cases app)."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clemency.deadlines import services as deadline_services
from clemency.documents import services
from clemency.petitions import services as petition_services


def _fill(case, cast):
    petition_services.create_petition(
        case=case,
        actor=cast.attorney,
        pathway="us.commutation",
        title="Petition for commutation",
        deciding_authority="The President",
    )
    deadline_services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind="execution",
        title="Scheduled execution",
        date=datetime.date(2027, 3, 14),
        source="warrant of execution",
    )
    services.upload_document(
        case=case,
        actor=cast.attorney,
        kind="other",
        title="Strategy memo",
        privileged=True,
        upload=SimpleUploadedFile("memo.txt", b"work product"),
    )
    return services.upload_document(
        case=case,
        actor=cast.attorney,
        kind="letter_of_support",
        title="From the pastor",
        upload=SimpleUploadedFile("pastor.txt", b"support"),
    )


def test_the_case_page_shows_petitions_deadlines_and_documents(client, cast, case):
    _fill(case, cast)
    client.force_login(cast.attorney)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    for text in (
        "petitions-panel",
        "Petition for commutation",
        "deadlines-panel",
        "Scheduled execution",
        "warrant of execution",
        "documents-panel",
        "From the pastor",
        "Strategy memo",
        reverse("petitions:create", args=[case.pk]),
        reverse("deadlines:create", args=[case.pk]),
        reverse("documents:upload", args=[case.pk]),
        "Mark done",
    ):
        assert text in html, text
    assert html.count("/download/") == 2


def test_the_panels_offer_no_changes_to_read_only_and_no_privileged_download_to_students(client, cast, case):
    letter = _fill(case, cast)
    client.force_login(cast.read_only)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Scheduled execution" in html and "Mark done" not in html
    assert reverse("documents:upload", args=[case.pk]) not in html
    client.force_login(cast.student)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert html.count("/download/") == 1 and reverse("documents:download", args=[letter.pk]) in html
