"""Test helpers: a fictional case with a record, uploads of real files, and text out of the results."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

AS_OF = dt.date(2026, 11, 2)


def make_pdf(pages: int, label: str) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 700, f"{label} page {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def make_encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1, "secret"))))
    writer.encrypt(user_password="opensesame", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def make_federal_case(
    team: Any,
    *,
    custody: str = "in_custody",
    given: str = "Ambrose",
    family: str = "Testwood",
    register: str = "12345-678",
) -> Any:
    """A fictional federal drug case: one conviction, a life sentence, two charges, a victim."""
    from clemency.cases.models import Case, Charge, Conviction, Party, Sentence
    from clemency.people.models import Person

    person = Person.objects.create(
        team=team,
        given_name=given,
        family_name=family,
        birth_date=dt.date(1958, 3, 9),
        bop_register_number=register,
        facility="FCI Nowhere (fictional)",
        custody_status=custody,
        legal_mail_address="P.O. Box 1\nNowhere, ST 00000",
    )
    case = Case.objects.create(
        team=team,
        person=person,
        title=f"Commutation for {given} {family}",
        status="active",
        summary="Thirty years served for a drug offense.",
    )
    conviction = Conviction.objects.create(
        case=case,
        jurisdiction="federal",
        court="U.S. District Court (fictional)",
        docket_number="1:95-cr-00001",
        offense_date=dt.date(1995, 1, 10),
        conviction_date=dt.date(1995, 9, 1),
        sentencing_date=dt.date(1996, 1, 5),
    )
    Sentence.objects.create(
        conviction=conviction, sentence_type="life", custody_start_date=dt.date(1995, 1, 10)
    )
    Charge.objects.create(
        conviction=conviction,
        statute="21 U.S.C. 846",
        description="Drug conspiracy",
        offense_category="drug",
        counts=1,
    )
    Charge.objects.create(
        conviction=conviction,
        statute="21 U.S.C. 841(a)(1)",
        description="Distribution",
        offense_category="drug",
        counts=2,
    )
    Party.objects.create(conviction=conviction, name="Verity Victimson", role="victim")
    return case


def upload(case: Any, actor: Any, title: str, data: bytes, name: str, *, privileged: bool = False) -> Any:
    from clemency.documents.services import upload_document

    return upload_document(
        case=case,
        actor=actor,
        upload=SimpleUploadedFile(name, data),
        kind="record",
        title=title,
        privileged=privileged,
    )


def store_raw(case: Any, title: str, data: bytes, name: str) -> Any:
    """A document row whose file was stored without the upload checks: a broken file already on disk."""
    import hashlib

    from clemency.documents.models import Document

    document = Document(
        case=case,
        kind="record",
        title=title,
        original_name=name,
        content_type="application/pdf",
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document
