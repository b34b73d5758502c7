"""Fact provenance in interrogation transcripts: who said each crime fact first.

Pure Python (no Django). The platform calls:

    report = analyze(transcript_text, facts_yaml_text, speakers_yaml_text=None)
    report.to_json(); render_html(report); render_pdf(report)

The report describes the transcript and cites its lines; it never says whether a confession
is true or false.
"""

from .facts import FactsError
from .parse import TranscriptError
from .report import Report, analyze
from .speakers import SpeakerMapError


def render_html(report: Report) -> str:
    from .render import render_html as _render

    return _render(report)


def render_pdf(report: Report) -> bytes:
    from .pdf_report import render_pdf as _render

    return _render(report)


__all__ = [
    "FactsError",
    "Report",
    "SpeakerMapError",
    "TranscriptError",
    "analyze",
    "render_html",
    "render_pdf",
]
