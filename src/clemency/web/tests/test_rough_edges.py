"""Rough edges a new user hit: the API docs load without a CDN, error pages sit in the site's
layout, the sign-in page puts the cursor in the username, the recovery codes page has a way on."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_api_docs_load_swagger_from_the_project_not_a_cdn(client, cast):
    client.force_login(cast.staff)
    page = client.get("/api/docs/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
    script = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert script.status_code == 200


def test_a_missing_page_is_in_the_site_layout_with_a_way_back(client, cast):
    client.force_login(cast.staff)
    page = client.get("/cases/999999/")
    html = page.content.decode()
    assert page.status_code == 404
    assert 'class="site-header"' in html and "Page not found" in html and 'href="/"' in html


def test_a_refusal_is_in_the_site_layout_and_says_why(client, cast):
    client.force_login(cast.attorney)
    page = client.get(reverse("accounts:team", args=[cast.team.pk]))
    html = page.content.decode()
    assert page.status_code == 403
    assert 'class="site-header"' in html and "Only the team&#x27;s admins manage" in html


def test_a_server_error_page_is_in_the_site_layout(cast, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert 'class="site-header"' in html and "Nothing you entered is lost" in html


def test_the_sign_in_page_focuses_the_username():
    html = Client().get("/login/").content.decode()
    assert 'name="login"' in html
    username_input = html[html.index('name="login"') - 200:html.index('name="login"') + 200]
    assert "autofocus" in username_input


def test_the_recovery_codes_page_has_a_way_on():
    from django.template.loader import render_to_string

    html = render_to_string("mfa/recovery_codes/index.html", {
        "unused_codes": ["1111-2222", "3333-4444"], "total_count": 2, "can_view_codes": True,
        "can_download_codes": True, "can_generate_codes": True,
    })
    assert "3333-4444" in html and "2 of 2 recovery codes are unused" in html
    assert 'href="/"' in html and "continue to the dashboard" in html
