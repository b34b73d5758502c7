"""One small local Spark session for the whole test session (Java 17 is on the machine and in CI)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    from clemency.screening.spark_engine import local_session

    session = local_session("local[1]", "clemency-tests")
    yield session
    session.stop()
