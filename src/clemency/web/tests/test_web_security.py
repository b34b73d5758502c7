"""Browser-facing security: the Content Security Policy, no inline script, production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.urls import reverse

from clemency.web.security import content_security_policy
from clemency.web.tests.html_checks import inline_script_problems

pytestmark = pytest.mark.django_db


def test_every_page_carries_a_csp_without_inline_script(client, cast):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url_name", ["login", "dashboard", "audit:list", "mfa_activate_totp", "mfa_index"])
def test_pages_have_no_inline_script(client, cast, url_name):
    if url_name != "login":
        client.post(reverse("login"), {"login": "admin", "password": "correct-horse-battery-staple-42"})
    response = client.get(reverse(url_name))
    assert response.status_code == 200, response.get("Location")
    assert inline_script_problems(response.content.decode()) == []


def test_the_checker_finds_what_the_policy_forbids():
    assert inline_script_problems("<script>alert(1)</script>")
    assert inline_script_problems('<a href="javascript:alert(1)">x</a>')
    assert inline_script_problems('<button onclick="go()">x</button>')
    assert not inline_script_problems(
        '<script src="/static/a.js"></script><script type="application/json">{}</script>')


def test_no_page_loads_from_the_swagger_cdn_not_even_the_api_docs():
    assert "cdn.jsdelivr.net" not in content_security_policy("/api/docs/")
    assert "cdn.jsdelivr.net" not in content_security_policy("/cases/")


def _clean_environment(tmp_path) -> dict[str, str]:
    prefixes = ("SECURE", "CLEMENCY", "DEBUG", "PYTEST")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    return {**clean, "DJANGO_SETTINGS_MODULE": "clemency.web.settings", "CLEMENCY_VAR_DIR": str(tmp_path)}


def _settings_in_subprocess(tmp_path, **env: str) -> dict:
    names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT",
             "CLEMENCY_REQUIRE_MFA", "SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    code = ("import json, django; django.setup(); from django.conf import settings as s; "
            f"print(json.dumps({{k: getattr(s, k) for k in {names!r}}}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            check=True, env={**_clean_environment(tmp_path), **env})
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_turns_on_secure_cookies_hsts_and_mfa(tmp_path):
    production = _settings_in_subprocess(tmp_path, CLEMENCY_PRODUCTION="true")
    assert production == {"SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
                          "SECURE_HSTS_SECONDS": 31536000, "SECURE_SSL_REDIRECT": True,
                          "CLEMENCY_REQUIRE_MFA": True, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True}
    local = _settings_in_subprocess(tmp_path)
    assert local["SESSION_COOKIE_SECURE"] is False  # `make run` serves plain HTTP on 127.0.0.1
    assert local["CLEMENCY_REQUIRE_MFA"] is True  # outside the test suite MFA is always enforced


def test_the_deploy_security_checks_pass_with_the_production_variables(tmp_path):
    env = {**_clean_environment(tmp_path), "CLEMENCY_PRODUCTION": "true", "DEBUG": "false",
           "SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "clemency.example.org"}
    result = subprocess.run([sys.executable, "-m", "clemency.cli", "check", "--deploy", "--tag", "security",
                             "--fail-level", "WARNING"], capture_output=True, text=True, timeout=180, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("url", ["/api/cases/?person=-3e66", "/api/documents/?case=" + "9" * 40,
                                 "/cases/?person=" + "9" * 40])
def test_a_number_too_large_for_the_database_is_a_400_not_a_500(client, cast, url):
    client.force_login(cast.staff)
    response = client.get(url)
    assert response.status_code in (200, 400)  # PostgreSQL compares it; SQLite cannot bind it


def test_the_overflow_net_answers_400_for_pages_and_api(rf):
    from clemency.web.security import OutOfRangeInputMiddleware

    middleware = OutOfRangeInputMiddleware(lambda request: None)
    api = middleware.process_exception(rf.get("/api/cases/"), OverflowError("too big"))
    page = middleware.process_exception(rf.get("/cases/"), OverflowError("too big"))
    assert (api.status_code, page.status_code) == (400, 400)
    assert b"out of range" in api.content and b"out of range" in page.content
    assert middleware.process_exception(rf.get("/cases/"), ValueError("other")) is None
