from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from clemency.audit.models import AuditEvent
from clemency.cases.services import add_conviction
from clemency.deadlines.models import Deadline
from clemency.dna import services
from clemency.dna.models import EvidenceItem, TestingRequest
from clemency.dna.selectors import durations, stalled_steps

pytestmark = pytest.mark.django_db
D = dt.date


def _request(case: Any, actor: Any, **values: Any) -> TestingRequest:
    values.setdefault("title", "Motion for DNA testing (Penal Code 1405)")
    values.setdefault("filed_on", D(2019, 3, 4))
    values.setdefault("court", "Superior Court, Alameda County")
    return services.file_request(case=case, actor=actor, **values)


def test_filing_a_request_is_audited_and_a_bad_date_changes_nothing(case: Any, cast: Any) -> None:
    request = _request(case, cast.attorney)
    assert AuditEvent.objects.filter(action="dna.request.filed", object_id=str(request.pk)).exists()
    with pytest.raises(ValidationError) as raised:
        _request(case, cast.attorney, served_on=D(2019, 3, 1))
    assert "served_on" in raised.value.message_dict
    assert TestingRequest.objects.filter(case=case).count() == 1


def test_evidence_of_another_case_is_refused(case: Any, other_case: Any, cast: Any) -> None:
    foreign = EvidenceItem.objects.create(case=other_case, description="Hair")
    with pytest.raises(ValidationError) as raised:
        _request(case, cast.attorney, evidence=[foreign])
    assert "evidence" in raised.value.message_dict
    assert not TestingRequest.objects.filter(case=case).exists()


def test_served_date_makes_the_statutory_response_a_computed_deadline(case: Any, cast: Any) -> None:
    add_conviction(case, actor=cast.attorney, jurisdiction="us-ca", conviction_date=D(1999, 4, 12))
    served = dt.date.today() - dt.timedelta(days=10)
    _request(case, cast.attorney, filed_on=served, served_on=served)
    computed = Deadline.objects.get(case=case, computed_key="us-ca.dna_testing:response_due")
    assert computed.date == served + dt.timedelta(days=90)
    assert computed.citation == "Cal. Penal Code 1405(e)"


def test_durations_lead_with_days_since_request_order_and_location(case: Any, cast: Any) -> None:
    item = services.add_evidence(
        case=case, actor=cast.attorney, description="Sexual assault kit", last_located_on=D(2020, 1, 2)
    )
    request = _request(case, cast.attorney, evidence=[item])
    services.record_step(
        request=request, actor=cast.attorney, kind="order", from_whom="Judge Reyes", occurred_on=D(2019, 9, 9)
    )
    services.record_step(
        request=request,
        actor=cast.attorney,
        kind="response",
        from_whom="District attorney",
        due_on=D(2020, 3, 1),
    )
    request.refresh_from_db()
    assert request.status == "ordered"
    found = durations(request, D(2026, 12, 3))
    assert found.days_since_request == (D(2026, 12, 3) - D(2019, 3, 4)).days
    assert found.days_since_order == (D(2026, 12, 3) - D(2019, 9, 9)).days
    assert found.days_since_evidence_located == (D(2026, 12, 3) - D(2020, 1, 2)).days
    assert found.awaited_words == "The state's response from District attorney"
    assert [s.from_whom for s in found.stalled] == ["District attorney"]
    assert stalled_steps(cast.attorney, D(2026, 12, 3)).count() == 1
    assert stalled_steps(cast.outsider, D(2026, 12, 3)).count() == 0


def test_an_awaited_step_becomes_a_calendar_deadline_and_is_done_with_it(case: Any, cast: Any) -> None:
    request = _request(case, cast.attorney)
    step = services.record_step(
        request=request, actor=cast.attorney, kind="hearing", from_whom="Court", due_on=D(2030, 5, 6)
    )
    assert step.deadline is not None and step.deadline.kind == "hearing"
    services.mark_step_done(step, actor=cast.attorney, occurred_on=D(2030, 5, 6))
    step.deadline.refresh_from_db()
    assert step.deadline.done


def test_a_step_needs_a_date(case: Any, cast: Any) -> None:
    request = _request(case, cast.attorney)
    with pytest.raises(ValidationError) as raised:
        services.record_step(request=request, actor=cast.attorney, kind="response", from_whom="DA")
    assert "due_on" in raised.value.message_dict


def test_a_result_needs_its_report_date_and_completes_the_request(case: Any, cast: Any) -> None:
    request = _request(case, cast.attorney)
    test = services.record_test(
        request=request, actor=cast.attorney, lab_name="Bode", method="y_str", sent_on=D(2024, 1, 2)
    )
    with pytest.raises(ValidationError) as raised:
        services.record_result(test, actor=cast.attorney, result="excludes")
    assert "result_on" in raised.value.message_dict
    test.refresh_from_db()
    assert test.result == "pending"
    services.record_result(
        test,
        actor=cast.attorney,
        result="excludes",
        result_on=D(2024, 6, 1),
        codis_searched=True,
        codis_result="Hit to a third party",
    )
    request.refresh_from_db()
    assert request.status == "completed"
    assert AuditEvent.objects.filter(action="dna.test.result").count() == 1
