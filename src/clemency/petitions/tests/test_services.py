from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clemency.audit.models import AuditEvent
from clemency.petitions import services
from clemency.petitions.decisions import record_decision
from clemency.petitions.models import Petition, PetitionStatus, validate_pathway


def _draft(case, actor):
    return services.create_petition(
        case=case,
        actor=actor,
        pathway="us.commutation",
        title="Petition for commutation",
        deciding_authority="The President",
    )


def test_a_new_petition_is_a_draft_with_its_first_history_row_and_an_audit_event(case, cast):
    petition = _draft(case, cast.attorney)
    assert petition.status == PetitionStatus.DRAFT
    [row] = petition.history.all()
    assert (row.from_status, row.to_status, row.actor_id) == ("", "draft", cast.attorney.pk)
    event = AuditEvent.objects.get(action="petition.created")
    assert event.case_id == case.pk and event.team_id == cast.team.pk and event.actor_id == cast.attorney.pk


def test_it_moves_through_the_pipeline_to_granted_recording_every_move(case, cast):
    petition = _draft(case, cast.attorney)
    today = timezone.localdate()
    services.file_petition(
        petition, actor=cast.attorney, on=today - datetime.timedelta(days=10), note="Mailed"
    )
    services.begin_review(petition, actor=cast.staff)
    record_decision(
        petition, actor=cast.attorney, confirmed=True, outcome="commutation_time_served", decided_on=today
    )
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.GRANTED
    assert petition.filed_on == today - datetime.timedelta(days=10)
    assert petition.decided_on == today
    moves = [(row.from_status, row.to_status, row.actor_name, row.note) for row in petition.history.all()]
    assert moves[1:] == [
        ("draft", "filed", "Test Attorney", "Mailed"),
        ("filed", "under_review", "Test Staff", ""),
        ("under_review", "granted", "Test Attorney", "Granted: commutation to time served"),
    ]
    assert AuditEvent.objects.filter(action="petition.moved", object_id=str(petition.pk)).count() == 3


@pytest.mark.parametrize("path", [[], ["filed"], ["filed", "under_review"]])
def test_it_can_be_withdrawn_from_draft_filed_or_under_review(case, cast, path):
    petition = _draft(case, cast.attorney)
    for status in path:
        petition = services.move_petition(petition, status, actor=cast.attorney)
    petition = services.withdraw_petition(petition, actor=cast.attorney, note="Client asked")
    assert petition.status == PetitionStatus.WITHDRAWN


def test_a_wrong_move_is_refused_naming_status_and_changes_nothing(case, cast):
    petition = _draft(case, cast.attorney)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.move_petition(petition, PetitionStatus.UNDER_REVIEW, actor=cast.attorney)
    message = refused.value.message_dict["status"][0]
    assert "Draft cannot move to Under review" in message and "Filed, Withdrawn" in message
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.DRAFT and petition.decided_on is None
    assert petition.history.count() == 1 and AuditEvent.objects.count() == events


@pytest.mark.parametrize("final", ["granted", "denied", "withdrawn"])
def test_a_final_status_cannot_move_again(case, cast, final):
    petition = _draft(case, cast.attorney)
    Petition.objects.filter(pk=petition.pk).update(status=final)
    with pytest.raises(ValidationError, match="final"):
        services.move_petition(petition, PetitionStatus.FILED, actor=cast.attorney)


def test_an_unknown_status_is_refused(case, cast):
    petition = _draft(case, cast.attorney)
    with pytest.raises(ValidationError) as refused:
        services.move_petition(petition, "lost", actor=cast.attorney)
    assert "status" in refused.value.message_dict


def test_a_filing_date_in_the_future_is_refused(case, cast):
    petition = _draft(case, cast.attorney)
    with pytest.raises(ValidationError) as refused:
        services.file_petition(
            petition, actor=cast.attorney, on=timezone.localdate() + datetime.timedelta(days=1)
        )
    assert "future" in refused.value.message_dict["on"][0]
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.DRAFT and petition.filed_on is None


def test_a_decision_before_the_filing_is_refused(case, cast):
    petition = _draft(case, cast.attorney)
    today = timezone.localdate()
    services.file_petition(petition, actor=cast.attorney, on=today - datetime.timedelta(days=5))
    services.begin_review(petition, actor=cast.attorney)
    with pytest.raises(ValidationError) as refused:
        record_decision(
            petition, actor=cast.attorney, confirmed=True, outcome="denied",
            decided_on=today - datetime.timedelta(days=6),
        )
    assert "before the petition was filed" in refused.value.message_dict["decided_on"][0]
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.UNDER_REVIEW


@pytest.mark.parametrize(
    "good",
    [
        "us.commutation",
        "us-wi.pardon",
        "us.compassionate_release.age",
        "us-dc.commutation",
        "us.zero_point_reduction.amendment_821",
    ],
)
def test_good_pathway_ids_pass(good):
    validate_pathway(good)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "commutation",
        "US.commutation",
        "us.",
        "us..x",
        "us.a.b.c",
        "federal.pardon",
        "us-wisconsin.pardon",
        "us.Commutation",
        "us.2x",
    ],
)
def test_malformed_pathway_ids_are_refused_naming_the_field(case, cast, bad):
    with pytest.raises(ValidationError) as refused:
        services.create_petition(
            case=case, actor=cast.attorney, pathway=bad, title="T", deciding_authority="A"
        )
    assert "pathway" in refused.value.message_dict
    assert not Petition.objects.exists()


def test_update_changes_the_description_but_not_the_status(case, cast):
    petition = _draft(case, cast.attorney)
    petition = services.update_petition(petition, actor=cast.attorney, title="Renamed", pathway="us.pardon")
    assert (petition.title, petition.pathway) == ("Renamed", "us.pardon")
    with pytest.raises(ValidationError) as refused:
        services.update_petition(petition, actor=cast.attorney, status="granted")
    assert "status" in refused.value.message_dict
    event = AuditEvent.objects.get(action="petition.updated")
    assert event.before["title"] == "Petition for commutation" and event.after["title"] == "Renamed"
