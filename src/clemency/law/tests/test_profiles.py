"""Clemency authority profiles for all 50 states, D.C. and the federal system."""

from __future__ import annotations

import pytest

from clemency.law.facts import JURISDICTIONS
from clemency.law.states.profiles import get_profile, state_profiles


def test_every_jurisdiction_has_a_profile() -> None:
    profiles = state_profiles()
    assert set(profiles) == set(JURISDICTIONS)
    assert len(profiles) == 52


@pytest.mark.parametrize(
    ("code", "model", "must_recommend"),
    [
        ("us-tx", "Gatekeeper Board", True),
        ("us-ok", "Gatekeeper Board", True),
        ("us-ca", "Mandatory Consultation with Board", False),
        ("us-wi", "No Statutory Advisory Process", False),
        ("us-ga", "Independent Board", True),
    ],
)
def test_profiles_match_the_source(code: str, model: str, must_recommend: bool) -> None:
    profile = get_profile(code)
    assert profile.model == model
    assert profile.board_must_recommend is must_recommend
    assert profile.decides


def test_verification_is_marked_per_column() -> None:
    assert "decides" in get_profile("us-tx").verified
    assert get_profile("us-wy").verified == ()
    with pytest.raises(KeyError, match="us-zz"):
        get_profile("us-zz")
