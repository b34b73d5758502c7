from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from clemency.cases.models import Priority
from clemency.deadlines import services
from clemency.deadlines.models import DeadlineKind
from clemency.deadlines.tests.conftest import make_case


def _on(case, actor, kind, days, title="t", done=False):
    deadline = services.create_deadline(
        case=case,
        actor=actor,
        confirm_past=True,
        kind=kind,
        title=title,
        date=timezone.localdate() + datetime.timedelta(days=days),
    )
    if done:
        services.mark_deadline_done(deadline, actor=actor)
    return deadline


def test_the_dashboard_puts_execution_dates_first_then_deadlines_then_priority(client, cast, other_case):
    a = cast.attorney
    urgent_no_dates = make_case(cast.team, "Una", "Urgent", priority=Priority.URGENT)
    low_with_hearing = make_case(cast.team, "Lee", "Low", priority=Priority.LOW)
    _on(low_with_hearing, a, DeadlineKind.HEARING, 5, "Board hearing")
    far_execution = make_case(cast.team, "Far", "Execution", priority=Priority.LOW)
    _on(far_execution, a, DeadlineKind.EXECUTION, 90)
    near_execution = make_case(cast.team, "Near", "Execution", priority=Priority.LOW)
    _on(near_execution, a, DeadlineKind.FILING, 3, "Clemency petition due")
    _on(near_execution, a, DeadlineKind.EXECUTION, 30, "Scheduled execution")
    done_execution = make_case(cast.team, "Done", "Execution", priority=Priority.NORMAL)
    _on(done_execution, a, DeadlineKind.EXECUTION, 1, done=True)  # done: does not count
    closed = make_case(cast.team, "Closed", "Case", status="closed")
    _on(closed, a, DeadlineKind.EXECUTION, 2)
    _on(other_case, cast.outsider, DeadlineKind.EXECUTION, 1)

    client.force_login(cast.student)
    response = client.get(reverse("dashboard"))
    order = [case.pk for case in response.context["cases"]]
    assert order == [
        near_execution.pk,
        far_execution.pk,
        low_with_hearing.pk,
        urgent_no_dates.pk,
        done_execution.pk,
    ]
    first = response.context["cases"][0]
    assert first.next_date == timezone.localdate() + datetime.timedelta(days=3)
    assert first.next_kind_label == "Filing deadline"
    html = response.content.decode()
    assert (
        "Filing deadline: Clemency petition due" in html and "Otto" not in html and "Closed Case" not in html
    )


def test_an_overdue_deadline_is_marked_overdue(client, cast, case):
    _on(case, cast.attorney, DeadlineKind.FILING, -2, "Late reply")
    client.force_login(cast.staff)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Late reply" in html and "overdue" in html


def test_a_user_without_a_team_sees_no_cases(client, cast, case, django_user_model):
    loner = django_user_model.objects.create_user(username="loner", password="x" * 16)
    client.force_login(loner)
    assert client.get(reverse("dashboard")).context["cases"] == []


def _mixed_caseload(cast):
    """Cases with executions, with other deadlines (ties on a date included), and with none."""
    a = cast.attorney
    for n, days in enumerate([40, 10, 10]):
        case = make_case(cast.team, f"Exec{n}", "Case", priority=Priority.LOW)
        _on(case, a, DeadlineKind.EXECUTION, days)
        _on(case, a, DeadlineKind.FILING, days - 5 - n)
    for n, days in enumerate([7, 7, 7, -3, 20]):
        case = make_case(cast.team, f"Due{n}", "Case", priority=[Priority.LOW, Priority.URGENT][n % 2])
        _on(case, a, DeadlineKind.HEARING, days)
        _on(case, a, DeadlineKind.FILING, days + 1)
        _on(case, a, DeadlineKind.EXECUTION, 1, done=True)
    for n, priority in enumerate([Priority.NORMAL, Priority.URGENT, Priority.LOW, Priority.URGENT]):
        make_case(cast.team, f"Calm{n}", "Case", priority=priority)
    make_case(cast.team, "Closed", "Case", status="closed")


def test_the_nearest_first_page_is_the_full_order_cut_at_any_limit(cast, other_case):
    from clemency.deadlines.selectors import cases_by_urgency, most_urgent_cases

    _mixed_caseload(cast)
    _on(other_case, cast.outsider, DeadlineKind.EXECUTION, 1)
    full = [case.pk for case in cases_by_urgency(cast.staff)]
    assert len(full) == 12
    for limit in range(1, 15):
        page = most_urgent_cases(cast.staff, limit)
        assert [case.pk for case in page] == full[:limit], limit
    first = most_urgent_cases(cast.staff, 1)[0]
    assert first.next_execution_date is not None and first.next_date is not None


def test_the_dashboard_does_not_rank_every_case_by_subquery(client, cast, monkeypatch):
    """It starts from the nearest undone deadlines and fills by priority; the per-case subqueries run
    only for the cases on the page (named by id), never over a team's whole caseload."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import clemency.web.views

    _mixed_caseload(cast)
    monkeypatch.setattr(clemency.web.views, "DASHBOARD_LIMIT", 5)
    client.force_login(cast.staff)
    with CaptureQueriesContext(connection) as captured:
        assert len(client.get(reverse("dashboard")).context["cases"]) == 5
    sqls = [query["sql"] for query in captured]
    ranking = [sql for sql in sqls if 'FROM "cases_case"' in sql and "deadlines_deadline" in sql]
    assert ranking and all('"cases_case"."id" IN (' in sql for sql in ranking), ranking


def test_undone_deadlines_are_indexed_by_date(db):
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "deadlines_deadline")
    assert ("done", "date") in [tuple(c["columns"]) for c in constraints.values() if c["index"]]
