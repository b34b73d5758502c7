"""Transcript records for the generated permission tests (web/tests/permission_registry.py): a
privileged transcript and a finished analysis whose text, report and result hold the privileged marker."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile


def transcript_objects(case: Any, marker: str, privileged: str) -> dict[str, Any]:
    from clemency.transcripts.models import Transcript, TranscriptAnalysis

    text = f"VANCE: Where were you?\nMARSH: At the boathouse {privileged}.\n"
    transcript = Transcript(
        case=case,
        title=f"Interview {marker}",
        original_name="interview.txt",
        size_bytes=len(text),
        sha256="0" * 64,
        privileged=True,
    )
    transcript.file.save("interview.txt", ContentFile(text.encode()), save=True)
    analysis = TranscriptAnalysis(
        transcript=transcript,
        facts_name="facts.yaml",
        facts_sha256="0" * 64,
        fact_count=1,
        status="done",
        progress=100,
        result={"notice": privileged, "facts": []},
        proposed_speakers=f"# {privileged}\n",
    )
    analysis.facts_file.save("facts.yaml", ContentFile(b"- id: x\n"), save=False)
    analysis.json_file.save("report.json", ContentFile(f'{{"notice": "{privileged}"}}'.encode()), save=False)
    analysis.html_file.save(
        "report.html",
        ContentFile(f"<html><body><p>Report {privileged}</p></body></html>".encode()),
        save=False,
    )
    analysis.pdf_file.save("report.pdf", ContentFile(f"%PDF-1.4 {privileged}".encode()), save=True)
    return {"transcript": transcript, "transcript_analysis": analysis}
