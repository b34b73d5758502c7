"""The menu offers each member only what their role lets them do."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from clemency.conftest import PASSWORD


def _menu(client: Any, user: Any) -> str:
    client.login(username=user.username, password=PASSWORD)
    html = client.get(reverse("dashboard")).content.decode()
    return html[html.index('<nav aria-label="Main">'):html.index("</nav>")]


def test_it_hides_import_from_a_read_only_member(client: Any, cast: Any) -> None:
    menu = _menu(client, cast.read_only)
    assert reverse("cases:import") not in menu
    assert reverse("cases:list") in menu


def test_it_offers_import_and_every_list_to_a_member_who_can_write(client: Any, cast: Any) -> None:
    menu = _menu(client, cast.staff)
    for name in ["cases:import", "cases:list", "people:list", "petitions:list", "deadlines:list",
                 "documents:list", "drafting:list", "transcripts:list", "screenings:list"]:
        assert reverse(name) in menu, name
