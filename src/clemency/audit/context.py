"""The request that caused a change, kept for the audit log without passing it everywhere."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    ip_address: str | None = None


current: contextvars.ContextVar[RequestContext] = contextvars.ContextVar(
    "clemency_request_context", default=RequestContext(),  # noqa: B039 - frozen, so never mutated
)
