"""The API fuzzed from its own OpenAPI schema (schemathesis): no input gives a 500, and every response
matches the schema. Bounded and derandomised so it runs the same way, quickly, in CI."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from clemency.web.tests.permission_registry import World, build_world

MAX_EXAMPLES = 6
# The first path segment of an API route -> the world object whose id makes the call reach real data.
RESOURCES = {"people": "person", "cases": "case", "convictions": "conviction", "notes": "note",
             "petitions": "petition", "deadlines": "deadline", "documents": "document",
             "audit-events": "audit_event"}
RESOURCES.update({"offices": "office", "office-members": "office_member", "outreach": "outreach",
                  "decisions": "decision", "categorical-actions": "categorical_action"})


@pytest.fixture
def fuzz_world(cast: Any, settings: Any, tmp_path: Any) -> World:
    from clemency.accounts.models import Membership, Role

    settings.MEDIA_ROOT = tmp_path / "media"
    # Background jobs (bundles, screenings) are queued, not run: the fuzz is about what the API answers,
    # and running a 300-page bundle per generated request would take minutes. Their own tests run them.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    # An admin who is also the attorney of record sees (and may change) everything on the team.
    Membership.objects.filter(user=cast.attorney).update(role=Role.ADMIN)
    return build_world(cast)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    """The WSGI handler closes the database connection after each request, which would end the test's
    transaction on PostgreSQL; Django's own test client switches that off the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _load_schema() -> Any:
    """The schema drf-spectacular serves at /api/schema/, built in-process, served by the WSGI app."""
    from django.core.wsgi import get_wsgi_application
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    raw = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(raw)))
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()


def _point_at_real_records(case: Any, world: World) -> None:
    """Half of the value of fuzzing is in bodies sent to records that exist: aim ids at the world."""
    segment = re.match(r"^/api/([^/]+)/", case.path)
    target = RESOURCES.get(segment.group(1)) if segment else None
    if target and case.path_parameters:
        for name in case.path_parameters:
            case.path_parameters[name] = world[target].pk


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate],
          report_multiple_bugs=False)
@pytest.mark.django_db
def test_the_api_never_fails_on_any_input(case: Any, fuzz_world: World) -> None:
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=fuzz_world.cast.attorney)
    _point_at_real_records(case, fuzz_world)
    case.call_and_validate(
        headers={"Authorization": f"Token {token.key}"},
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
