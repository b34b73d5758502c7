"""The public pages: what a stranger sees, and what they never see."""

from __future__ import annotations

import io
import re
from typing import Any

import altcha
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from PIL import Image

from clemency.campaigns import services
from clemency.campaigns.models import Campaign, Signature, SignatureStatus
from clemency.campaigns.tests.conftest import make_campaign


def _sign(client: Any, campaign: Any, **overrides: Any) -> Any:
    data = {
        "name": "Jordan Public",
        "email": "jordan@example.org",
        "zip_code": "53703",
        "state": "WI",
        "comment": "",
        "website": "",
        "altcha": "",
    }
    data.update(overrides)
    return client.post(reverse("campaigns:public-sign", args=[campaign.slug]), data)


def _solved(client: Any, campaign: Any) -> str:
    made = client.get(reverse("campaigns:public-challenge", args=[campaign.slug])).json()
    challenge = altcha.ChallengeV1(
        made["algorithm"], made["challenge"], made["maxNumber"], made["salt"], made["signature"]
    )
    solution = altcha.solve_challenge_v1(challenge)
    assert solution is not None
    return altcha.PayloadV1(
        made["algorithm"], made["challenge"], solution.number, made["salt"], made["signature"]
    ).to_base64()


def test_the_page_shows_the_story_the_ask_the_count_and_never_a_signer(client: Any, campaign: Any) -> None:
    _sign(client, campaign, altcha=_solved(client, campaign))
    token = re.search(r"/c/confirm/([^/]+)/", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    client.post(reverse("campaigns:public-confirm", args=[token]))
    cache.clear()
    response = client.get(reverse("campaigns:public-page", args=[campaign.slug]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>twenty years</strong>" in page
    assert "Pardon or commute" in page and "The President of the United States" in page
    assert "1 person has signed" in page and "Wisconsin" in page
    assert "Jordan" not in page and "jordan@example.org" not in page
    assert 'property="og:image" content="https://clemency.example.org/c/free-rowan/share.png"' in page
    assert 'rel="canonical" href="https://clemency.example.org/c/free-rowan/"' in page
    assert "http" not in re.sub(r"https://clemency\.example\.org[^\"<\s]*", "", page).replace(
        "http-equiv", ""
    ), "no address of another site on a public page"
    assert response["Cache-Control"] == "public, max-age=15"
    assert "Set-Cookie" not in response and not response.cookies
    again = client.get(
        reverse("campaigns:public-page", args=[campaign.slug]), HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_a_draft_is_not_public(client: Any, cast: Any) -> None:
    draft = make_campaign(cast, publish=False, slug="draft-one")
    for name in ("public-page", "public-share-image", "public-privacy", "public-letter"):
        assert client.get(reverse(f"campaigns:{name}", args=[draft.slug])).status_code == 404


def test_signing_with_proof_of_work_counts_after_the_confirm_button(client: Any, campaign: Any) -> None:
    response = _sign(client, campaign, altcha=_solved(client, campaign))
    assert response.status_code == 302
    token = re.search(r"/c/confirm/([^/]+)/", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    # Opening the link (as a mail scanner does) confirms nothing.
    page = client.get(reverse("campaigns:public-confirm", args=[token]))
    assert b"Confirm my signature" in page.content
    assert Signature.objects.get().status == SignatureStatus.PENDING
    client.post(reverse("campaigns:public-confirm", args=[token]))
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED
    assert Campaign.objects.get(pk=campaign.pk).confirmed_count == 1


def test_a_replayed_proof_of_work_does_not_count_twice(client: Any, campaign: Any) -> None:
    payload = _solved(client, campaign)
    _sign(client, campaign, altcha=payload)
    _sign(client, campaign, altcha=payload, email="other@example.org")
    assert list(Signature.objects.order_by("pk").values_list("proof_of_work", flat=True)) == [True, False]


def test_without_javascript_the_signature_waits_for_review(client: Any, campaign: Any) -> None:
    _sign(client, campaign)
    token = re.search(r"/c/confirm/([^/]+)/", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    client.post(reverse("campaigns:public-confirm", args=[token]))
    assert Signature.objects.get().status == SignatureStatus.REVIEW


def test_the_honeypot_stores_nothing_and_looks_like_success(client: Any, campaign: Any) -> None:
    response = _sign(client, campaign, website="http://spam.example")
    assert response.status_code == 302
    assert not Signature.objects.exists() and not mail.outbox


def test_bad_input_names_the_field_and_stores_nothing(client: Any, campaign: Any) -> None:
    response = _sign(client, campaign, name="=cmd|' /C calc'!A0", zip_code="5370", state="")
    page = response.content.decode()
    assert response.status_code == 400
    assert "cannot begin with" in page and "ZIP code of five digits" in page
    assert not Signature.objects.exists()


def test_withdraw_and_unsubscribe_through_their_links(client: Any, cast: Any, campaign: Any) -> None:
    _sign(client, campaign, altcha=_solved(client, campaign), wants_updates="on")
    body = mail.outbox[-1].body
    confirm = re.search(r"/c/confirm/([^/]+)/", body).group(1)  # type: ignore[union-attr]
    manage = re.search(r"/c/signature/([^/]+)/", body).group(1)  # type: ignore[union-attr]
    client.post(reverse("campaigns:public-confirm", args=[confirm]))
    services.post_update(
        campaign,
        actor=cast.staff,
        title="Hearing set",
        body="The board meets.",
        posted_on=campaign.published_at.date(),
        email_supporters=True,
    )
    unsubscribe = re.search(r"/c/unsubscribe/([^/]+)/", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    # RFC 8058: the mail client posts "List-Unsubscribe=One-Click" with no cookie and no token.
    one_click = client.post(
        reverse("campaigns:public-unsubscribe", args=[unsubscribe]), {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == 200 and not Signature.objects.get().wants_updates
    page = client.get(reverse("campaigns:public-signature", args=[manage]))
    assert b"Jordan Public" in page.content
    client.post(reverse("campaigns:public-signature", args=[manage]))
    assert Signature.objects.get().status == SignatureStatus.WITHDRAWN
    assert client.get(reverse("campaigns:public-signature", args=[manage])).status_code == 404
    assert Campaign.objects.get(pk=campaign.pk).confirmed_count == 0


def test_share_image_and_qr_code(client: Any, campaign: Any) -> None:
    png = client.get(reverse("campaigns:public-share-image", args=[campaign.slug]))
    assert png["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(png.content)).size == (1200, 630)
    svg = client.get(reverse("campaigns:public-qr", args=[campaign.slug, "svg"]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content


def test_photos_lose_their_metadata(cast: Any, campaign: Any, client: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    source = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0132] = "2026:01:01 10:00:00"  # DateTime
    out = io.BytesIO()
    source.save(out, format="JPEG", exif=exif)
    assert b"SecretCam" in out.getvalue()
    photo = services.add_photo(
        campaign,
        actor=cast.staff,
        alt_text="Rowan smiling",
        upload=SimpleUploadedFile("p.jpg", out.getvalue(), content_type="image/jpeg"),
    )
    served = client.get(reverse("campaigns:public-photo", args=[campaign.slug, photo.pk])).content
    assert b"SecretCam" not in served and b"Exif" not in served
    assert not Image.open(io.BytesIO(served)).getexif()


def test_a_letter_from_the_public_waits_for_review(client: Any, campaign: Any) -> None:
    response = client.post(
        reverse("campaigns:public-letter", args=[campaign.slug]),
        {
            "writer_name": "Pat Juror",
            "writer_email": "pat@example.org",
            "writer_town": "Madison",
            "relationship": "juror",
            "how_known": "I sat on the jury in 2004.",
            "support_on_release": "",
            "body": "I voted to convict. Knowing what I know now about who he has become, I ask for mercy.",
            "website": "",
        },
    )
    assert response.status_code == 200 and b"Thank you for your letter" in response.content
    letter = campaign.letters.get()
    assert letter.status == "submitted" and letter.carries_most_weight


def test_the_api_gives_counts_to_the_team_and_nothing_to_an_outsider(
    client: Any, cast: Any, campaign: Any
) -> None:
    client.force_login(cast.read_only)
    found = client.get(f"/api/campaigns/{campaign.pk}/").json()
    assert (
        found["confirmed_count"] == 0
        and found["decision_maker_title"] == "The President of the United States"
    )
    assert "signatures" not in found
    client.force_login(cast.outsider)
    assert client.get(f"/api/campaigns/{campaign.pk}/").status_code == 404
    assert client.get("/api/campaigns/").json()["count"] == 0
