"""Background jobs that outlive their worker: marked failed with the reason, and offered again.

Three kinds of job run in the worker (a bundle's assembly, a population screen, a transcript
analysis). When the worker process dies mid-job (killed, out of memory), nothing in it can record
the failure, so `clemency serve`, which started the worker, does it on the worker's behalf: every
job the dead worker had claimed is marked failed with the reason, then the worker is started again.
A failed job can be retried from its page: `retry_job` queues it again, with its audit event.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from clemency.audit.services import record_event

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobKind:
    task_path: str
    model_label: str
    error_field: str
    action: str  # audit action prefix


JOB_KINDS = (
    JobKind("clemency.drafting.tasks.assemble_bundle", "drafting.Bundle", "error", "drafting.bundle"),
    JobKind("clemency.screenings.tasks.screen_population", "screenings.ScreeningRun", "error_message",
            "screenings.run"),
    JobKind("clemency.transcripts.tasks.analyze_transcript", "transcripts.TranscriptAnalysis",
            "error_message", "transcripts.analysis"),
)


def _model(kind: JobKind) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(kind.model_label)


def _kind_of(obj: models.Model) -> JobKind:
    for kind in JOB_KINDS:
        if isinstance(obj, _model(kind)):
            return kind
    raise TypeError(f"{type(obj).__name__} is not a background job")


def _team_and_case(obj: Any) -> tuple[int | None, int | None]:
    if hasattr(obj, "case_id"):
        return obj.case.team_id, obj.case_id
    if hasattr(obj, "transcript"):
        return obj.transcript.case.team_id, obj.transcript.case_id
    return getattr(obj, "team_id", None), None


def recover_dead_worker_jobs(worker_id: str, reason: str) -> int:
    """Mark failed every job the worker `worker_id` had claimed and not finished; return how many."""
    from django_tasks_db.models import DBTaskResult

    recovered = 0
    now = timezone.now()
    running = DBTaskResult.objects.filter(status="RUNNING")
    for result in running:
        if not result.worker_ids or result.worker_ids[-1] != worker_id:
            continue  # another worker's job, still alive
        with transaction.atomic():
            DBTaskResult.objects.filter(pk=result.pk, status="RUNNING").update(
                status="FAILED", finished_at=now, exception_class_path="builtins.SystemExit",
                traceback=reason)
            kind = next((k for k in JOB_KINDS if k.task_path == result.task_path), None)
            args = (result.args_kwargs or {}).get("args") or []
            if kind is None or not args:
                continue
            model = _model(kind)
            job = model._base_manager.filter(pk=args[0], status__in=["queued", "running"]).first()
            if job is None:
                continue
            model._base_manager.filter(pk=job.pk).update(
                status="failed", finished_at=now, **{kind.error_field: reason})
            team_id, case_id = _team_and_case(job)
            record_event(f"{kind.action}_failed", actor=None, obj=job, team_id=team_id, case_id=case_id,
                         after={"status": "failed", "reason": reason})
            recovered += 1
    if recovered:
        logger.warning("marked %d job(s) of the dead worker %s failed", recovered, worker_id)
    return recovered


def retry_job(job: Any, *, actor: Any) -> Any:
    """Queue a failed job again (the same inputs), with its audit event."""
    kind = _kind_of(job)
    model = _model(kind)
    with transaction.atomic():
        locked: Any = model._base_manager.select_for_update().get(pk=job.pk)
        if locked.status != "failed":
            raise ValidationError("Only a failed job can be tried again; this one is "
                                  f"{locked.get_status_display().lower()}.")
        fields: dict[str, Any] = {"status": "queued", kind.error_field: "", "started_at": None,
                                  "finished_at": None}
        for progress in ("progress", "progress_done", "rows_done"):
            if hasattr(locked, progress):
                fields[progress] = 0
        model._base_manager.filter(pk=locked.pk).update(**fields)
        team_id, case_id = _team_and_case(locked)
        record_event(f"{kind.action}_retried", actor=actor, obj=locked, team_id=team_id, case_id=case_id,
                     before={"status": "failed"}, after={"status": "queued"})
        from django.utils.module_loading import import_string

        task = import_string(kind.task_path)
        task.enqueue(locked.pk)  # committed with the row, or not at all
    job.refresh_from_db()
    return job


def retry_response(request: Any, job: Any, page: str) -> Any:
    """The retry button's POST: queue the job again and go back to its page (400 if it cannot)."""
    from django.contrib import messages
    from django.http import HttpResponse
    from django.shortcuts import redirect

    try:
        retry_job(job, actor=request.user)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400, content_type="text/plain; charset=utf-8")
    messages.success(request, "Queued again: the background worker will pick it up.")
    return redirect(page)
