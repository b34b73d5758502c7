"""The messages campaigns send: through Django's mail API, queued for the worker (see web/mail.py)."""

from __future__ import annotations

from django.core.mail import EmailMessage

from clemency.campaigns.links import public_url
from clemency.campaigns.models import Campaign, Signature
from clemency.web.mail import team_headers, unsubscribe_headers


def _send(
    campaign: Campaign, to: str, subject: str, body: str, headers: dict[str, str] | None = None
) -> None:
    EmailMessage(
        subject=subject,
        body=body,
        to=[to],
        headers={**team_headers(campaign.team_id), **(headers or {})},
    ).send()


def confirmation(signature: Signature, confirm_token: str, manage_token: str) -> None:
    campaign = signature.campaign
    _send(
        campaign,
        signature.email,
        f"Confirm your signature: {campaign.title}",
        (
            f"Dear {signature.name},\n\n"
            f'Thank you for signing "{campaign.title}". Your signature counts once you confirm it:\n\n'
            f"  {public_url('campaigns:public-confirm', confirm_token)}\n\n"
            'The link opens a page with a button "Confirm my signature". It works for 7 days.\n\n'
            "To see your signature, or withdraw it, at any time:\n"
            f"  {public_url('campaigns:public-signature', manage_token)}\n\n"
            "If you did not sign, do nothing: an unconfirmed signature is never counted and is deleted.\n"
        ),
    )


def already_signed(signature: Signature, confirm_token: str | None, manage_token: str) -> None:
    campaign = signature.campaign
    if confirm_token is not None:
        step = (
            f"Your signature is still waiting for confirmation; here is a new link (7 days):\n\n"
            f"  {public_url('campaigns:public-confirm', confirm_token)}\n\n"
        )
    else:
        step = "Your signature is already recorded.\n\n"
    _send(
        campaign,
        signature.email,
        f"You have already signed: {campaign.title}",
        (
            "Hello,\n\n"
            f'Someone, probably you, signed "{campaign.title}" again with this e-mail address. Thank you: '
            "each person is counted once, so the second signature was not added.\n\n"
            f"{step}"
            "To see or withdraw your signature:\n"
            f"  {public_url('campaigns:public-signature', manage_token)}\n"
        ),
    )


def update(signature: Signature, unsubscribe_token: str, subject: str, body: str) -> None:
    campaign = signature.campaign
    unsubscribe = public_url("campaigns:public-unsubscribe", unsubscribe_token)
    _send(
        campaign,
        signature.email,
        subject,
        (
            f"{body}\n\n"
            f"{public_url('campaigns:public-page', campaign.slug)}\n\n"
            "You receive this because you asked for updates when you signed. "
            f"To stop them, one click:\n  {unsubscribe}\n"
        ),
        headers=unsubscribe_headers(unsubscribe),
    )


def letter_returned(campaign: Campaign, to: str, writer: str, note: str) -> None:
    _send(
        campaign,
        to,
        f"About your letter for {campaign.person_name}",
        (
            f"Dear {writer},\n\nThank you for your letter. The team has a note for you before it can be "
            f"delivered:\n\n{note}\n\nYou are welcome to write again through the campaign page:\n"
            f"  {public_url('campaigns:public-letter', campaign.slug)}\n"
        ),
    )
