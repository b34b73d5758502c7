"""The client's address, the one rule every part of the platform uses (sign-in rate limits, audit log).

Served directly, it is the connection's address. Behind reverse proxies (`BEHIND_PROXY=true`), the
connection comes from the nearest proxy, and each trusted proxy appends the address it received
the request from to X-Forwarded-For; with `TRUSTED_PROXY_HOPS` proxies (default 1), the client is the
entry that many places from the end. Entries further left were written by the client itself and
are never trusted. A request with fewer entries than hops did not come through the proxies: its
connection address stands.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _clean(address: str | None) -> str | None:
    if not address:
        return None
    address = address.strip()
    if address.startswith("[") and "]" in address:
        address = address[1:address.index("]")]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    remote = _clean(request.META.get("REMOTE_ADDR"))
    hops = int(getattr(settings, "TRUSTED_PROXY_HOPS", 0) or 0)
    if not getattr(settings, "BEHIND_PROXY", False) or hops <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < hops:
        return remote
    return _clean(forwarded[-hops]) or remote
