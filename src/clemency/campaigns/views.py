"""The team's pages: thin views that fetch through accounts.access and change through a service."""

from __future__ import annotations

import csv
import datetime
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from clemency.accounts.access import can_write_team, get_visible, restrict
from clemency.accounts.listing import matching_rows, paginate
from clemency.campaigns import delivery as delivery_service
from clemency.campaigns import letters as letter_service
from clemency.campaigns import services, signing
from clemency.campaigns.filtersets import CampaignFilterSet
from clemency.campaigns.forms import (
    CampaignEditForm,
    CampaignForm,
    ConsentForm,
    DeliveryForm,
    InvalidateForm,
    OutcomeForm,
    PhotoForm,
    ReviewForm,
    UpdateForm,
)
from clemency.campaigns.models import Campaign, Delivery, Letter, LetterStatus, Signature, SignatureStatus
from clemency.campaigns.public import page_context
from clemency.campaigns.tables import CampaignTable
from clemency.campaigns.text import neutralise_formula
from clemency.cases.models import Case
from clemency.petitions.forms import add_service_errors


def _user(request: HttpRequest) -> Any:
    return request.user


def _get(request: HttpRequest, pk: int, *, write: bool = False) -> Campaign:
    return cast(
        Campaign,
        get_visible(
            Campaign.objects.select_related("case", "team"), _user(request), "team", write=write, pk=pk
        ),
    )


def _errors(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    if isinstance(error, PermissionDenied):
        messages.error(request, str(error))
        return
    for field_messages in error.message_dict.values():
        for message in field_messages:
            messages.error(request, message)


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    base = restrict(Campaign.objects.select_related("case", "case__person"), _user(request))
    filterset = CampaignFilterSet(request.GET or None, queryset=base)
    table = CampaignTable(matching_rows(filterset))
    paginate(request, table)
    return render(request, "campaigns/list.html", {"table": table, "filter": filterset})


@login_required
def campaign_start(request: HttpRequest) -> HttpResponse:
    """Choose the case a new campaign is for (campaigns start from a case)."""
    from clemency.accounts.access import writable_teams

    cases = (
        Case.objects.filter(team__in=writable_teams(_user(request)))
        .select_related("person")
        .order_by("person__family_name", "pk")[:500]
    )
    return render(request, "campaigns/start.html", {"cases": cases})


@login_required
def campaign_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = cast(
        Case,
        get_visible(Case.objects.select_related("person"), _user(request), "team", write=True, pk=case_pk),
    )
    form = CampaignForm(request.POST or None, initial={"data_holder": case.team.name})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.create_campaign(case=case, actor=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Campaign “{campaign}” created as a draft; nothing is public yet.")
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/form.html", {"form": form, "case": case, "campaign": None})


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk)
    context = page_context(campaign, timezone.localdate())
    context.update(
        {
            "victim_matches": services.victim_matches(campaign),
            "can_write": can_write_team(_user(request), campaign.team_id),
            "consent_form": ConsentForm(campaign=campaign),
            "update_form": UpdateForm(),
            "photo_form": PhotoForm(),
            "outcome_form": OutcomeForm(initial={"on": timezone.localdate()}),
            "letters": campaign.letters.all(),
            "deliveries": campaign.deliveries.all(),
            "waiting": campaign.signatures.filter(
                status__in=[SignatureStatus.HELD, SignatureStatus.REVIEW]
            ).count(),
        }
    )
    return render(request, "campaigns/detail.html", context)


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    form = CampaignEditForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_campaign(
                campaign,
                actor=request.user,
                **{name: form.cleaned_data[name] for name in CampaignEditForm.Meta.fields},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Campaign saved.")
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/form.html", {"form": form, "case": campaign.case, "campaign": campaign})


@login_required
@require_POST
def campaign_consent(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    form = ConsentForm(request.POST, campaign=campaign)
    if form.is_valid():
        try:
            services.record_consent(campaign, actor=request.user, document=form.cleaned_data["document"])
        except (ValidationError, PermissionDenied) as error:
            _errors(request, error)
        else:
            messages.success(request, "The client's consent is recorded.")
    else:
        messages.error(request, "Choose the consent document.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_publish(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    try:
        services.publish(campaign, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    else:
        messages.success(request, "The campaign is public.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    try:
        services.close(campaign, actor=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, "Signing is closed; the page stays up.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.record_outcome(
                campaign,
                actor=request.user,
                outcome=form.cleaned_data["outcome"],
                on=form.cleaned_data["on"],
                message=form.cleaned_data["message"],
            )
        except (ValidationError, PermissionDenied) as error:
            _errors(request, error)
        else:
            messages.success(request, "Recorded; the page has changed and supporters were told.")
    else:
        messages.error(request, "Choose what happened, its date and the message.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_update(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    form = UpdateForm(request.POST)
    if form.is_valid():
        try:
            services.post_update(campaign, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, "Update posted.")
    else:
        messages.error(request, "An update needs a title, a date and a text.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_photo(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_photo(
                campaign,
                actor=request.user,
                upload=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, "Photo added, with its metadata removed.")
    else:
        messages.error(request, "Choose a photo and describe it for screen readers.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
def campaign_signatures(request: HttpRequest, pk: int) -> HttpResponse:
    """Signatures per hour by address hash and by e-mail domain; invalidate or release in bulk."""
    campaign = _get(request, pk)
    since = timezone.now() - datetime.timedelta(hours=24)
    if request.method == "POST":
        campaign = _get(request, pk, write=True)
        if "release" in request.POST:
            ids = [int(value) for value in request.POST.getlist("signature") if value.isdigit()]
            counted = signing.release(campaign, ids, actor=request.user)
            messages.success(request, f"{counted} signature{'s' if counted != 1 else ''} counted.")
        else:
            form = InvalidateForm(request.POST)
            if form.is_valid():
                window = timezone.now() - datetime.timedelta(hours=form.cleaned_data["hours"])
                try:
                    changed = signing.invalidate(
                        campaign,
                        actor=request.user,
                        address_hash_value=form.cleaned_data["address_hash"],
                        domain=form.cleaned_data["domain"],
                        since=window,
                    )
                except ValidationError as error:
                    _errors(request, error)
                else:
                    messages.success(
                        request, f"{changed} signature{'s' if changed != 1 else ''} invalidated."
                    )
        return redirect("campaigns:signatures", pk=campaign.pk)
    waiting = campaign.signatures.filter(status__in=[SignatureStatus.HELD, SignatureStatus.REVIEW])[:200]
    return render(
        request,
        "campaigns/signatures.html",
        {
            "campaign": campaign,
            "per_hour": signing.signatures_per_hour(campaign, since=since),
            "waiting": waiting,
            "can_write": can_write_team(_user(request), campaign.team_id),
        },
    )


@login_required
def campaign_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirmed signatures as CSV for the team; every cell that could run as a formula is neutralised."""
    campaign = _get(request, pk, write=True)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-signatures.csv"'
    writer = csv.writer(response)
    writer.writerow(["Name", "E-mail", "ZIP code", "State", "Comment", "Wants updates", "Confirmed at"])
    rows = Signature.objects.filter(campaign=campaign, status=SignatureStatus.CONFIRMED).order_by("pk")
    count = 0
    for row in rows.iterator():
        writer.writerow(
            [
                neutralise_formula(value)
                for value in (
                    row.name,
                    row.email,
                    row.zip_code,
                    row.state,
                    row.comment,
                    "yes" if row.wants_updates else "no",
                    row.email_confirmed_at.isoformat() if row.email_confirmed_at else "",
                )
            ]
        )
        count += 1
    from clemency.audit.services import record_event

    record_event(
        "campaign.signatures_exported",
        actor=request.user,
        obj=campaign,
        case_id=campaign.case_id,
        team_id=campaign.team_id,
        after={"rows": count},
    )
    return response


@login_required
@require_POST
def campaign_anonymise(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    try:
        erased = services.anonymise(campaign, actor=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, f"Personal data of {erased} signatures erased; the counts by state remain.")
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
def letter_review(request: HttpRequest, pk: int) -> HttpResponse:
    letter = cast(
        Letter,
        get_visible(Letter.objects.select_related("campaign"), _user(request), "campaign__team", pk=pk),
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        letter = cast(
            Letter,
            get_visible(
                Letter.objects.select_related("campaign"), _user(request), "campaign__team", write=True, pk=pk
            ),
        )
        if form.is_valid():
            try:
                letter_service.review_letter(
                    letter,
                    actor=request.user,
                    decision=form.cleaned_data["decision"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Letter reviewed.")
                return redirect("campaigns:detail", pk=letter.campaign_id)
    return render(
        request,
        "campaigns/letter_review.html",
        {"letter": letter, "form": form, "reviewed": letter.status != LetterStatus.SUBMITTED},
    )


@login_required
def campaign_deliver(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _get(request, pk, write=True)
    form = DeliveryForm(request.POST or None, initial={"recipient": campaign.decision_maker_title})
    if request.method == "POST" and form.is_valid():
        try:
            made = delivery_service.deliver(campaign, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Delivery packet made: {made.confirmed_count:,} signatures, {made.letters_count} letters.",
            )
            return redirect("campaigns:detail", pk=campaign.pk)
    approved = campaign.letters.filter(status=LetterStatus.APPROVED).count()
    return render(
        request, "campaigns/deliver.html", {"campaign": campaign, "form": form, "approved": approved}
    )


@login_required
def delivery_download(request: HttpRequest, pk: int) -> FileResponse:
    found = cast(
        Delivery,
        get_visible(Delivery.objects.select_related("campaign"), _user(request), "campaign__team", pk=pk),
    )
    return FileResponse(
        found.packet.open("rb"),
        as_attachment=True,
        filename=f"{found.campaign.slug}-delivery-{found.delivered_on:%Y-%m-%d}.pdf",
        content_type="application/pdf",
    )
