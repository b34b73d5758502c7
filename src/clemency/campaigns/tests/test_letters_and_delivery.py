"""Letters of support reviewed by the team, and the delivery packet with its signature-set hash."""

from __future__ import annotations

import hashlib
import io
import re
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from clemency.campaigns import delivery, letters, signing
from clemency.campaigns.models import Letter, LetterStatus, Signature
from clemency.campaigns.tests.conftest import signer
from clemency.documents.models import Document


def _letter(campaign: Any, **overrides: Any) -> Letter:
    data: dict[str, Any] = {
        "writer_name": "Terry Employer",
        "writer_email": "terry@example.org",
        "writer_town": "Racine",
        "relationship": "employer",
        "how_known": "He worked in my shop on work release.",
        "support_on_release": "A full-time job at the shop.",
        "body": "I have known Rowan for six years. He is reliable, kind, and ready to come home.",
        "keep_private": False,
    }
    data.update(overrides)
    return letters.submit_letter(campaign, **data)


def test_an_approved_letter_becomes_a_letter_of_support_document_of_the_case(
    cast: Any, campaign: Any
) -> None:
    letter = letters.review_letter(_letter(campaign), actor=cast.staff, decision="approve")
    assert letter.status == LetterStatus.APPROVED
    document = Document.objects.get(pk=letter.document_id)
    assert document.case_id == campaign.case_id and document.kind == "letter_of_support"
    text = "".join(page.extract_text() for page in PdfReader(document.file.open("rb")).pages)
    assert "Terry Employer" in text and "ready to come home" in text


def test_a_returned_letter_sends_the_note_and_becomes_no_document(cast: Any, campaign: Any) -> None:
    with pytest.raises(ValidationError):
        letters.review_letter(_letter(campaign), actor=cast.staff, decision="return")
    letter = letters.review_letter(
        Letter.objects.get(),
        actor=cast.staff,
        decision="return",
        note="Please leave out the name of the prison guard.",
    )
    assert letter.status == LetterStatus.RETURNED and letter.document_id is None
    assert mail.outbox[-1].to == ["terry@example.org"]
    assert "prison guard" in mail.outbox[-1].body
    with pytest.raises(ValidationError):
        letters.review_letter(letter, actor=cast.staff, decision="approve")


def test_a_letter_writer_name_that_starts_like_a_formula_is_refused(campaign: Any) -> None:
    with pytest.raises(ValidationError) as raised:
        _letter(campaign, writer_name="@Terry")
    assert "writer_name" in raised.value.message_dict


def test_the_delivery_packet_holds_counts_letters_and_the_hash_of_the_signature_set(
    cast: Any, campaign: Any
) -> None:
    for n, state in enumerate(["WI", "TX", "WI"]):
        signing.sign(
            campaign,
            **signer(email=f"s{n}@example.org", state=state, address=f"192.0.2.{n}", wants_updates=n == 0),
        )
        signing.confirm(re.search(r"/c/confirm/([^/]+)/", mail.outbox[-1].body).group(1))  # type: ignore[union-attr]
    signing.sign(campaign, **signer(email="pending@example.org"))  # not confirmed: not in the packet
    letters.review_letter(_letter(campaign), actor=cast.staff, decision="approve")
    letters.review_letter(
        _letter(campaign, writer_name="Rejected Writer"), actor=cast.staff, decision="reject"
    )
    made = delivery.deliver(
        campaign,
        actor=cast.attorney,
        recipient="The President of the United States",
        delivered_on=timezone.localdate(),
        cover_letter="Dear Mr. President,\n\nPlease read.",
    )
    assert (made.confirmed_count, made.letters_count) == (3, 1)
    lines = "".join(
        f"{pk},{email},{state},{at.astimezone(__import__('datetime').UTC).isoformat()}\n"
        for pk, email, state, at in Signature.objects.filter(status="confirmed")
        .order_by("pk")
        .values_list("pk", "canonical_email", "state", "email_confirmed_at")
    )
    assert made.signature_set_sha256 == hashlib.sha256(lines.encode()).hexdigest()
    pdf = made.packet.open("rb").read()
    assert made.packet_sha256 == hashlib.sha256(pdf).hexdigest()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Dear Mr. President" in text and "3 people have signed" in text
    assert "Wisconsin" in text and "Texas" in text and made.signature_set_sha256 in text.replace("\n", "")
    assert "Terry Employer" in text and "Rejected Writer" not in text
    assert "Avery Signer" not in text  # names only when the team chooses
    assert any("delivered to The President" in m.subject for m in mail.outbox)
    from clemency.advocacy.models import Outreach

    logged = Outreach.objects.get(pk=made.outreach_id)
    assert logged.channel == "delivery" and logged.case_id == campaign.case_id
    assert logged.office == campaign.decision_maker and logged.date == made.delivered_on
    assert made.signature_set_sha256 in logged.summary


def test_names_are_in_the_packet_only_when_chosen(cast: Any, campaign: Any) -> None:
    signing.sign(campaign, **signer())
    signing.confirm(re.search(r"/c/confirm/([^/]+)/", mail.outbox[-1].body).group(1))  # type: ignore[union-attr]
    made = delivery.deliver(
        campaign,
        actor=cast.attorney,
        recipient="Governor",
        delivered_on=timezone.localdate(),
        cover_letter="Dear Governor",
        include_names=True,
    )
    text = "".join(page.extract_text() for page in PdfReader(made.packet.open("rb")).pages)
    assert "Avery Signer" in text and "avery.signer@gmail.com" not in text


def test_the_export_neutralises_formulas(client: Any, cast: Any, campaign: Any) -> None:
    from django.urls import reverse

    Signature.objects.create(
        campaign=campaign,
        name="Ok Name",
        email="x@example.org",
        canonical_email="x@example.org",
        email_domain="example.org",
        zip_code="53703",
        state="WI",
        status="confirmed",
        comment='=HYPERLINK("http://evil")',
        confirm_token_hash="a" * 64,
        manage_token_hash="b" * 64,
    )
    client.force_login(cast.staff)
    body = client.get(reverse("campaigns:export", args=[campaign.pk])).content.decode()
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def test_approved_letters_go_into_an_exhibit_bundle_with_bates_numbers(cast: Any, campaign: Any) -> None:
    from clemency.drafting.services import ExhibitChoice, request_bundle

    first = letters.review_letter(_letter(campaign), actor=cast.staff, decision="approve")
    second = letters.review_letter(
        _letter(campaign, writer_name="Sasha Teacher", relationship="teacher"),
        actor=cast.staff,
        decision="approve",
    )
    documents = [Document.objects.get(pk=first.document_id), Document.objects.get(pk=second.document_id)]
    bundle = request_bundle(
        campaign.case,
        actor=cast.attorney,
        title="Letters of support",
        bates_prefix="LOS",
        exhibits=[ExhibitChoice(document, public=True) for document in documents],
        background=False,
    )
    assert bundle.status == "done" and bundle.page_count and bundle.page_count >= 3
    text = "".join(page.extract_text() for page in PdfReader(bundle.file.open("rb")).pages)
    assert "Letters of support" in text and "LOS" in text and "Sasha Teacher" in text
