"""Shared fixtures: the real Dassey transcript (read from ../shared beside the checkout; never
copied into the repository) and this project's facts and annotations for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from clemency.interrogation import Report, analyze

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO_ROOT = HERE.parents[3]
TRANSCRIPT = REPO_ROOT.parent / "shared" / "data" / "transcripts" / "dassey_2006-03-01_ocr.txt"


def dassey_path() -> Path:
    if not TRANSCRIPT.exists():
        message = f"the Dassey transcript is expected at {TRANSCRIPT} (../shared beside the checkout)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return TRANSCRIPT


@pytest.fixture(scope="session")
def dassey_text() -> str:
    return dassey_path().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dassey_facts_text() -> str:
    return (FIXTURES / "dassey_facts.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dassey_annotations() -> list[dict]:
    return yaml.safe_load((FIXTURES / "dassey_annotations.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dassey_report(dassey_text: str, dassey_facts_text: str) -> Report:
    return analyze(dassey_text, dassey_facts_text)


def fact(report: Report, fact_id: str):  # noqa: ANN201 - a FactResult
    return next(f for f in report.facts if f.fact.id == fact_id)
