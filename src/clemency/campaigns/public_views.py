"""The only pages a stranger sees. No sign-in, no cookies, no third-party anything; usable without JavaScript.

The public forms are exempt from CSRF checks on purpose: they act on no one's session or authority
(anyone may sign), the campaign page must be cacheable for everyone (a CSRF token would make it
personal), and RFC 8058 one-click unsubscribe requires a POST with no cookie. What protects them
instead: the proof of work, the honeypot, the rate limits, and e-mail confirmation.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

import altcha
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from clemency.campaigns import images, letters, signing
from clemency.campaigns.forms import LetterForm, SignForm
from clemency.campaigns.links import public_url, signature_for_unsubscribe
from clemency.campaigns.models import Campaign, CampaignPhoto, CampaignStatus
from clemency.campaigns.public import count_words, page_context
from clemency.campaigns.services import page_cache_key

# Short: a shared cache or a proxy serves the flood, and a new count shows within seconds.
PAGE_MAX_AGE = 15
CHALLENGE_SECONDS = 20 * 60
CHALLENGE_MAX_NUMBER = 60_000


def _public_campaign(slug: str) -> Campaign:
    campaign = Campaign.objects.filter(
        slug=slug, status__in=[CampaignStatus.PUBLISHED, CampaignStatus.CLOSED]
    ).first()
    if campaign is None:
        raise Http404("No such campaign")
    return campaign


def _cached_response(request: HttpRequest, body: bytes, etag: str, content_type: str) -> HttpResponse:
    if request.headers.get("If-None-Match") == etag:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={PAGE_MAX_AGE}"
    return response


def _render_page(campaign: Campaign, form: SignForm | None = None) -> str:
    context = page_context(campaign, timezone.localdate())
    context["form"] = form or SignForm()
    return render_to_string("campaigns/public/page.html", context)


@require_GET
def page(request: HttpRequest, slug: str) -> HttpResponse:
    """The campaign page, from the shared cache when it can be: one cache read, no database query."""
    key = page_cache_key(slug)
    cached = cache.get(key)
    if cached is None:
        html = _render_page(_public_campaign(slug)).encode()
        cached = (f'"{hashlib.sha256(html).hexdigest()[:32]}"', html)
        cache.set(key, cached, PAGE_MAX_AGE)
    etag, html = cached
    return _cached_response(request, html, etag, "text/html; charset=utf-8")


def client_address(request: HttpRequest) -> str:
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The proxy appends the address it saw: the last entry is the one it vouches for.
            return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def _proof_of_work(payload: str) -> bool:
    """A solved challenge of ours, not used before (each one signs once)."""
    if not payload:
        return False
    ok, _ = altcha.verify_solution_v1(payload, settings.SECRET_KEY, check_expires=True)
    if not ok:
        return False
    return bool(
        cache.add(f"campaigns:altcha:{hashlib.sha256(payload.encode()).hexdigest()}", 1, CHALLENGE_SECONDS)
    )


@csrf_exempt
@require_http_methods(["POST"])
def sign(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _public_campaign(slug)
    form = SignForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            # The honeypot was filled: a bot. It sees the same thanks page; nothing is stored.
            return redirect("campaigns:public-thanks", slug=slug)
        try:
            signing.sign(
                campaign,
                name=data["name"],
                email=data["email"],
                zip_code=data["zip_code"],
                state=data["state"],
                comment=data["comment"],
                wants_updates=data["wants_updates"],
                address=client_address(request),
                proof_of_work=_proof_of_work(data["altcha"]),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return redirect("campaigns:public-thanks", slug=slug)
    response = HttpResponse(_render_page(campaign, form), status=400)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "campaigns/public/thanks.html", {"campaign": _public_campaign(slug)})


@require_GET
def challenge(request: HttpRequest, slug: str) -> JsonResponse:
    _public_campaign(slug)
    made = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            hmac_key=settings.SECRET_KEY,
            max_number=CHALLENGE_MAX_NUMBER,
            expires=timezone.now() + datetime.timedelta(seconds=CHALLENGE_SECONDS),
        )
    )
    response = JsonResponse(made.to_dict())
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def share_image(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _public_campaign(slug)
    key = f"campaigns:share:{slug}:{campaign.confirmed_count}:{campaign.updated_at.timestamp()}"
    png = cache.get(key)
    if png is None:
        png = images.share_image(
            campaign.title,
            count_words(campaign.confirmed_count),
            f"{campaign.get_ask_display()} · {campaign.decision_maker_title}",
        )
        cache.set(key, png, 300)
    return _cached_response(request, png, f'"{hashlib.sha256(png).hexdigest()[:32]}"', "image/png")


@require_GET
def qr_code(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    campaign = _public_campaign(slug)
    url = public_url("campaigns:public-page", campaign.slug)
    if kind == "svg":
        body, content_type = images.qr_svg(url), "image/svg+xml"
    else:
        body, content_type = images.qr_png(url), "image/png"
    return _cached_response(request, body, f'"{hashlib.sha256(body).hexdigest()[:32]}"', content_type)


@require_GET
def photo(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    campaign = _public_campaign(slug)
    found = CampaignPhoto.objects.filter(campaign=campaign, pk=pk).first()
    if found is None:
        raise Http404("No such photo")
    with found.image.open("rb") as handle:
        body = handle.read()
    return _cached_response(request, body, f'"photo-{found.pk}"', "image/jpeg")


@require_GET
def privacy(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _public_campaign(slug)
    return render(request, "campaigns/public/privacy.html", {"campaign": campaign})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST confirms, so a mail scanner that opens links cannot sign."""
    if request.method == "GET":
        found = signing.find_by_confirm_token(token)
        return render(
            request,
            "campaigns/public/confirm.html",
            {"signature": found, "token": token},
            status=200 if found else 404,
        )
    result = signing.confirm(token)
    status = 404 if result.outcome == "unknown" else 200
    return render(request, "campaigns/public/confirmed.html", {"result": result}, status=status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def signature(request: HttpRequest, token: str) -> HttpResponse:
    """The signer's own view of their signature, and the button to withdraw it."""
    if request.method == "POST":
        withdrawn = signing.withdraw(token)
        if withdrawn is None:
            raise Http404("No such signature")
        return render(request, "campaigns/public/withdrawn.html", {"campaign": withdrawn.campaign})
    found = signing.find_by_manage_token(token)
    if found is None:
        raise Http404("No such signature")
    return render(request, "campaigns/public/signature.html", {"signature": found, "token": token})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    signature_id = signature_for_unsubscribe(token)
    if signature_id is None:
        raise Http404("No such subscription")
    if request.method == "POST":
        signing.unsubscribe(signature_id)
        return render(request, "campaigns/public/unsubscribed.html", {})
    return render(request, "campaigns/public/unsubscribe.html", {"token": token})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def letter(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _public_campaign(slug)
    form = LetterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = dict(form.cleaned_data)
        if data.pop("website"):
            return render(request, "campaigns/public/letter_sent.html", {"campaign": campaign})
        try:
            letters.submit_letter(campaign, **data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return render(request, "campaigns/public/letter_sent.html", {"campaign": campaign})
    return render(
        request,
        "campaigns/public/letter.html",
        {"campaign": campaign, "form": form},
        status=400 if form.errors else 200,
    )
