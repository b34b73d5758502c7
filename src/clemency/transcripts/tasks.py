"""Background work: analysing a transcript (django-tasks; the database queue in production)."""

from __future__ import annotations

from django_tasks import task


@task()
def analyze_transcript(analysis_id: int) -> None:
    from clemency.transcripts.services import execute_analysis

    execute_analysis(analysis_id, actor=None)
