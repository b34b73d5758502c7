"""The outbox page: team admins read the mail an install without a mail server has written to var/."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from clemency.accounts.access import admin_team_ids
from clemency.web import mail
from clemency.web.email_url import OUTBOX_TRANSPORT


def _admin_teams(request: HttpRequest) -> list[int]:
    team_ids = admin_team_ids(request.user)  # type: ignore[arg-type]
    if not team_ids:
        # Not an admin of any team: the page does not exist for them.
        raise Http404("No such page")
    return team_ids


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    team_ids = _admin_teams(request)
    return render(request, "web/outbox.html", {
        "messages_in_outbox": mail.outbox_messages(team_ids),
        "uses_outbox": settings.EMAIL_TRANSPORT == OUTBOX_TRANSPORT,
        "folder": mail.outbox_dir(),
    })


@login_required
def outbox_message(request: HttpRequest, name: str) -> HttpResponse:
    team_ids = _admin_teams(request)
    message = mail.read_outbox_message(name)
    if message is None or (message.team_id is not None and message.team_id not in team_ids):
        raise Http404("No such message")
    return render(request, "web/outbox_message.html", {"message": message})
