from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from clemency.audit.models import AuditEvent
from clemency.cases import services
from clemency.cases.models import CASE_TRANSITIONS, CaseStatus
from clemency.cases.tests import factories


def test_a_case_moves_along_the_pipeline_with_a_history_row_per_move(cast):
    case = factories.case(cast.team, cast.attorney)
    for status in ["screening", "accepted", "active", "filed", "decided", "closed"]:
        services.move_case(case, actor=cast.attorney, to_status=status)
    assert case.status == CaseStatus.CLOSED
    moves = [(c.from_status, c.to_status) for c in case.status_changes.order_by("id")]
    assert moves[0] == ("intake", "screening") and moves[-1] == ("decided", "closed")
    assert len(moves) == 6
    assert AuditEvent.objects.filter(action="case.move", case_id=case.pk).count() == 6


def test_a_wrong_move_is_refused_with_the_allowed_moves(cast):
    case = factories.case(cast.team)
    with pytest.raises(ValidationError) as error:
        services.move_case(case, actor=cast.attorney, to_status="filed")
    message = error.value.message_dict["to_status"][0]
    assert "A case in Intake cannot move to Filed" in message
    assert "Screening" in message
    case.refresh_from_db()
    assert case.status == "intake" and not case.status_changes.exists()


def test_declining_needs_a_reason(cast):
    case = factories.case(cast.team)
    with pytest.raises(ValidationError) as error:
        services.move_case(case, actor=cast.attorney, to_status="declined", reason="  ")
    assert "reason" in error.value.message_dict
    services.move_case(case, actor=cast.attorney, to_status="declined", reason="Outside our jurisdiction")
    case.refresh_from_db()
    assert case.status == "declined" and case.declined_reason == "Outside our jurisdiction"
    assert case.status_changes.get().reason == "Outside our jurisdiction"


def test_an_unknown_status_is_refused(cast):
    case = factories.case(cast.team)
    with pytest.raises(ValidationError) as error:
        services.move_case(case, actor=cast.attorney, to_status="pardoned")
    assert "is not a case status" in error.value.message_dict["to_status"][0]


def test_a_closed_case_moves_nowhere(cast):
    case = factories.case(cast.team)
    services.move_case(case, actor=None, to_status="closed")
    assert CASE_TRANSITIONS[CaseStatus.CLOSED] == frozenset()
    with pytest.raises(ValidationError) as error:
        services.move_case(case, actor=None, to_status="intake")
    assert "nothing (it is closed)" in error.value.message_dict["to_status"][0]


def test_every_status_has_a_transition_row():
    assert set(CASE_TRANSITIONS) == set(CaseStatus.values)
