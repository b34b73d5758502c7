"""The pages: pick a template and download the draft; pick exhibits, watch progress, download the bundle."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.conftest import PASSWORD
from clemency.drafting.models import Bundle, BundleStatus, GeneratedDocument
from clemency.drafting.tests.helpers import docx_text, make_pdf, page_texts, upload

pytestmark = pytest.mark.django_db


def _client(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_case_page_links_to_drafting(client, cast, case):
    page = _client(client, cast.attorney).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'id="drafting-panel"' in page
    assert (
        reverse("drafting:case", args=[case.pk]) in page
        and reverse("drafting:bundle-create", args=[case.pk]) in page
    )


def test_only_applicable_templates_can_be_picked_and_the_others_say_why(client, cast, case):
    page = _client(client, cast.attorney).get(reverse("drafting:case", args=[case.pk])).content.decode()
    assert 'value="federal_commutation_petition"' in page
    assert "federal conviction and the person is serving the sentence" in page
    assert 'value="federal_pardon_petition"' not in page  # listed, but not a choice
    assert "<code>us.compassionate_release.age</code>" in page  # the rulebook outcomes drawn on
    assert "Petition for a federal pardon</s> — does not apply: the person is still in custody" in page


def test_generating_and_downloading_a_draft(client, cast, case):
    client = _client(client, cast.staff)
    url = reverse("drafting:case", args=[case.pk])
    response = client.post(
        url, {"template": "federal_commutation_petition", "variant": "preview", "format": "docx"}
    )
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and response["Location"].startswith(url)
    assert document.created_by == cast.staff and not document.redacted
    page = client.get(response["Location"]).content.decode()
    download_url = reverse("drafting:generated-download", args=[document.pk])
    assert download_url in page
    response = client.get(download_url)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert "Ambrose Testwood" in docx_text(_content(response))
    event = AuditEvent.objects.get(action="drafting.document_downloaded")
    assert event.actor == cast.staff and event.object_id == str(document.pk)


def test_a_template_that_does_not_apply_is_refused_next_to_the_field(client, cast, case):
    response = _client(client, cast.attorney).post(
        reverse("drafting:case", args=[case.pk]),
        {"template": "federal_pardon_petition", "variant": "final", "format": "docx"},
    )
    assert response.status_code == 400 and 'id="id_template_error"' in response.content.decode()
    assert not GeneratedDocument.objects.exists()


def test_read_only_members_download_but_do_not_generate(client, cast, case):
    from clemency.drafting import services
    from clemency.drafting.tests.helpers import AS_OF

    document = services.generate_document(
        case, actor=cast.attorney, template="support_letter_request", as_of=AS_OF
    )
    client = _client(client, cast.read_only)
    url = reverse("drafting:case", args=[case.pk])
    assert "Generate</button>" not in client.get(url).content.decode()
    assert (
        client.post(
            url, {"template": "support_letter_request", "variant": "final", "format": "docx"}
        ).status_code
        == 403
    )
    assert GeneratedDocument.objects.count() == 1
    assert client.get(reverse("drafting:generated-download", args=[document.pk])).status_code == 200
    assert client.get(reverse("drafting:bundle-create", args=[case.pk])).status_code == 403


def test_outsiders_see_nothing(client, cast, case):
    from clemency.drafting import services
    from clemency.drafting.tests.helpers import AS_OF

    document = services.generate_document(
        case, actor=cast.attorney, template="support_letter_request", as_of=AS_OF
    )
    letter = upload(case, cast.attorney, "Letter", make_pdf(1, "Letter"), "letter.pdf")
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[services.ExhibitChoice(letter)])
    client = _client(client, cast.outsider)
    for url in [
        reverse("drafting:case", args=[case.pk]),
        reverse("drafting:generated-download", args=[document.pk]),
        reverse("drafting:bundle-create", args=[case.pk]),
        reverse("drafting:bundle-detail", args=[bundle.pk]),
        reverse("drafting:bundle-download", args=[bundle.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    listing = client.get(reverse("drafting:list")).content.decode()
    assert "Ambrose" not in listing and "No generated documents." in listing
    assert not AuditEvent.objects.filter(action__endswith="_downloaded").exists()


def test_privileged_uploads_are_offered_only_to_privileged_readers(client, cast, case):
    upload(case, cast.attorney, "Open letter", make_pdf(1, "Open"), "open.pdf")
    upload(case, cast.attorney, "Strategy memo", make_pdf(1, "Memo"), "memo.pdf", privileged=True)
    url = reverse("drafting:bundle-create", args=[case.pk])
    student_page = _client(client, cast.student).get(url).content.decode()
    assert "Open letter" in student_page and "Strategy memo" not in student_page
    client.logout()
    attorney_page = _client(client, cast.attorney).get(url).content.decode()
    assert "Strategy memo" in attorney_page


def test_bundling_from_the_page_in_the_chosen_order(client, cast, case):
    first = upload(case, cast.attorney, "Warden letter", make_pdf(1, "Warden"), "warden.pdf")
    second = upload(case, cast.attorney, "Certificate", make_pdf(2, "Certificate"), "cert.pdf")
    client = _client(client, cast.volunteer)
    response = client.post(
        reverse("drafting:bundle-create", args=[case.pk]),
        {
            "title": "Exhibits to the petition",
            "bates_prefix": "AT-",
            f"include_{first.pk}": "on",
            f"order_{first.pk}": "2",
            f"include_{second.pk}": "on",
            f"order_{second.pk}": "1",
        },
    )
    bundle = Bundle.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "drafting:bundle-detail", args=[bundle.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Status: Done" in page and "AT-000001-AT-000006" in page and 'id="bundle-toc"' in page
    assert "hx-trigger" not in page  # finished: no more polling
    response = client.get(reverse("drafting:bundle-download", args=[bundle.pk]))
    pages = page_texts(_content(response))
    assert "Exhibit A" in pages[1] and "Certificate" in pages[1] and "Exhibit B" in pages[4]
    assert AuditEvent.objects.filter(action="drafting.bundle_downloaded", actor=cast.volunteer).count() == 1


def test_an_empty_choice_is_refused_with_a_reason(client, cast, case):
    upload(case, cast.attorney, "Warden letter", make_pdf(1, "Warden"), "warden.pdf")
    response = _client(client, cast.attorney).post(
        reverse("drafting:bundle-create", args=[case.pk]), {"title": "Exhibits"}
    )
    assert (
        response.status_code == 400
        and "tick “Include” for at least one document" in response.content.decode()
    )
    assert not Bundle.objects.exists()


def test_a_running_bundle_polls_with_htmx_and_offers_a_refresh_link(client, cast, case):
    bundle = Bundle.objects.create(case=case, status=BundleStatus.RUNNING, progress_done=2, progress_total=4)
    client = _client(client, cast.attorney)
    url = reverse("drafting:bundle-detail", args=[bundle.pk])
    page = client.get(url).content.decode()
    assert "<html" in page and 'hx-trigger="every 2s"' in page and f'href="{url}">Refresh</a>' in page
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and 'value="50"' in fragment and "2 of 4 steps" in fragment
    assert client.get(reverse("drafting:bundle-download", args=[bundle.pk])).status_code == 404


def test_a_privileged_bundle_is_downloaded_only_by_privileged_readers(client, cast, case):
    from clemency.drafting import services

    memo = upload(case, cast.attorney, "Strategy memo", make_pdf(1, "Memo"), "memo.pdf", privileged=True)
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[services.ExhibitChoice(memo)])
    client = _client(client, cast.student)
    assert (
        "ask an attorney" in client.get(reverse("drafting:bundle-detail", args=[bundle.pk])).content.decode()
    )
    assert client.get(reverse("drafting:bundle-download", args=[bundle.pk])).status_code == 403
    client.logout()
    assert (
        _client(client, cast.staff).get(reverse("drafting:bundle-download", args=[bundle.pk])).status_code
        == 200
    )


def test_a_bad_bates_prefix_is_refused_next_to_its_field(client, cast, case):
    letter = upload(case, cast.attorney, "Warden letter", make_pdf(1, "Warden"), "warden.pdf")
    response = _client(client, cast.attorney).post(
        reverse("drafting:bundle-create", args=[case.pk]),
        {"title": "Exhibits", "bates_prefix": "no spaces/", f"include_{letter.pk}": "on"},
    )
    assert response.status_code == 400
    assert 'id="id_bates_prefix_error"' in response.content.decode() and not Bundle.objects.exists()


def test_a_bundle_that_waits_too_long_says_the_worker_may_be_down(client, cast, case):
    import datetime as dt

    from django.utils import timezone

    bundle = Bundle.objects.create(case=case, status=BundleStatus.QUEUED)
    url = reverse("drafting:bundle-detail", args=[bundle.pk])
    client = _client(client, cast.attorney)
    assert "worker may not be running" not in client.get(url).content.decode()
    Bundle.objects.filter(pk=bundle.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    assert "worker may not be running" in client.get(url).content.decode()
