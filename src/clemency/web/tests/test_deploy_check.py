"""`clemency check --deploy` passes with the documented production variables, and fails without them."""

from __future__ import annotations

import os
import subprocess
import sys

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "clemency.example.org",
    "SECURE_COOKIES": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_SSL_REDIRECT": "true",
}


def _check(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION and not k.startswith("PYTEST")}
    clean.update(
        {"CLEMENCY_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "clemency.web.settings", **env}
    )
    return subprocess.run(
        [sys.executable, "-m", "clemency.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deploy_check_passes_with_the_production_variables(tmp_path):
    result = _check(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_fails_without_https_settings(tmp_path):
    result = _check(
        tmp_path, DEBUG="false", SECRET_KEY=PRODUCTION["SECRET_KEY"], ALLOWED_HOSTS="clemency.example.org"
    )
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr or "security.W004" in result.stderr
