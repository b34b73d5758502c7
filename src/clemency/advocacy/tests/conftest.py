from __future__ import annotations

from typing import Any

import pytest

from clemency.petitions.tests.conftest import make_case


@pytest.fixture
def case(cast: Any) -> Any:
    return make_case(cast.team, "Ada", "Fictional")


@pytest.fixture
def other_case(cast: Any) -> Any:
    """A case of the outsider's team: invisible to the main cast."""
    return make_case(cast.other_team, "Otto", "Elsewhere")


@pytest.fixture
def counsel(db: Any) -> Any:
    from clemency.advocacy.models import Office

    return Office.objects.get(seed_key="us-tx.governor_counsel")
