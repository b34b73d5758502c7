"""E-mail for the whole platform: configured by `EMAIL_URL`, sent by the background worker, retried.

Everyone else uses Django's own API (`django.core.mail.send_mail`, `EmailMessage`). The configured
`EMAIL_BACKEND` is `QueuedEmailBackend`: it turns each message into bytes and queues a
`deliver_mail` task, so a page never waits on a mail server and a failed send is tried again later.
The worker hands the bytes to the transport:

- `EMAIL_URL=smtp://user:password@host:587?starttls=true` (or `smtps://` for implicit TLS): Django's
  SMTP backend, with the host, port, user, password and TLS mode taken from the address;
- no `EMAIL_URL`: `OutboxBackend`, one `.eml` file a message in `var/outbox/`, which team admins read
  on the outbox page, so a fresh install works with no mail server at all.

A message may carry `X-Clemency-Team: <team id>` (see `team_headers`): the outbox page shows a team's
admins only their own team's messages. Messages about no team (a password reset) show to every admin.
"""

from __future__ import annotations

import base64
import datetime
import email
import email.policy
import logging
import smtplib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

TEAM_HEADER = "X-Clemency-Team"
# Waits before each new try after a failure: a minute, five, half an hour, two hours, twelve hours.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
)


# --- headers for callers -------------------------------------------------------------------------


def team_headers(team_id: int | None) -> dict[str, str]:
    """Headers that file a message under a team, so only that team's admins read it in the outbox."""
    return {TEAM_HEADER: str(team_id)} if team_id is not None else {}


def unsubscribe_headers(url: str) -> dict[str, str]:
    """`List-Unsubscribe` with one-click unsubscribe (RFC 8058): the URL must accept a POST."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# --- the queue -----------------------------------------------------------------------------------


class QueuedEmailBackend(BaseEmailBackend):
    """Django's EMAIL_BACKEND: queues each message for the worker instead of sending it now."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        queued = 0
        for message in email_messages:
            recipients = message.recipients()
            if not recipients:
                continue
            raw = message.message().as_bytes(linesep="\n")
            _enqueue(base64.b64encode(raw).decode("ascii"), message.from_email, recipients, attempt=1)
            queued += 1
        return queued


def _enqueue(raw: str, from_email: str, recipients: list[str], *, attempt: int,
             run_after: datetime.datetime | None = None) -> None:
    # The database queue joins the caller's transaction: a message leaves only if the change that
    # wrote it commits.
    chosen = deliver_mail.using(run_after=run_after) if run_after is not None else deliver_mail
    chosen.enqueue(raw, from_email, recipients, attempt)


class _RawMessage:
    """The bytes of a message, shaped as Django's backends read them (`as_bytes(linesep=...)`)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        lines = self.raw.replace(b"\r\n", b"\n").split(b"\n")
        return linesep.encode().join(lines)


class _StoredMessage(EmailMessage):
    """A message already rendered to bytes: sent as it is, with its envelope kept beside it."""

    def __init__(self, raw: bytes, from_email: str, recipients: list[str]) -> None:
        super().__init__(from_email=from_email, to=recipients)
        self._raw = raw

    def message(self, *, policy: Any = None) -> Any:
        return _RawMessage(self._raw)


@task()
def deliver_mail(raw: str, from_email: str, recipients: list[str], attempt: int = 1) -> str:
    """Hand one queued message to the transport; on a temporary failure, queue another try later."""
    message = _StoredMessage(base64.b64decode(raw), from_email, recipients)
    connection = get_connection(settings.EMAIL_TRANSPORT, fail_silently=False)
    try:
        connection.send_messages([message])
    except smtplib.SMTPResponseException as error:
        if 500 <= error.smtp_code < 600:
            # A permanent refusal (no such mailbox, message rejected): trying again cannot help.
            logger.error("Mail to %s refused for good (%s %s)", recipients, error.smtp_code, error.smtp_error)
            raise
        return _retry(raw, from_email, recipients, attempt, error)
    except (OSError, smtplib.SMTPException) as error:
        return _retry(raw, from_email, recipients, attempt, error)
    return "sent"


def _retry(raw: str, from_email: str, recipients: list[str], attempt: int, error: Exception) -> str:
    if attempt > len(RETRY_DELAYS) or not deliver_mail.get_backend().supports_defer:
        logger.error("Mail to %s not sent after %s tries: %s", recipients, attempt, error)
        raise error
    delay = RETRY_DELAYS[attempt - 1]
    logger.warning("Mail to %s failed (try %s: %s); trying again in %s", recipients, attempt, error, delay)
    _enqueue(raw, from_email, recipients, attempt=attempt + 1, run_after=timezone.now() + delay)
    return f"retry {attempt + 1} queued"


# --- the outbox folder ---------------------------------------------------------------------------


def outbox_dir() -> Path:
    return Path(settings.EMAIL_OUTBOX_DIR)


class OutboxBackend(BaseEmailBackend):
    """Writes each message to its own `.eml` file in the outbox folder (no mail server needed)."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        folder = outbox_dir()
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for message in email_messages:
            raw = message.message().as_bytes(linesep="\n")
            envelope = ", ".join(message.recipients())
            stamp = timezone.now().strftime("%Y%m%dT%H%M%S%f")
            name = f"{stamp}-{uuid.uuid4().hex[:12]}.eml"
            temporary = folder / f".{name}.part"
            # An X-Envelope-To line keeps Bcc recipients visible to the admin reading the outbox.
            temporary.write_bytes(f"X-Envelope-To: {envelope}\n".encode() + raw)
            temporary.replace(folder / name)  # whole files only: a reader never sees half a message
            written += 1
        return written


@dataclass(frozen=True)
class OutboxMessage:
    name: str
    sent_at: datetime.datetime | None
    sender: str
    to: str
    subject: str
    team_id: int | None
    body: str
    headers: list[tuple[str, str]]


def _valid_name(name: str) -> bool:
    stem = name.removesuffix(".eml")
    return name.endswith(".eml") and len(stem) < 80 and all(ch.isalnum() or ch == "-" for ch in stem)


def read_outbox_message(name: str) -> OutboxMessage | None:
    """One message of the outbox by file name, or None if there is no such (well-formed) name."""
    if not _valid_name(name):
        return None
    path = outbox_dir() / name
    if not path.is_file():
        return None
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    team_text = str(parsed.get(TEAM_HEADER, "")).strip()
    body_part = parsed.get_body(preferencelist=("plain", "html")) if parsed.is_multipart() else parsed
    body = ""
    if body_part is not None:
        try:
            body = str(body_part.get_content())  # type: ignore[attr-defined]
        except (KeyError, LookupError):
            body = "(this message's text could not be decoded)"
    try:
        sent_at = parsedate_to_datetime(str(parsed["Date"])) if parsed["Date"] else None
    except (TypeError, ValueError):
        sent_at = None
    return OutboxMessage(
        name=name,
        sent_at=sent_at,
        sender=parseaddr(str(parsed.get("From", "")))[1] or str(parsed.get("From", "")),
        to=str(parsed.get("X-Envelope-To", parsed.get("To", ""))),
        subject=str(parsed.get("Subject", "")) or "(no subject)",
        team_id=int(team_text) if team_text.isdigit() else None,
        body=body,
        headers=[(key, str(value)) for key, value in parsed.items()],
    )


def outbox_messages(team_ids: list[int], *, limit: int = 200) -> list[OutboxMessage]:
    """The newest messages the admins of `team_ids` may read: their teams' and those of no team."""
    folder = outbox_dir()
    if not folder.is_dir() or not team_ids:
        return []
    names = sorted((path.name for path in folder.glob("*.eml")), reverse=True)
    found: list[OutboxMessage] = []
    for name in names:
        message = read_outbox_message(name)
        if message is not None and (message.team_id is None or message.team_id in team_ids):
            found.append(message)
            if len(found) >= limit:
                break
    return found
