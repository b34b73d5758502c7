from __future__ import annotations

from typing import Any

import pytest

from clemency.petitions.tests.conftest import make_case


@pytest.fixture
def case(cast: Any) -> Any:
    return make_case(cast.team, "Cora", "Vale")


@pytest.fixture
def other_case(cast: Any) -> Any:
    return make_case(cast.other_team, "Otto", "Elsewhere")
