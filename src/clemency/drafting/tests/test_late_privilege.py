"""A document marked privileged after it was bundled: every bundle holding it becomes privileged, with
its audit event, and a student can no longer download it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from clemency.audit.models import AuditEvent
from clemency.documents.services import update_document
from clemency.drafting import services
from clemency.drafting.models import Bundle, BundleExhibit
from clemency.drafting.services import ExhibitChoice
from clemency.drafting.tests.helpers import make_pdf, upload

pytestmark = pytest.mark.django_db


def test_marking_a_bundled_document_privileged_marks_its_bundles(client, cast, case):
    letter = upload(case, cast.attorney, "Letter", make_pdf(1, "Letter"), "letter.pdf")
    other = upload(case, cast.attorney, "Record", make_pdf(1, "Record"), "record.pdf")
    holding = services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(letter)])
    unrelated = services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(other)])
    assert not holding.privileged
    client.force_login(cast.student)
    assert client.get(reverse("drafting:bundle-download", args=[holding.pk])).status_code == 200

    update_document(letter, actor=cast.attorney, privileged=True)

    holding.refresh_from_db()
    unrelated.refresh_from_db()
    assert holding.privileged and not unrelated.privileged
    assert BundleExhibit.objects.get(bundle=holding).privileged
    event = AuditEvent.objects.get(action="drafting.bundle_privileged")
    assert event.object_id == str(holding.pk) and event.actor == cast.attorney
    assert event.after == {"privileged": True, "because_of_document": letter.pk}
    assert client.get(reverse("drafting:bundle-download", args=[holding.pk])).status_code in (403, 404)


def test_a_bundle_assembled_while_its_exhibit_became_privileged_stays_privileged(cast, case, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    letter = upload(case, cast.attorney, "Letter", make_pdf(1, "Letter"), "letter.pdf")
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(letter)])
    update_document(letter, actor=cast.attorney, privileged=True)  # while it waits in the queue
    services.run_bundle(bundle.pk)
    assert Bundle.objects.get(pk=bundle.pk).privileged
