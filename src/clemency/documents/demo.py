"""Demonstration documents for the fictional demo cases: a few generated letters and PDFs."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile

from clemency.documents import services
from clemency.documents.models import DocumentKind


def _pdf(title: str, lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    pdf.setTitle(title)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(72, 720, title)
    pdf.setFont("Helvetica", 11)
    y = 690
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 16
    pdf.drawString(72, 96, "DEMONSTRATION DOCUMENT - FICTIONAL PERSON")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


LETTER_OF_SUPPORT = """To the Office of the Pardon Attorney,

I have known my brother-in-law for thirty years. Since 1996 he has earned his GED, worked in the
prison's UNICOR shop, and taught other men to read. He has a job waiting at my landscaping business
and a room in our home. I ask that his sentence be commuted.

Respectfully,
A fictional family member (demonstration letter)
"""

PERSONAL_LETTER = """Dear Governor,

I was sixteen when I was arrested. I am forty now. I have spent every year since trying to become the
man my grandmother believed I could be...

(Demonstration letter written for a fictional person.)
"""

ATTORNEY_MEMO = """PRIVILEGED AND CONFIDENTIAL - ATTORNEY WORK PRODUCT

Clemency hearing strategy: witness order, mitigation themes, and the questions the Board asked in its
last three hearings. (Demonstration memo.)
"""


def _documents() -> list[tuple[str, str, str, str, bytes, bool]]:
    # (case key, kind, title, file name, content, privileged)
    return [
        (
            "federal_drug_life",
            DocumentKind.LETTER_OF_SUPPORT,
            "Letter of support from family",
            "letter-of-support.txt",
            LETTER_OF_SUPPORT.encode(),
            False,
        ),
        (
            "federal_drug_life",
            DocumentKind.CERTIFICATE,
            "GED certificate",
            "ged-certificate.pdf",
            _pdf(
                "Certificate of High School Equivalency",
                ["Awarded to a fictional person", "Federal Correctional Institution", "Issued 2004"],
            ),
            False,
        ),
        (
            "wisconsin_juvenile_life",
            DocumentKind.PERSONAL_LETTER,
            "Personal letter to the Governor",
            "personal-letter.txt",
            PERSONAL_LETTER.encode(),
            False,
        ),
        (
            "oklahoma_death_clemency",
            DocumentKind.OTHER,
            "Hearing strategy memo",
            "hearing-memo.txt",
            ATTORNEY_MEMO.encode(),
            True,
        ),
        (
            "federal_simple_possession",
            DocumentKind.CERTIFICATE,
            "Certificate of pardon (demo)",
            "pardon-certificate.pdf",
            _pdf(
                "Certificate of Pardon (demonstration)",
                ["Simple possession of marijuana", "Fictional applicant"],
            ),
            False,
        ),
    ]


def seed(cases_by_key: dict[str, Any], actor: Any) -> int:
    made = 0
    for key, kind, title, name, content, privileged in _documents():
        case = cases_by_key.get(key)
        if case is None:
            continue
        services.upload_document(
            case=case,
            actor=actor,
            upload=ContentFile(content, name=name),
            kind=kind,
            title=title,
            privileged=privileged,
        )
        made += 1
    return made
