from __future__ import annotations

import datetime

from django.urls import reverse

from clemency.deadlines import services
from clemency.deadlines.models import Deadline, DeadlineKind


def _hearing(case, actor):
    return services.create_deadline(
        case=case,
        actor=actor,
        kind=DeadlineKind.HEARING,
        title="Board hearing",
        date=datetime.date(2027, 5, 1),
        source="Board notice",
    )


def test_a_student_adds_a_deadline_from_the_case(client, cast, case):
    client.force_login(cast.student)
    url = reverse("deadlines:create", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": "execution",
            "date": "2027-03-14",
            "time": "18:00",
            "title": "Scheduled execution",
            "source": "warrant of execution",
            "notes": "",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("cases:detail", args=[case.pk])
    deadline = Deadline.objects.get()
    assert (deadline.kind, deadline.date, deadline.time) == (
        "execution",
        datetime.date(2027, 3, 14),
        datetime.time(18, 0),
    )


def test_a_malformed_date_is_named_and_nothing_is_created(client, cast, case):
    client.force_login(cast.staff)
    response = client.post(
        reverse("deadlines:create", args=[case.pk]),
        {"kind": "hearing", "date": "2027-02-30", "time": "25:00", "title": "Hearing"},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["date"] == ["Enter a valid date."] and errors["time"] == ["Enter a valid time."]
    assert b'id="id_date_error"' in response.content
    assert not Deadline.objects.exists()


def test_read_only_is_refused_and_outsiders_get_404(client, cast, case):
    deadline = _hearing(case, cast.attorney)
    client.force_login(cast.read_only)
    assert client.get(reverse("deadlines:create", args=[case.pk])).status_code == 403
    assert client.post(reverse("deadlines:done", args=[deadline.pk]), {"done": "1"}).status_code == 403
    client.force_login(cast.outsider)
    assert client.get(reverse("deadlines:edit", args=[deadline.pk])).status_code == 404
    assert client.post(reverse("deadlines:done", args=[deadline.pk]), {"done": "1"}).status_code == 404
    assert client.post(reverse("deadlines:delete", args=[deadline.pk])).status_code == 404
    deadline.refresh_from_db()
    assert not deadline.done


def test_mark_done_and_undo_return_to_the_page(client, cast, case):
    deadline = _hearing(case, cast.attorney)
    client.force_login(cast.volunteer)
    back = reverse("cases:detail", args=[case.pk])
    response = client.post(reverse("deadlines:done", args=[deadline.pk]), {"done": "1", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    deadline.refresh_from_db()
    assert deadline.done
    response = client.post(
        reverse("deadlines:done", args=[deadline.pk]), {"done": "0", "next": "https://evil.example/"}
    )
    assert response["Location"] == back  # an outside address is never followed
    deadline.refresh_from_db()
    assert not deadline.done


def test_a_bad_done_value_changes_nothing(client, cast, case):
    deadline = _hearing(case, cast.attorney)
    client.force_login(cast.staff)
    response = client.post(reverse("deadlines:done", args=[deadline.pk]), {"done": "yes please"}, follow=True)
    assert "done: say 1" in response.content.decode()
    deadline.refresh_from_db()
    assert not deadline.done


def test_edit_and_delete(client, cast, case):
    deadline = _hearing(case, cast.attorney)
    client.force_login(cast.attorney)
    response = client.post(
        reverse("deadlines:edit", args=[deadline.pk]),
        {
            "kind": "hearing",
            "date": "2027-05-02",
            "time": "",
            "title": "Board hearing (moved)",
            "source": "Amended notice",
            "notes": "",
        },
    )
    assert response.status_code == 302
    deadline.refresh_from_db()
    assert deadline.date == datetime.date(2027, 5, 2) and deadline.time is None
    assert client.get(reverse("deadlines:delete", args=[deadline.pk])).status_code == 200
    assert client.post(reverse("deadlines:delete", args=[deadline.pk])).status_code == 302
    assert not Deadline.objects.exists()


def test_the_list_shows_open_visible_deadlines_and_filters(client, cast, case, other_case):
    open_one = _hearing(case, cast.attorney)
    done_one = services.create_deadline(
        case=case,
        actor=cast.attorney,
        confirm_past=True,
        kind=DeadlineKind.FILING,
        title="Old filing",
        date=datetime.date(2026, 1, 1),
    )
    services.mark_deadline_done(done_one, actor=cast.attorney)
    services.create_deadline(
        case=other_case,
        actor=cast.outsider,
        kind=DeadlineKind.HEARING,
        title="Hidden hearing",
        date=datetime.date(2027, 1, 1),
    )
    client.force_login(cast.read_only)
    html = client.get(reverse("deadlines:list")).content.decode()
    assert open_one.title in html and "Old filing" not in html and "Hidden hearing" not in html
    html = client.get(reverse("deadlines:list"), {"done": "true"}).content.decode()
    assert "Old filing" in html and open_one.title not in html
    response = client.get(reverse("deadlines:list"), {"date_from": "soon"})
    assert response.context["filter"].errors["date_from"] == ["Enter a valid date."]


def test_with_htmx_marking_done_returns_just_the_panel(client, cast, case):
    deadline = _hearing(case, cast.attorney)
    client.force_login(cast.staff)
    response = client.post(
        reverse("deadlines:done", args=[deadline.pk]), {"done": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="panel" id="deadlines-panel"') and "Done — undo" in html
    deadline.refresh_from_db()
    assert deadline.done
