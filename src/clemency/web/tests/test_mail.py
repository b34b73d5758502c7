"""The e-mail foundation: EMAIL_URL, the queue with retries, the outbox folder and page, real SMTP."""

from __future__ import annotations

import base64
import socket
from email import message_from_bytes
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core import mail as django_mail
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse

from clemency.web import mail
from clemency.web.email_url import OUTBOX_TRANSPORT, SMTP_TRANSPORT, parse_email_url

QUEUED = "clemency.web.mail.QueuedEmailBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


# --- EMAIL_URL ---------------------------------------------------------------------------------------


def test_no_email_url_means_the_outbox() -> None:
    assert parse_email_url(None)["EMAIL_TRANSPORT"] == OUTBOX_TRANSPORT
    assert parse_email_url("  ")["EMAIL_TRANSPORT"] == OUTBOX_TRANSPORT


def test_smtp_with_starttls_and_a_percent_encoded_password() -> None:
    parsed = parse_email_url("smtp://mailer%40clinic.org:p%3Ass%2Fw0rd@mail.clinic.org:587?starttls=true")
    assert parsed == {
        "EMAIL_TRANSPORT": SMTP_TRANSPORT,
        "EMAIL_HOST": "mail.clinic.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer@clinic.org",
        "EMAIL_HOST_PASSWORD": "p:ss/w0rd",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 30,
    }


def test_smtps_defaults_to_port_465_and_implicit_tls() -> None:
    parsed = parse_email_url("smtps://relay.example.org?timeout=10")
    found = (parsed["EMAIL_PORT"], parsed["EMAIL_USE_SSL"], parsed["EMAIL_USE_TLS"], parsed["EMAIL_TIMEOUT"])
    assert found == (465, True, False, 10)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://mail.example.org", "must start with smtp:// or smtps://"),
        ("mail.example.org", "no scheme"),
        ("smtp://", "no host name"),
        ("smtp://mail.example.org:port", "not a valid address"),
        ("smtp://mail.example.org/inbox", "must not have a path"),
        ("smtp://mail.example.org?tls=1", "unknown option(s) tls"),
        ("smtp://mail.example.org?starttls=maybe", "starttls='maybe' is not a boolean"),
        ("smtps://mail.example.org?starttls=true", "already TLS"),
        ("smtp://mail.example.org?timeout=soon", "timeout='soon' is not a whole number"),
        ("smtp://mail.example.org?timeout=0", "at least 1 second"),
    ],
)
def test_a_bad_email_url_stops_start_up_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(ImproperlyConfigured) as raised:
        parse_email_url(url)
    assert "EMAIL_URL" in str(raised.value)
    assert reason in str(raised.value)


def test_the_password_is_never_repeated_in_an_error() -> None:
    with pytest.raises(ImproperlyConfigured) as raised:
        parse_email_url("smtp://user:hunter2secret@mail.example.org?colour=blue")
    assert "hunter2secret" not in str(raised.value)


# --- queue and outbox ----------------------------------------------------------------------------------


@pytest.fixture
def outbox_folder(tmp_path: Any) -> Any:
    folder = tmp_path / "outbox"
    with override_settings(EMAIL_BACKEND=QUEUED, EMAIL_TRANSPORT=OUTBOX_TRANSPORT, EMAIL_OUTBOX_DIR=folder):
        yield folder


def test_django_send_mail_lands_in_the_outbox_folder_as_one_eml_each(db: Any, outbox_folder: Any) -> None:
    sent = django_mail.send_mail("Welcome to the clinic", "Your invitation is waiting.",
                                 "clinic@example.org", ["student@example.org"])
    django_mail.send_mail("Second", "Another.", "clinic@example.org", ["staff@example.org"])
    assert sent == 1
    files = sorted(outbox_folder.glob("*.eml"))
    assert len(files) == 2
    parsed = message_from_bytes(files[0].read_bytes(), policy=default_policy)
    assert parsed["Subject"] == "Welcome to the clinic"
    assert parsed["X-Envelope-To"] == "student@example.org"
    assert parsed.get_content().strip() == "Your invitation is waiting."
    assert not list(outbox_folder.glob(".*.part"))


def test_a_message_with_no_recipient_is_not_queued(db: Any, outbox_folder: Any) -> None:
    assert django_mail.EmailMessage("Nobody", "Text", "clinic@example.org", []).send() == 0
    assert not outbox_folder.exists() or not list(outbox_folder.glob("*.eml"))


def test_team_admins_read_their_teams_messages_and_not_another_teams(client: Any, cast: Any,
                                                                     outbox_folder: Any) -> None:
    django_mail.EmailMessage("For our team", "Ours.", "clinic@example.org", ["a@example.org"],
                             headers=mail.team_headers(cast.team.pk)).send()
    django_mail.EmailMessage("For the other team", "Theirs.", "clinic@example.org", ["b@example.org"],
                             headers=mail.team_headers(cast.other_team.pk)).send()
    django_mail.EmailMessage("About no team", "Reset.", "clinic@example.org", ["c@example.org"],
                             bcc=["hidden@example.org"]).send()
    client.force_login(cast.admin)
    page = client.get(reverse("outbox")).content.decode()
    assert "For our team" in page and "About no team" in page
    assert "For the other team" not in page
    names = {mail.read_outbox_message(path.name).subject: path.name  # type: ignore[union-attr]
             for path in outbox_folder.glob("*.eml")}
    detail = client.get(reverse("outbox-message", args=[names["About no team"]])).content.decode()
    assert "Reset." in detail and "hidden@example.org" in detail
    assert client.get(reverse("outbox-message", args=[names["For the other team"]])).status_code == 404
    assert client.get(reverse("outbox-message", args=["..%2Fsecret_key"])).status_code == 404
    assert client.get(reverse("outbox-message", args=["nothing-here.eml"])).status_code == 404


def test_the_outbox_is_only_for_team_admins(client: Any, cast: Any, outbox_folder: Any) -> None:
    django_mail.send_mail("Hello", "Text", "clinic@example.org", ["a@example.org"])
    name = next(outbox_folder.glob("*.eml")).name
    for user in (cast.attorney, cast.staff, cast.read_only):
        client.force_login(user)
        assert client.get(reverse("outbox")).status_code == 404
        assert client.get(reverse("outbox-message", args=[name])).status_code == 404
    client.logout()
    assert client.get(reverse("outbox")).status_code == 302


# --- real SMTP and retries -----------------------------------------------------------------------------


class _Collector:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Any:
    collector = _Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller, collector
    finally:
        controller.stop()


def test_a_message_goes_through_a_real_smtp_server(db: Any, smtp_server: Any) -> None:
    controller, collector = smtp_server
    settings_from_url = parse_email_url(f"smtp://127.0.0.1:{controller.port}?timeout=5")
    with override_settings(EMAIL_BACKEND=QUEUED, **settings_from_url):
        message = django_mail.EmailMessage(
            "An update on the campaign", "The governor has the letters.\nThank you.",
            "Clemency <campaigns@example.org>", ["supporter@example.org"],
            bcc=["records@example.org"],
            headers=mail.unsubscribe_headers("https://example.org/c/unsubscribe/abc/"),
        )
        assert message.send() == 1
    assert len(collector.received) == 1
    sender, recipients, content = collector.received[0]
    assert sender == "campaigns@example.org"
    assert recipients == ["supporter@example.org", "records@example.org"]
    arrived = message_from_bytes(content, policy=default_policy)
    assert arrived["Subject"] == "An update on the campaign"
    assert arrived["List-Unsubscribe"] == "<https://example.org/c/unsubscribe/abc/>"
    assert arrived["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Bcc" not in arrived
    assert arrived.get_content().splitlines()[0] == "The governor has the letters."


def _raw(subject: str = "Retry me") -> str:
    message = django_mail.EmailMessage(subject, "Body", "clinic@example.org", ["a@example.org"])
    return base64.b64encode(message.message().as_bytes()).decode("ascii")


def test_a_failed_send_is_queued_again_later_then_given_up(db: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    closed = parse_email_url(f"smtp://127.0.0.1:{_free_port()}?timeout=2")
    with override_settings(TASKS=DATABASE_TASKS, **closed):
        assert mail.deliver_mail.call(_raw(), "clinic@example.org", ["a@example.org"], 1) == "retry 2 queued"
        queued = DBTaskResult.objects.get()
        assert queued.args_kwargs["args"][3] == 2
        assert queued.run_after is not None and queued.run_after > queued.enqueued_at
        with pytest.raises(OSError):
            last = len(mail.RETRY_DELAYS) + 1
            mail.deliver_mail.call(_raw(), "clinic@example.org", ["a@example.org"], last)
        assert DBTaskResult.objects.count() == 1


def test_the_queued_message_is_delivered_when_the_worker_runs_it(db: Any, smtp_server: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    controller, collector = smtp_server
    with override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=QUEUED,
                           **parse_email_url(f"smtp://127.0.0.1:{controller.port}")):
        django_mail.send_mail("Queued", "Waits for the worker.", "clinic@example.org", ["a@example.org"])
        assert collector.received == []  # nothing leaves until the worker takes it
        queued = DBTaskResult.objects.get()
        assert mail.deliver_mail.call(*queued.args_kwargs["args"]) == "sent"
    assert len(collector.received) == 1
