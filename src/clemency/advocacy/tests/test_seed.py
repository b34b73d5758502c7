"""The shared directory is seeded from the rulebook's jurisdiction profiles, and a seed update is a data
update that keeps what the teams learned."""

from __future__ import annotations

from typing import Any

import pytest

from clemency.advocacy.models import DirectoryChange, Office, OfficeRole
from clemency.advocacy.seed import apply_seed, seed_entries
from clemency.law.states.profiles import state_profiles

pytestmark = pytest.mark.django_db


def test_the_migration_seeds_every_jurisdiction_with_a_deciding_office() -> None:
    jurisdictions = {code for code in state_profiles() if code not in ("us", "us-dc")}
    seeded = set(Office.objects.filter(team=None).values_list("jurisdiction", flat=True))
    assert {"federal", *jurisdictions} <= seeded
    assert Office.objects.filter(seed_key__isnull=False).count() == len(seed_entries())


def test_texas_board_must_recommend_with_its_citation() -> None:
    board = Office.objects.get(seed_key="us-tx.board")
    assert board.name == "Texas Board of Pardons and Paroles"
    assert board.role == OfficeRole.MUST_RECOMMEND
    assert "Tex. Const. art. IV, sec. 11" in board.citations
    assert board.citations_verified is True
    governor = Office.objects.get(seed_key="us-tx.governor")
    assert governor.role == OfficeRole.DECIDES


def test_federal_entries_name_the_president_and_the_pardon_attorney() -> None:
    president = Office.objects.get(seed_key="federal.president")
    assert president.role == OfficeRole.DECIDES
    assert "U.S. Const. art. II, sec. 2, cl. 1" in president.citations
    attorney = Office.objects.get(seed_key="federal.pardon_attorney")
    assert attorney.role == OfficeRole.RECOMMENDS
    assert attorney.email == "USPardon.Attorney@usdoj.gov"


def test_an_unverified_board_says_its_name_is_not_recorded() -> None:
    georgia = Office.objects.get(seed_key="us-ga.board")
    assert georgia.role == OfficeRole.DECIDES  # an independent board
    assert georgia.citations_verified is False
    assert "not yet recorded" in georgia.role_note
    assert Office.objects.get(seed_key="us-ga.governor").role == OfficeRole.NO_FORMAL_ROLE


def test_a_seed_update_keeps_team_details_and_records_its_changes(monkeypatch: Any) -> None:
    board = Office.objects.get(seed_key="us-tx.board")
    board.phone = "512-555-0100"
    board.role = OfficeRole.RECOMMENDS  # a seed-owned fact edited in place
    board.save()
    counts = apply_seed(Office, DirectoryChange, version=2)
    board.refresh_from_db()
    assert board.phone == "512-555-0100"
    assert board.role == OfficeRole.MUST_RECOMMEND
    assert board.seed_version == 2
    change = board.history.filter(action="seed updated").get()
    assert change.changes["role"] == ["recommends", "must_recommend"]
    assert counts["updated"] == 1
    assert counts["created"] == 0


def test_the_seed_is_idempotent() -> None:
    before = DirectoryChange.objects.count()
    counts = apply_seed(Office, DirectoryChange, version=1)
    assert counts["created"] == counts["updated"] == 0
    assert DirectoryChange.objects.count() == before
