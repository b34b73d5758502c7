"""Every change to a screening goes through one function here: checked, atomic, audited.

A run's screen itself is long, so it is not one transaction: starting it and finishing it are each
atomic and audited, and the progress figures in between are single-row updates the page can read.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from clemency.accounts.access import can_write_team
from clemency.audit.services import record_event, snapshot
from clemency.screenings import engine
from clemency.screenings.eligibility import unknown_pathway_message
from clemency.screenings.models import CandidateCase, RunStatus, ScreeningRun

logger = logging.getLogger(__name__)

MAX_ISSUES_KEPT = 200  # validation report rows shown on the page; the HTML report has them all
EARLIEST_AS_OF = dt.date(1900, 1, 1)
LATEST_AS_OF = dt.date(2199, 12, 31)
RUN_FIELDS = ["team", "title", "original_name", "input_format", "size_bytes", "sha256", "as_of", "pathways"]


def max_upload_bytes() -> int:
    """Populations are larger than documents: MAX_SCREENING_UPLOAD_BYTES, 200 MB unless set."""
    return int(getattr(settings, "MAX_SCREENING_UPLOAD_BYTES", 200 * 1024 * 1024))


def _check_request(*, actor: Any, team: Any, as_of: Any, pathways: list[str]) -> None:
    errors: dict[str, str] = {}
    if team is None or not can_write_team(actor, team.pk):
        errors["team"] = "You can start a screening only for a team on which you may write."
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        errors["as_of"] = "The as-of date is required, as YYYY-MM-DD."
    elif not EARLIEST_AS_OF <= as_of <= LATEST_AS_OF:
        errors["as_of"] = "The as-of date must fall between 1900-01-01 and 2199-12-31."
    from clemency.screenings.eligibility import known_pathway

    unknown = [pid for pid in pathways if not known_pathway(pid)]
    if unknown:
        errors["pathways"] = " ".join(unknown_pathway_message(pid) for pid in unknown)
    if errors:
        raise ValidationError(errors)


def start_screening(
    *, actor: Any, team: Any, upload: Any, as_of: dt.date, pathways: list[str] | None = None, title: str = ""
) -> ScreeningRun:
    """Check the request and the file, store it, create the run, and queue its screen."""
    pathways = list(dict.fromkeys(p.strip() for p in (pathways or []) if p.strip()))
    _check_request(actor=actor, team=team, as_of=as_of, pathways=pathways)
    facts = engine.inspect_population(upload, max_bytes=max_upload_bytes())
    run = ScreeningRun(
        team=team,
        title=(title or "").strip()[:200],
        original_name=facts.original_name[:255],
        input_format=facts.format,
        size_bytes=facts.size_bytes,
        sha256=facts.sha256,
        as_of=as_of,
        pathways=pathways,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    run.input_file.save(f"population.{facts.format}", upload, save=False)
    try:
        with transaction.atomic():
            run.full_clean()
            run.save()
            record_event(
                "screening.uploaded", actor=actor, obj=run, team_id=run.team_id,
                after=snapshot(run, RUN_FIELDS),
            )
            # Queued in the same transaction: a database worker sees the task only with its run.
            from clemency.screenings.tasks import screen_population

            screen_population.enqueue(run.pk)
    except BaseException:
        _remove(run.input_file.name)
        raise
    run.refresh_from_db()
    return run


def _remove(name: str) -> None:
    if name and default_storage.exists(name):
        default_storage.delete(name)


def _begin(run_id: int) -> ScreeningRun | None:
    with transaction.atomic():
        run = ScreeningRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status != RunStatus.QUEUED:
            return None  # gone, or already taken by another worker
        run.status = RunStatus.RUNNING
        run.started_at = timezone.now()
        run.save(update_fields=["status", "started_at"])
        record_event("screening.run_started", actor=None, obj=run, team_id=run.team_id)
    return run


def _progress(run_id: int) -> Any:
    last = {"percent": -1}

    def report(done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 0
        if percent == last["percent"]:
            return  # one write per percent, not per batch
        last["percent"] = percent
        ScreeningRun.objects.filter(pk=run_id).update(
            progress=min(percent, 99), rows_done=done, rows_total=total
        )

    return report


def execute_run(run_id: int, *, actor: Any = None) -> ScreeningRun | None:
    """Screen a queued run (the background task calls this). Any failure marks the run failed."""
    run = _begin(run_id)
    if run is None:
        return None
    with tempfile.TemporaryDirectory(prefix="clemency-screening-") as folder:
        out_path = Path(folder) / "results.parquet"
        report_path = Path(folder) / "report.html"
        try:
            with engine.local_path(run.input_file, suffix=f".{run.input_format}") as input_path:
                outcome = engine.screen(
                    input_path, out_path, as_of=run.as_of, pathways=run.pathways, report_path=report_path,
                    on_progress=_progress(run.pk), max_issues=MAX_ISSUES_KEPT,
                )
        except engine.PopulationRejected as error:
            return _fail(run, str(error), actor=actor)
        except Exception as error:  # the run fails, the worker goes on; the log has the traceback
            logger.exception("screening run %s failed", run.pk)
            message = f"The screen failed unexpectedly ({type(error).__name__}: {error})."
            return _fail(run, message, actor=actor)
        return _finish(run, outcome, out_path, report_path, actor=actor)


def _finish(run: ScreeningRun, outcome: engine.ScreenOutcome, out_path: Path, report_path: Path, *,
            actor: Any) -> ScreeningRun:
    with transaction.atomic():
        run = ScreeningRun.objects.select_for_update().get(pk=run.pk)
        with out_path.open("rb") as results:
            run.result_file.save("results.parquet", File(results), save=False)
        if report_path.exists():
            with report_path.open("rb") as report:
                run.report_file.save("report.html", File(report), save=False)
        if outcome.validation_path is not None and outcome.validation_path.is_file():
            with outcome.validation_path.open("rb") as validation:
                run.validation_file.save("validation.csv", File(validation), save=False)
        run.status = RunStatus.DONE
        run.progress = 100
        run.rows_total = outcome.rows if outcome.rows is not None else run.rows_total
        run.rows_done = run.rows_total or run.rows_done
        run.counts = outcome.counts
        run.issues = outcome.issues
        run.issues_count = outcome.issues_count
        run.finished_at = timezone.now()
        run.save()
        record_event(
            "screening.run_finished", actor=actor, obj=run, team_id=run.team_id,
            after={"rows": run.rows_total, "counts": run.counts, "issues": run.issues_count},
        )
    return run


def _fail(run: ScreeningRun, message: str, *, actor: Any) -> ScreeningRun:
    with transaction.atomic():
        run = ScreeningRun.objects.select_for_update().get(pk=run.pk)
        run.status = RunStatus.FAILED
        run.error_message = message
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error_message", "finished_at"])
        record_event("screening.run_failed", actor=actor, obj=run, team_id=run.team_id,
                     after={"error": message})
    return run


def create_case_from_candidate(
    run: ScreeningRun, *, actor: Any, row: dict[str, Any], facts: dict[str, Any], given_name: str,
    family_name: str,
) -> Any:
    """A person, a case (source: screening), its conviction, sentence, charges and execution date, and
    every fact of the candidate's row recorded as an answer with its source (run, row, input SHA-256).

    The computed deadlines follow in the same transaction (recording the answers recomputes them).
    """
    from clemency.cases import services as cases
    from clemency.cases.services_facts import answer_facts
    from clemency.people import services as people
    from clemency.screenings.intake import record_from_facts

    if not can_write_team(actor, run.team_id):
        raise ValidationError("Your role on this team is read-only.")
    person_id = str(row["person_id"])
    existing = CandidateCase.objects.filter(run=run, person_id=person_id).select_related("case").first()
    if existing is not None:
        raise ValidationError(f"Candidate {person_id} already has a case: {existing.case}.")
    record = record_from_facts(facts)
    from clemency.deadlines.computed import recompute_once

    try:
        with transaction.atomic(), recompute_once(actor=actor):
            person = people.create_person(
                actor=actor, team=run.team, given_name=given_name.strip(), family_name=family_name.strip(),
                **record.person,
            )
            case = cases.create_case(
                actor=actor, person=person, source="screening",
                title=f"{person}: screening candidate {person_id}"[:200],
                summary=_summary(run, row),
            )
            if record.conviction is not None:
                conviction = cases.add_conviction(
                    case, actor=actor, sentence=record.sentence, **record.conviction
                )
                for charge in record.charges:
                    cases.add_charge(conviction, actor=actor, **charge)
            if record.execution_date is not None:
                from clemency.deadlines import services as deadlines

                deadlines.create_deadline(
                    case=case, actor=actor, kind="execution", date=record.execution_date,
                    title="Execution date", source=f"Screening {run.pk} ({run.original_name})",
                    confirm_past=True,  # the screened record says so; the case page asks what happened
                )
            answer_facts(
                case, actor=actor, answers=_answers(facts), source="screening",
                source_detail=candidate_source(run, row),
            )
            CandidateCase.objects.create(run=run, person_id=person_id, case=case)
            record_event(
                "screening.candidate_case_created", actor=actor, obj=run, case_id=case.pk,
                team_id=run.team_id, after={"person_id": person_id, "case": case.pk, "rank": row.get("rank")},
            )
    except IntegrityError:
        raise ValidationError(f"Candidate {person_id} already has a case.") from None
    return case


def candidate_source(run: ScreeningRun, row: dict[str, Any]) -> str:
    """Where a candidate's answers come from: the run, the row and the exact input file."""
    return (
        f"Screening run {run.pk}, row {row.get('rank')} (candidate {row['person_id']}), "
        f"input file SHA-256 {run.sha256}"
    )[:300]


def _answers(facts: dict[str, Any]) -> dict[str, Any]:
    """Every fact of the row the rulebook knows, known ones and unknown ones alike (None stays None).

    `age_at_offense_years` is left to the rulebook, which derives it from the two dates.
    """
    from clemency.law.facts import FACTS

    return {
        name: value for name, value in facts.items()
        if name in FACTS and name != "age_at_offense_years" and value is not None
    }


def _summary(run: ScreeningRun, row: dict[str, Any]) -> str:
    best = str(row.get("best_outcome") or "").replace("_", " ").lower()
    return (
        f"Found by screening {run.pk} ({run.original_name}) as of {run.as_of.day} {run.as_of:%B %Y}: "
        f"candidate {row['person_id']}, rank {row.get('rank')}"
        + (f", best outcome {best}." if best else ".")
        + " Every fact of the screened row is recorded on the facts page, with its source."
    )
