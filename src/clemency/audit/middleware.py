from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from clemency.audit.client_address import client_address
from clemency.audit.context import RequestContext, current


class RequestContextMiddleware:
    """Gives every request an id (echoed in X-Request-ID) that audit events carry."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        token = current.set(RequestContext(request_id=request_id, ip_address=client_address(request)))
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response["X-Request-ID"] = request_id
        return response
