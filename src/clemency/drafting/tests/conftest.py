from __future__ import annotations

from typing import Any

import pytest

from clemency.drafting.tests.helpers import make_federal_case


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    """Uploads, drafts and bundles go to a temporary directory, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def case(cast: Any) -> Any:
    return make_federal_case(cast.team)


@pytest.fixture
def other_case(cast: Any) -> Any:
    return make_federal_case(cast.other_team, given="Otto", family="Elsewhere")
