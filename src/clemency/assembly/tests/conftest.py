"""Fixtures for the assembly tests. LibreOffice tests never skip in CI (CI=true): a missing
soffice there is a failure, as `.ci/run` installs it."""

import os
import shutil

import pytest

from clemency.assembly import demo
from clemency.assembly.catalog import TEMPLATES
from clemency.assembly.pdf import convert_many
from clemency.assembly.render import render_docx


@pytest.fixture(scope="session")
def soffice():
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is required in CI and is not installed")
        pytest.skip("LibreOffice (soffice) is not installed on this machine")
    if not shutil.which("pdftoppm"):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("poppler-utils (pdftoppm) is required in CI and is not installed")
        pytest.skip("poppler-utils is not installed on this machine")


@pytest.fixture(scope="session")
def template_pdfs(soffice) -> dict[str, bytes]:
    """Each shipped template rendered (final variant) with its demo case, as PDF; one LibreOffice
    start for all eight."""
    names = sorted(TEMPLATES)
    docs = [render_docx(name, demo.DEMO_FOR_TEMPLATE[name](), "final") for name in names]
    return dict(zip(names, convert_many(docs), strict=True))
