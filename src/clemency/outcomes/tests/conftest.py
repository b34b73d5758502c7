"""Fixtures: the shipped public record in the database, the published source files (read from ../shared
beside the checkout, never copied whole into the repository), and petitions of fictional people."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[3]
# ../shared beside the checkout (CI), or beside the folder of worktrees (a worktree under wt/).
PUBLIC_FOLDERS = [
    REPO_ROOT.parent / "shared" / "data" / "public",
    REPO_ROOT.parents[1] / "shared" / "data" / "public",
]


def published(name: str) -> Path:
    path = next(
        (folder / name for folder in PUBLIC_FOLDERS if (folder / name).exists()), PUBLIC_FOLDERS[0] / name
    )
    if not path.exists():
        message = f"the published file is expected at {path} (../shared beside the checkout)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def public_record(db: Any) -> None:
    """`migrate` loads the shipped record; a flushed (transactional) database gets it here."""
    from clemency.outcomes.models import Dataset
    from clemency.outcomes.shipped import load_shipped

    if not Dataset.objects.exists():
        load_shipped(audit=False)


def make_petition(case: Any, pathway: str, authority: str, status: str, **fields: Any) -> Any:
    from clemency.petitions.models import Petition

    return Petition.objects.create(
        case=case,
        pathway=pathway,
        title=f"Petition {pathway}",
        deciding_authority=authority,
        status=status,
        **fields,
    )


@pytest.fixture
def case(cast: Any) -> Any:
    from clemency.petitions.tests.conftest import make_case

    return make_case(cast.team, "Ada", "Fictional")


@pytest.fixture
def other_case(cast: Any) -> Any:
    from clemency.petitions.tests.conftest import make_case

    return make_case(cast.other_team, "Otto", "Elsewhere")
