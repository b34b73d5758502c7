"""The directory, outreach and timeline pages, and the CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from clemency.advocacy import services
from clemency.advocacy.models import Office, Outreach


@pytest.fixture
def contact(case, cast, counsel):
    return services.log_outreach(
        case=case,
        actor=cast.attorney,
        date="2026-11-02",
        channel="call",
        office=counsel,
        subject='=HYPERLINK("http://evil")',
        summary="Our strategy",
        summary_privileged=True,
        outcome="No answer",
        follow_up_on="2026-11-09",
    )


def test_the_directory_filters_by_jurisdiction(client, cast):
    client.force_login(cast.student)
    html = client.get(reverse("advocacy:directory"), {"jurisdiction": "us-tx"}).content.decode()
    assert "Texas Board of Pardons and Paroles" in html and "Governor of Oklahoma" not in html


def test_an_office_page_shows_role_citations_and_history(client, cast, counsel):
    board = Office.objects.get(seed_key="us-tx.board")
    client.force_login(cast.staff)
    html = client.get(reverse("advocacy:office-detail", args=[board.pk])).content.decode()
    assert "Must recommend before a grant" in html and "Tex. Const. art. IV, sec. 11" in html
    assert "checked against the primary source" in html and "Seeded" in html


def test_logging_a_contact_from_the_form(client, cast, case, counsel):
    client.force_login(cast.staff)
    url = reverse("advocacy:outreach-create", args=[case.pk])
    response = client.post(
        url,
        {
            "date": "2026-11-02",
            "channel": "call",
            "status": "done",
            "office": counsel.pk,
            "subject": "Ask for a meeting",
            "team_members": [cast.staff.pk],
            "follow_up_on": "2026-11-01",
        },
    )
    assert response.status_code == 400
    assert "before the contact" in response.context["form"].errors["follow_up_on"][0]
    response = client.post(
        url,
        {
            "date": "2026-11-02",
            "channel": "call",
            "status": "done",
            "office": counsel.pk,
            "subject": "Ask for a meeting",
            "team_members": [cast.staff.pk],
        },
    )
    assert response.status_code == 302
    assert Outreach.objects.get().subject == "Ask for a meeting"


def test_the_follow_up_form_is_prefilled_from_its_parent(client, cast, case, contact):
    client.force_login(cast.attorney)
    response = client.get(reverse("advocacy:outreach-create", args=[case.pk]), {"parent": contact.pk})
    form = response.context["form"]
    assert form.initial["parent"] == contact.pk and form.initial["office"] == contact.office_id


def test_a_student_sees_that_a_summary_is_privileged_but_not_the_summary(client, cast, contact):
    client.force_login(cast.student)
    html = client.get(reverse("advocacy:outreach-detail", args=[contact.pk])).content.decode()
    assert "Our strategy" not in html and "Privileged: you may not read it." in html
    assert client.get(reverse("advocacy:outreach-edit", args=[contact.pk])).status_code == 403


def test_the_export_neutralises_formulas_and_leaves_out_privileged_summaries(client, cast, contact):
    client.force_login(cast.attorney)
    response = client.get(reverse("advocacy:outreach-export"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["subject"].startswith("'=")
    assert rows[0]["summary"] == "(privileged: not exported)"
    client.force_login(cast.outsider)
    assert (
        len(
            list(
                csv.DictReader(io.StringIO(client.get(reverse("advocacy:outreach-export")).content.decode()))
            )
        )
        == 0
    )
    assert client.get(reverse("advocacy:outreach-export"), {"case": "abc"}).status_code == 400


def test_the_timeline_orders_and_filters_events(client, cast, case, contact):
    from clemency.deadlines.models import Deadline
    from clemency.petitions import services as petition_services

    Deadline.objects.create(case=case, kind="filing", date="2026-01-05", title="Old filing deadline")
    petition_services.create_petition(case=case, actor=cast.attorney, pathway="us.pardon", title="Pardon")
    client.force_login(cast.attorney)
    url = reverse("advocacy:timeline", args=[case.pk])
    html = client.get(url).content.decode()
    assert html.index("Old filing deadline") < html.index("=HYPERLINK")
    assert "missed" in html and "Pardon: Created" in html and "Our strategy" in html
    html = client.get(url, {"kind": "deadline"}).content.decode()
    assert "Old filing deadline" in html and "Pardon: Created" not in html
    client.force_login(cast.student)
    assert "Our strategy" not in client.get(url).content.decode()


def test_a_new_entry_and_an_edit_through_the_pages(client, cast, counsel):
    client.force_login(cast.staff)
    response = client.post(
        reverse("advocacy:office-create"),
        {
            "jurisdiction": "us-tx",
            "name": "Office of State Senator Example (fictional)",
            "kind": "legislator",
            "role": "no_formal_role",
            "citations_text": "",
            "active": "on",
            "website_url": "example.org",
        },
    )
    assert response.status_code == 302
    office = Office.objects.get(name="Office of State Senator Example (fictional)")
    assert office.team == cast.team and office.website_url == "https://example.org"
    response = client.post(
        reverse("advocacy:office-edit", args=[counsel.pk]),
        {
            "jurisdiction": "us-tx",
            "name": counsel.name,
            "kind": counsel.kind,
            "role": counsel.role,
            "role_note": counsel.role_note,
            "active": "on",
            "phone": "512-555-0142",
            "reason": "Called the main line",
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("advocacy:office-detail", args=[counsel.pk])).content.decode()
    assert "Phone: (empty) → 512-555-0142" in html and "Called the main line" in html and "Test Staff" in html
    client.force_login(cast.read_only)
    assert client.get(reverse("advocacy:office-edit", args=[counsel.pk])).status_code == 403
