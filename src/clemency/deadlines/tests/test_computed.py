"""Computed deadlines: the rulebook's dates kept among a case's deadlines, following the facts."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from clemency.audit.models import AuditEvent
from clemency.cases import services as cases
from clemency.cases.services_facts import answer_fact
from clemency.cases.tests import factories
from clemency.deadlines import services
from clemency.deadlines.models import Deadline, DeadlineOrigin
from clemency.deadlines.selectors import most_urgent_cases
from clemency.law.business_days import is_business_day, next_business_day


def _texas_death_case(cast):
    case = factories.case(cast.team, person_values={"custody_status": "death_row"})
    cases.add_conviction(
        case,
        actor=cast.attorney,
        jurisdiction="us-tx",
        offense_date=datetime.date(2001, 4, 2),
        sentence={"sentence_type": "death", "custody_start_date": datetime.date(2001, 4, 3)},
    )
    return case


def _texas_due(execution_date, days_before):
    """37 Tex. Admin. Code 143.57(b), (c): `days_before` calendar days before the execution, moved
    to the next business day when that day falls on a weekend or a holiday Texas observes."""
    due = next_business_day(execution_date - datetime.timedelta(days=days_before), "US-TX")
    assert is_business_day(due, "US-TX")
    return due


def _computed(case):
    return {d.computed_key: d for d in Deadline.objects.filter(case=case, origin=DeadlineOrigin.COMPUTED)}


def _feed_events(client, user):
    response = client.get(reverse("deadlines:feed", args=[user.calendar_token]))
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return [(str(e["summary"]), e.decoded("dtstart")) for e in calendar.walk("VEVENT")]


def test_moving_a_texas_execution_date_three_times_moves_its_deadlines_in_the_feed(client, cast):
    case = _texas_death_case(cast)
    today = timezone.localdate()
    execution = services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind="execution",
        date=today + datetime.timedelta(days=90),
        title="Execution date",
    )
    # The third move puts the 21st day before the execution on a Saturday: the rule moves it on.
    saturday_move = 200 + (5 - (today + datetime.timedelta(days=200 - 21)).weekday()) % 7
    for step, days in enumerate((120, 150, saturday_move), start=1):
        execution = services.update_deadline(
            execution, actor=cast.attorney, date=today + datetime.timedelta(days=days)
        )
        computed = _computed(case)
        application = computed["us-tx.death_commutation:application_due"]
        supplements = computed["us-tx.death_commutation:supplements_due"]
        new_date = today + datetime.timedelta(days=days)
        assert application.date == _texas_due(new_date, 21), step
        assert supplements.date == _texas_due(new_date, 15), step
        if days == saturday_move:
            rule_day = new_date - datetime.timedelta(days=21)
            assert rule_day.weekday() == 5 and application.date > rule_day  # moved off the Saturday
        assert application.citation and "143.57" in application.citation
        assert application.facts_used["execution_date"] == new_date.isoformat()
        events = _feed_events(client, cast.staff)
        titles = [summary for summary, _ in events if "delivered to the Board" in summary]
        assert len(titles) == 1, events  # never two copies
        assert (titles[0], _texas_due(new_date, 21)) in events
    moves = AuditEvent.objects.filter(action="deadline.recomputed", case_id=case.pk).count()
    assert moves == 6  # two deadlines, three moves each, each audited


def test_a_deadline_marked_done_stays_done_and_a_stay_removes_the_others(cast):
    case = _texas_death_case(cast)
    today = timezone.localdate()
    execution = services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind="execution",
        date=today + datetime.timedelta(days=60),
        title="Execution date",
    )
    application = _computed(case)["us-tx.death_commutation:application_due"]
    services.mark_deadline_done(application, actor=cast.attorney)
    services.update_deadline(execution, actor=cast.attorney, date=today + datetime.timedelta(days=70))
    application.refresh_from_db()
    assert application.done and application.done_by == cast.attorney
    assert application.date == _texas_due(today + datetime.timedelta(days=70), 21)  # moved, still done
    # The stay: the execution date is marked done; the undone computed deadline goes, the done one stays.
    services.mark_deadline_done(execution, actor=cast.attorney)
    computed = _computed(case)
    assert list(computed) == ["us-tx.death_commutation:application_due"]
    assert AuditEvent.objects.filter(action="deadline.withdrawn", case_id=case.pk).exists()


def test_a_federal_death_case_computes_the_clemency_petition_deadline_from_the_notice(client, cast):
    case = factories.case(cast.team, person_values={"custody_status": "death_row"})
    factories.federal_conviction(case, sentence={"sentence_type": "death"})
    today = timezone.localdate()
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind="execution",
        date=today + datetime.timedelta(days=120),
        title="Execution date",
    )
    answer_fact(
        case,
        actor=cast.attorney,
        fact="execution_notice_date",
        value=today.isoformat(),
        source="document",
        source_detail="Notice of execution date",
    )
    petition = _computed(case)["us.death_clemency:petition_due"]
    assert petition.date == today + datetime.timedelta(days=30)
    assert petition.citation == "28 C.F.R. 1.10(b)" and petition.is_computed
    assert any("Clemency petition due" in summary for summary, _ in _feed_events(client, cast.staff))
    # A corrected notice date recomputes it, in the same change.
    answer_fact(
        case,
        actor=cast.attorney,
        fact="execution_notice_date",
        value=(today + datetime.timedelta(days=2)).isoformat(),
        source="document",
    )
    assert _computed(case)["us.death_clemency:petition_due"].date == today + datetime.timedelta(days=32)
    assert Deadline.objects.filter(case=case, computed_key="us.death_clemency:petition_due").count() == 1


def test_a_computed_deadline_cannot_be_moved_by_hand(cast):
    case = _texas_death_case(cast)
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind="execution",
        date=timezone.localdate() + datetime.timedelta(days=90),
        title="Execution date",
    )
    application = _computed(case)["us-tx.death_commutation:application_due"]
    with pytest.raises(ValidationError) as refused:
        services.update_deadline(application, actor=cast.attorney, date=timezone.localdate())
    assert "computed by the rulebook" in str(refused.value)
    services.update_deadline(application, actor=cast.attorney, notes="Board clerk called")  # notes are fine


def test_a_past_date_asks_for_confirmation_and_an_execution_date_asks_what_happened(cast):
    case = _texas_death_case(cast)
    past = timezone.localdate() - datetime.timedelta(days=400)
    with pytest.raises(ValidationError) as refused:
        services.create_deadline(case=case, actor=cast.attorney, kind="filing", date=past, title="Reply")
    assert "in the past" in refused.value.message_dict["date"][0]
    with pytest.raises(ValidationError) as refused:
        services.create_deadline(
            case=case, actor=cast.attorney, kind="execution", date=past, title="Execution"
        )
    assert "stayed, reset or carried out" in refused.value.message_dict["date"][0]
    assert not Deadline.objects.filter(case=case).exists()
    kept = services.create_deadline(
        case=case, actor=cast.attorney, kind="filing", date=past, title="Reply", confirm_past=True
    )
    assert kept.pk


def test_the_dashboard_never_puts_an_old_execution_date_first(cast):
    typo_case = _texas_death_case(cast)
    real_case = _texas_death_case(cast)
    today = timezone.localdate()
    services.create_deadline(
        case=typo_case,
        actor=cast.attorney,
        kind="execution",
        date=datetime.date(2002, 1, 1),
        title="Execution date",
        confirm_past=True,
    )
    services.create_deadline(
        case=real_case,
        actor=cast.attorney,
        kind="execution",
        date=today + datetime.timedelta(days=30),
        title="Execution date",
    )
    first = most_urgent_cases(cast.staff, 1)[0]
    assert first == real_case


def test_a_past_execution_date_is_resolved_as_stayed_reset_or_carried_out(client, cast):
    case = _texas_death_case(cast)
    old = services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind="execution",
        date=timezone.localdate() - datetime.timedelta(days=3),
        title="Execution date",
        confirm_past=True,
    )
    client.force_login(cast.attorney)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Was it stayed, reset or carried out?" in page
    new_date = timezone.localdate() + datetime.timedelta(days=100)
    response = client.post(
        reverse("deadlines:execution_resolve", args=[old.pk]),
        {"outcome": "reset", "new_date": new_date.isoformat()},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.date == new_date and not old.done
    assert _computed(case)["us-tx.death_commutation:application_due"].date == _texas_due(new_date, 21)
    client.post(reverse("deadlines:execution_resolve", args=[old.pk]), {"outcome": "stayed"})
    old.refresh_from_db()
    assert old.done and "Stayed" in old.notes
    assert not _computed(case)  # the stay removed them


def test_the_feed_says_a_computed_deadline_comes_from_the_law(client, cast):
    case = _texas_death_case(cast)
    services.create_deadline(
        case=case,
        actor=cast.attorney,
        kind="execution",
        date=timezone.localdate() + datetime.timedelta(days=90),
        title="Execution date",
    )
    response = client.get(reverse("deadlines:feed", args=[cast.staff.calendar_token]))
    calendar = icalendar.Calendar.from_ical(response.content)
    descriptions = [str(event["description"]) for event in calendar.walk("VEVENT")]
    assert any("Law: 37 Tex. Admin. Code 143.57" in text for text in descriptions), descriptions


def test_a_change_to_the_person_recomputes_each_of_their_cases(cast, monkeypatch):
    from clemency.deadlines import computed
    from clemency.people import services as people

    case = _texas_death_case(cast)
    seen = []
    monkeypatch.setattr(computed, "sync_computed_deadlines", lambda c, *, actor: seen.append((c.pk, actor)))
    people.update_person(case.person, actor=cast.attorney, birth_date=datetime.date(1970, 5, 5))
    assert seen == [(case.pk, cast.attorney)]
