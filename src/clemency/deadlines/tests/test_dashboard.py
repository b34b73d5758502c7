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
