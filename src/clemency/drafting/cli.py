"""Shared by `clemency document` and `clemency bundle`: the actor, the case, errors as CommandError."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from clemency.accounts.access import can_write_team


def actor_for(username: str | None) -> Any:
    """The user named by --as (who must be able to write on the case's team), or None: the system."""
    if not username:
        return None
    from clemency.accounts.models import User

    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"--as: no active user named {username!r}")
    return user


def case_for(case_id: int, actor: Any) -> Any:
    from clemency.cases.models import Case

    case = Case.objects.select_related("person", "team").filter(pk=case_id).first()
    if case is None or (actor is not None and not can_write_team(actor, case.team_id)):
        # The same answer for "no such case" and "not yours": ids of other teams' cases stay hidden.
        raise CommandError(
            f"--case: no case {case_id}" + (f" that {actor.username} may change" if actor else "")
        )
    return case


def parse_date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option}: {text!r} is not a date in the form YYYY-MM-DD") from None


def command_error(error: ValidationError) -> CommandError:
    """A service's refusal, each message after the option it concerns."""
    options = {
        "template": "--template",
        "variant": "--variant",
        "format": "--format",
        "exhibits": "--exhibit",
        "bates_prefix": "--bates-prefix",
        "redacted": "--redacted",
        "title": "--title",
    }
    if hasattr(error, "error_dict"):
        lines = [
            f"{options.get(field, field)}: {message}"
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    else:
        lines = list(error.messages)
    return CommandError("; ".join(lines))


def write_out(path: Path, field_file: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with field_file.open("rb") as handle:
        path.write_bytes(handle.read())
