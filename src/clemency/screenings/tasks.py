"""Background work: screening an uploaded population (django-tasks; the database queue in production)."""

from __future__ import annotations

from django_tasks import task


@task()
def screen_population(run_id: int) -> None:
    from clemency.screenings.services import execute_run

    execute_run(run_id, actor=None)
