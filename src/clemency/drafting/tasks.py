"""Background work: bundle assembly runs in the django-tasks worker (`clemency serve` starts one)."""

from __future__ import annotations

from django_tasks import task


@task()
def assemble_bundle(bundle_id: int) -> None:
    from clemency.drafting.services import run_bundle

    run_bundle(bundle_id)
