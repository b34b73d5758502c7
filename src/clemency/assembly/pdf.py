"""DOCX -> PDF through LibreOffice headless (a real layout engine; PDFs look as Word would print).

Each conversion runs in its own temporary directory with its own LibreOffice profile
(`-env:UserInstallation`), so parallel workers and test processes never share a profile lock.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess  # noqa: S404 - we run LibreOffice, with a fixed argument list and no shell
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from clemency.assembly.errors import ConversionError

SOFFICE_ENV = "CLEMENCY_SOFFICE"
# Tagged PDF keeps headings and reading order for screen readers (filing portals and the people
# reading petitions use them); the JSON filter-option syntax needs LibreOffice 7.4 or later.
PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
TIMEOUT_SECONDS = 180


def soffice_path() -> str:
    """The LibreOffice executable: $CLEMENCY_SOFFICE, else `soffice` or `libreoffice` on PATH."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        if not Path(configured).exists():
            raise ConversionError(f"{SOFFICE_ENV}={configured} does not exist")
        return configured
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ConversionError(
        "LibreOffice is not installed: PDF conversion needs `soffice` on PATH "
        "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or CLEMENCY_SOFFICE set to it"
    )


def docx_problem(data: bytes) -> str | None:
    """Why these bytes are not a readable DOCX, or None if they are."""
    if not data:
        return "empty file (0 bytes)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                return "not a Word document (no word/document.xml)"
            if archive.testzip() is not None:
                return "corrupt DOCX (a damaged part)"
    except zipfile.BadZipFile:
        return "corrupt DOCX (not a valid zip archive)"
    return None


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert one DOCX document to PDF bytes."""
    return convert_many([docx], suffix=".docx")[0]


def convert_many(documents: Sequence[bytes], *, suffix: str = ".docx") -> list[bytes]:
    """Convert several office documents in one LibreOffice start (start-up dominates the cost)."""
    if not documents:
        return []
    soffice = soffice_path()
    with tempfile.TemporaryDirectory(prefix="clemency-soffice-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        out_dir = work / "out"
        out_dir.mkdir()
        inputs = []
        for index, data in enumerate(documents):
            problem = docx_problem(data) if suffix == ".docx" else None
            if problem:
                raise ConversionError(f"document {index + 1} cannot be converted: {problem}")
            path = work / f"doc{index:04d}{suffix}"
            path.write_bytes(data)
            inputs.append(str(path))
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", PDF_FILTER, "--outdir", str(out_dir), *inputs,
        ]
        try:
            completed = subprocess.run(  # noqa: S603
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
                env={**os.environ, "HOME": str(work)},
            )
        except subprocess.TimeoutExpired:
            raise ConversionError(f"LibreOffice did not finish within {TIMEOUT_SECONDS} s") from None
        results: list[bytes] = []
        for path_text in inputs:
            pdf = out_dir / (Path(path_text).stem + ".pdf")
            if not pdf.exists() or pdf.stat().st_size == 0:
                detail = (completed.stderr or completed.stdout).decode(errors="replace").strip()
                raise ConversionError(
                    f"LibreOffice could not convert document {len(results) + 1} to PDF "
                    f"(exit {completed.returncode}){': ' + detail[-400:] if detail else ''}"
                )
            results.append(pdf.read_bytes())
        return results
