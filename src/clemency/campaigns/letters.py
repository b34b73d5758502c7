"""Letters of support: written by supporters through a guided form, reviewed by the team, delivered.

An approved letter becomes a document of the case (a PDF, kind "Letter of support"), so it can go
into an exhibit bundle with the bundle's contents and Bates numbers.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from clemency.audit.services import record_event
from clemency.campaigns import emails
from clemency.campaigns.models import Campaign, Letter, LetterStatus, Relationship
from clemency.campaigns.pdf import LetterPage, letter_pdf
from clemency.campaigns.text import starts_like_a_formula

DECISIONS = {
    "approve": LetterStatus.APPROVED,
    "return": LetterStatus.RETURNED,
    "reject": LetterStatus.REJECTED,
}


def submit_letter(
    campaign: Campaign,
    *,
    writer_name: str,
    writer_email: str,
    writer_town: str,
    relationship: str,
    how_known: str,
    support_on_release: str,
    body: str,
    keep_private: bool,
) -> Letter:
    """A supporter's letter, waiting for the team's review; nothing leaves the platform before that."""
    if not campaign.is_signing_open:
        raise ValidationError({"__all__": "This campaign no longer takes letters."})
    errors: dict[str, str] = {}
    if starts_like_a_formula(writer_name.strip()):
        errors["writer_name"] = "A name cannot begin with = + - or @."
    if relationship not in Relationship.values:
        errors["relationship"] = "Choose who you are to the person."
    if len(body.strip()) < 50:
        errors["body"] = "Write at least a few sentences (50 characters or more)."
    if errors:
        raise ValidationError(errors)
    letter = Letter(
        campaign=campaign,
        writer_name=writer_name.strip(),
        writer_email=writer_email.strip(),
        writer_town=writer_town.strip(),
        relationship=relationship,
        how_known=how_known.strip(),
        support_on_release=support_on_release.strip(),
        body=body.strip(),
        keep_private=keep_private,
    )
    letter.full_clean()
    letter.save()
    return letter


def letter_page(letter: Letter) -> LetterPage:
    return LetterPage(
        writer=letter.writer_name,
        relationship=letter.get_relationship_display(),
        town=letter.writer_town,
        how_known=letter.how_known,
        support_on_release=letter.support_on_release,
        body=letter.body,
        received_on=timezone.localtime(letter.created_at).date(),
        carries_most_weight=letter.carries_most_weight,
    )


def review_letter(letter: Letter, *, actor: Any, decision: str, note: str = "") -> Letter:
    """Approve (the letter becomes a case document), return it with a note, or reject it."""
    if decision not in DECISIONS:
        raise ValidationError({"decision": "Choose approve, return or reject."})
    if decision == "return" and not note.strip():
        raise ValidationError({"review_note": "Write the note the writer will receive."})
    from clemency.documents.services import upload_document

    with transaction.atomic():
        letter = (
            Letter.objects.select_for_update().select_related("campaign", "campaign__case").get(pk=letter.pk)
        )
        if letter.status != LetterStatus.SUBMITTED:
            raise ValidationError(
                {"decision": f"This letter was already reviewed ({letter.get_status_display()})."}
            )
        campaign = letter.campaign
        letter.status = DECISIONS[decision]
        letter.review_note = note.strip()
        letter.reviewed_by = actor
        letter.reviewed_at = timezone.now()
        if decision == "approve":
            pdf = letter_pdf(letter_page(letter), campaign.person_name)
            letter.document = upload_document(
                case=campaign.case,
                actor=actor,
                kind="letter_of_support",
                upload=SimpleUploadedFile("letter-of-support.pdf", pdf, content_type="application/pdf"),
                title=f"Letter of support from {letter.writer_name} ({letter.get_relationship_display()})"[
                    :200
                ],
                description=f"Written through the campaign “{campaign.title}”.",
            )
        letter.save()
        if decision == "return":
            emails.letter_returned(campaign, letter.writer_email, letter.writer_name, letter.review_note)
        record_event(
            f"campaign.letter_{DECISIONS[decision]}",
            actor=actor,
            obj=letter,
            case_id=campaign.case_id,
            team_id=campaign.team_id,
            after={"status": letter.status, "note": letter.review_note, "document": letter.document_id},
        )
    return letter
