"""The decision record: confirmed, recorded by an attorney, correctable with a reason; it updates the
case (custody, status, execution dates) and the facts the rulebook reads."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from clemency.advocacy.models import Office
from clemency.audit.models import AuditEvent
from clemency.cases.models import Conviction, Sentence
from clemency.cases.services_facts import answer_fact
from clemency.deadlines.models import Deadline
from clemency.petitions import services
from clemency.petitions.decisions import (
    correct_decision,
    link_cases,
    record_categorical_action,
    record_decision,
)
from clemency.petitions.models import CategoricalAction, PetitionDecision, PetitionStatus
from clemency.screenings.eligibility import case_eligibility

TODAY = timezone.localdate()
DAYS = datetime.timedelta(days=1)


@pytest.fixture
def federal_case(case):
    """A federal life sentence, in custody since 1995, with an execution-free record."""
    conviction = Conviction.objects.create(
        case=case,
        jurisdiction="federal",
        offense_date=datetime.date(1995, 6, 1),
        conviction_date=datetime.date(1996, 2, 1),
        sentencing_date=datetime.date(1996, 5, 1),
    )
    Sentence.objects.create(
        conviction=conviction,
        sentence_type="term",
        sentence_term_days=365 * 40,
        custody_start_date=datetime.date(1995, 6, 1),
    )
    case.person.custody_status = "in_custody"
    case.person.save()
    return case


@pytest.fixture
def filed(federal_case, cast):
    petition = services.create_petition(
        case=federal_case, actor=cast.attorney, pathway="us.commutation", title="Petition for commutation"
    )
    return services.file_petition(petition, actor=cast.attorney, on=TODAY - 90 * DAYS)


def test_the_deciding_office_is_filled_from_the_pathway(federal_case, cast):
    petition = services.create_petition(
        case=federal_case, actor=cast.attorney, pathway="us.commutation", title="Commutation"
    )
    assert petition.deciding_office == Office.objects.get(seed_key="federal.president")
    assert petition.deciding_authority == "The President of the United States"
    texas = services.create_petition(
        case=federal_case, actor=cast.attorney, pathway="us-tx.death_commutation", title="Texas"
    )
    assert texas.deciding_office == Office.objects.get(seed_key="us-tx.governor")
    motion = services.create_petition(
        case=federal_case,
        actor=cast.attorney,
        pathway="us.compassionate_release.age",
        title="Motion",
        deciding_authority="Sentencing court",
    )
    assert motion.deciding_office is None, "a court decides a motion: not an office of the directory"


def test_a_grant_needs_confirmation_and_changes_nothing_without_it(filed, cast):
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        record_decision(filed, actor=cast.attorney, outcome="commutation_time_served", decided_on=TODAY)
    assert "confirmed" in refused.value.message_dict
    filed.refresh_from_db()
    assert filed.status == PetitionStatus.FILED and not filed.decisions.exists()
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("role", ["staff", "student", "read_only", "outsider"])
def test_only_an_attorney_or_admin_records_a_decision(filed, cast, role):
    with pytest.raises(PermissionDenied):
        record_decision(filed, actor=getattr(cast, role), confirmed=True, outcome="denied", decided_on=TODAY)
    filed.refresh_from_db()
    assert filed.status == PetitionStatus.FILED


def test_staff_cannot_grant_by_moving_the_petition(filed, cast):
    services.begin_review(filed, actor=cast.staff)
    with pytest.raises(ValidationError) as refused:
        services.move_petition(filed, PetitionStatus.GRANTED, actor=cast.attorney)
    assert "is a decision, not a move" in refused.value.message_dict["status"][0]


def test_a_commutation_updates_the_case_and_its_eligibility(filed, cast):
    case = filed.case
    Deadline.objects.create(case=case, kind="execution", date=TODAY + 40 * DAYS, title="Execution")
    # A commutation can also remit an unpaid fine or restitution (rulebook, 2nd edition): none is owed here.
    answer_fact(case, actor=cast.attorney, fact="unpaid_fine_or_restitution", value=False, source="record")
    before = {r.pathway.id: r.outcome.value for r in case_eligibility(case, as_of=TODAY).results}
    assert before["us.commutation"] != "INELIGIBLE"
    decision = record_decision(
        filed,
        actor=cast.attorney,
        confirmed=True,
        outcome="commutation_time_served",
        decided_on=TODAY - 5 * DAYS,
        decided_by=filed.deciding_office,
        new_release_date=TODAY - 2 * DAYS,
        conditions="Supervised release",
    )
    filed.refresh_from_db()
    case.person.refresh_from_db()
    assert filed.status == PetitionStatus.GRANTED and filed.decided_on == TODAY - 5 * DAYS
    assert case.person.custody_status == "released"
    assert Deadline.objects.get(case=case, kind="execution").done is True
    after = {r.pathway.id: r.outcome.value for r in case_eligibility(case, as_of=TODAY).results}
    assert after["us.commutation"] == "INELIGIBLE", "released: no longer serving a sentence to commute"
    assert after != before
    event = AuditEvent.objects.get(action="petition.decision_recorded")
    assert event.after["outcome"] == "commutation_time_served" and event.after["new_release_date"]
    assert decision.recorded_by_name == "Test Attorney"


def test_a_reprieve_moves_the_execution_date(filed, cast):
    execution = Deadline.objects.create(
        case=filed.case, kind="execution", date=TODAY + 10 * DAYS, title="Execution"
    )
    record_decision(
        filed, actor=cast.attorney, confirmed=True, outcome="reprieve", decided_on=TODAY, reprieve_days=30
    )
    execution.refresh_from_db()
    assert execution.date == TODAY + 40 * DAYS and execution.done is False
    assert "Reprieve of 30 days" in execution.notes


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"outcome": "reprieve"}, "reprieve_days"),
        ({"outcome": "commutation_term"}, "new_term_days"),
        ({"outcome": "denied", "new_release_date": TODAY}, "new_release_date"),
        ({"outcome": "denied", "decided_on": TODAY + DAYS}, "decided_on"),
        ({"outcome": "denied", "decided_on": TODAY - 200 * DAYS}, "decided_on"),
    ],
)
def test_inconsistent_terms_are_refused_naming_the_field(filed, cast, values, field):
    values.setdefault("decided_on", TODAY)
    with pytest.raises(ValidationError) as refused:
        record_decision(filed, actor=cast.attorney, confirmed=True, **values)
    assert field in refused.value.message_dict
    assert not PetitionDecision.objects.exists()


def test_a_draft_cannot_be_decided(federal_case, cast):
    petition = services.create_petition(
        case=federal_case, actor=cast.attorney, pathway="us.pardon", title="Pardon"
    )
    with pytest.raises(ValidationError) as refused:
        record_decision(petition, actor=cast.attorney, confirmed=True, outcome="denied", decided_on=TODAY)
    assert "only a filed petition" in refused.value.message_dict["outcome"][0]


def test_a_correction_needs_a_reason_and_keeps_the_old_decision(filed, cast):
    wrong = record_decision(filed, actor=cast.attorney, confirmed=True, outcome="denied", decided_on=TODAY)
    with pytest.raises(ValidationError) as refused:
        correct_decision(wrong, actor=cast.attorney, reason=" ", outcome="full_pardon", confirmed=True)
    assert "reason" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        correct_decision(wrong, actor=cast.staff, reason="Typo", outcome="full_pardon", confirmed=True)
    right = correct_decision(
        wrong,
        actor=cast.attorney,
        reason="Recorded on the wrong petition",
        outcome="full_pardon",
        confirmed=True,
    )
    wrong.refresh_from_db()
    filed.refresh_from_db()
    assert wrong.superseded and right.corrects == wrong and not right.superseded
    assert filed.status == PetitionStatus.GRANTED and filed.current_decision == right
    assert "Recorded on the wrong petition" in filed.history.last().note
    event = AuditEvent.objects.get(action="petition.decision_corrected")
    assert event.before["outcome"] == "denied" and event.after["outcome"] == "full_pardon"
    assert event.after["reason"] == "Recorded on the wrong petition"
    with pytest.raises(ValidationError):
        correct_decision(wrong, actor=cast.attorney, reason="Again", outcome="denied", confirmed=True)


def test_the_decide_page_asks_to_confirm_before_recording(client, filed, cast):
    client.force_login(cast.attorney)
    url = reverse("petitions:decide", args=[filed.pk])
    data = {
        "outcome": "commutation_time_served",
        "decided_on": TODAY.isoformat(),
        "decided_by_name": "The President",
        "new_release_date": TODAY.isoformat(),
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "Confirm and record" in response.content.decode()
    assert not PetitionDecision.objects.exists()
    response = client.post(url, {**data, "confirmed": "on"})
    assert response.status_code == 302
    assert PetitionDecision.objects.get().outcome == "commutation_time_served"
    page = client.get(reverse("petitions:detail", args=[filed.pk])).content.decode()
    assert "Granted: commutation to time served" in page and "New release date" in page


def test_the_decide_page_is_refused_to_staff(client, filed, cast):
    client.force_login(cast.staff)
    assert client.get(reverse("petitions:decide", args=[filed.pk])).status_code == 403
    page = client.get(reverse("petitions:detail", args=[filed.pk])).content.decode()
    assert "An attorney or an admin of the team records the decision" in page


def test_a_bad_date_on_the_decide_page_names_the_field(client, filed, cast):
    client.force_login(cast.attorney)
    response = client.post(
        reverse("petitions:decide", args=[filed.pk]),
        {"outcome": "denied", "decided_on": "2026-02-30", "confirmed": "on"},
    )
    assert response.status_code == 400 and "decided_on" in response.context["form"].errors


def test_a_categorical_action_links_many_cases_in_one_step(cast, federal_case, other_case):
    from clemency.petitions.tests.conftest import make_case

    second = make_case(cast.team, "Bea", "Fictional")
    with pytest.raises(ValidationError):
        record_categorical_action(
            team=cast.team, actor=cast.attorney, title="Proclamation", outcome="full_pardon", decided_on=TODAY
        )
    action = record_categorical_action(
        team=cast.team,
        actor=cast.attorney,
        confirmed=True,
        title="Proclamation",
        outcome="full_pardon",
        decided_on=TODAY,
        source="Fictional Fed. Reg.",
    )
    assert link_cases(action, [federal_case, second], actor=cast.attorney) == 2
    assert link_cases(action, [federal_case], actor=cast.attorney) == 0
    with pytest.raises(ValidationError):
        link_cases(action, [other_case], actor=cast.attorney)
    with pytest.raises(PermissionDenied):
        link_cases(action, [second], actor=cast.staff)
    assert set(action.cases.all()) == {federal_case, second}
    assert AuditEvent.objects.filter(action="categorical_action.case_linked").count() == 2


def test_linking_from_a_filtered_case_list_needs_a_filter(client, cast, federal_case):
    action = CategoricalAction.objects.create(
        team=cast.team, title="Commutations", outcome="commutation_term", decided_on=TODAY
    )
    client.force_login(cast.attorney)
    url = reverse("petitions:action-link", args=[action.pk])
    client.post(url, {})
    assert action.cases.count() == 0
    client.post(url, {"q": "Ada"})
    assert list(action.cases.all()) == [federal_case]
