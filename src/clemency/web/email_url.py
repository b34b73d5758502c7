"""`EMAIL_URL` read into Django's e-mail settings (imported by settings.py, so no Django set-up here).

No maintained library fits: dj-email-url has had no release since 2022, so the address is parsed
here with the standard library, strictly, and every refusal names EMAIL_URL and the reason.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

OUTBOX_TRANSPORT = "clemency.web.mail.OutboxBackend"
SMTP_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def parse_email_url(url: str | None) -> dict[str, Any]:
    """The Django e-mail settings an `EMAIL_URL` stands for; an empty or missing one means the outbox.

    Accepted: `smtp://[user[:password]@]host[:port][?starttls=true&timeout=20]` (plain, or STARTTLS
    when asked; port 25 unless given) and `smtps://...` (TLS from the first byte; port 465 unless given).
    User and password are percent-decoded, so a password may hold any character. Anything else stops
    start-up with a message naming EMAIL_URL and the reason; the password is never repeated in it.
    """
    if url is None or not url.strip():
        return {"EMAIL_TRANSPORT": OUTBOX_TRANSPORT, "EMAIL_HOST": "localhost", "EMAIL_PORT": 25,
                "EMAIL_HOST_USER": "", "EMAIL_HOST_PASSWORD": "", "EMAIL_USE_TLS": False,
                "EMAIL_USE_SSL": False, "EMAIL_TIMEOUT": 30}
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL is not a valid address: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in {"smtp", "smtps"}:
        found = f"{scheme}://" if scheme else "no scheme"
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp:// or smtps:// (found {found});"
            " leave it unset to write messages to the outbox folder instead"
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL has no host name (smtp://host:port)")
    if parts.path not in {"", "/"}:
        raise ImproperlyConfigured("EMAIL_URL must not have a path after the host and port")
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(options) - {"starttls", "timeout"})
    if unknown:
        raise ImproperlyConfigured(
            f"EMAIL_URL has unknown option(s) {', '.join(unknown)}: only starttls and timeout are understood"
        )
    starttls = _url_bool(options.get("starttls", "false"), "starttls")
    if scheme == "smtps" and starttls:
        raise ImproperlyConfigured(
            "EMAIL_URL: smtps:// is already TLS; starttls=true applies to smtp:// only"
        )
    timeout_text = options.get("timeout", "30")
    try:
        timeout = int(timeout_text)
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL timeout={timeout_text!r} is not a whole number of seconds")
    if timeout <= 0:
        raise ImproperlyConfigured("EMAIL_URL timeout must be at least 1 second")
    return {
        "EMAIL_TRANSPORT": SMTP_TRANSPORT,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": starttls,
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_TIMEOUT": timeout,
    }


def _url_bool(value: str, name: str) -> bool:
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"EMAIL_URL {name}={value!r} is not a boolean: use true or false")
