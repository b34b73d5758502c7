"""Demonstration data: a fictional California death-row case whose DNA testing was ordered years ago and
is still pending. Fictional people, courts and laboratory."""

from __future__ import annotations

import datetime
from typing import Any

D = datetime.date
KEY = "california_death_dna"


def demo_case() -> Any:
    """The case itself, appended to web/demo.py's DEMO_CASES (imported late: web.demo defines DemoCase)."""
    from clemency.web.demo import DemoCase

    return DemoCase(
        key=KEY,
        person={
            "given_name": "Corwin",
            "family_name": "Ashdale",
            "birth_date": D(1961, 2, 14),
            "state_doc_number": "X-00417",
            "state_doc_jurisdiction": "us-ca",
            "facility": "Example State Prison (fictional)",
            "custody_status": "death_row",
        },
        case={
            "title": "Ashdale: DNA testing ordered, still not done",
            "source": "referral",
            "priority": 1,
            "summary": "California death sentence. Testing of the victim's fingernail scrapings and a "
            "hair was ordered years ago; the evidence has not been confirmed where it is since, and no "
            "result has come.",
        },
        conviction={
            "jurisdiction": "us-ca",
            "court": "Superior Court (fictional county)",
            "docket_number": "CR-1985-2231",
            "offense_date": D(1983, 6, 4),
            "conviction_date": D(1985, 1, 22),
            "sentencing_date": D(1985, 3, 1),
        },
        sentence={"sentence_type": "death", "custody_start_date": D(1983, 7, 30)},
        charges=[
            {
                "statute": "Cal. Penal Code 187",
                "description": "Murder",
                "offense_category": "violent",
                "offense_class": "Felony",
                "counts": 1,
            }
        ],
        status_path=["screening", "accepted", "active"],
    )


def seed(cases_by_key: dict[str, Any], actor: Any) -> int:
    """The evidence, the request, the order and the pending test; returns how many requests were made."""
    from clemency.dna import services

    case = cases_by_key.get(KEY)
    if case is None:
        return 0
    nails = services.add_evidence(
        case=case,
        actor=actor,
        description="Fingernail scrapings of the victim",
        collected_on=D(1983, 6, 5),
        collected_by="Coroner's investigator (fictional)",
        held_at="Sheriff's property room (fictional county)",
        custodian="Property sergeant, Sheriff's Department",
        last_located_on=D(2019, 1, 15),
        preservation_letter_sent_on=D(2016, 4, 1),
    )
    hair = services.add_evidence(
        case=case,
        actor=actor,
        description="Hair found in the victim's hand",
        collected_on=D(1983, 6, 5),
        collected_by="Crime scene technician (fictional)",
        held_at="Superior Court exhibit room (fictional)",
        custodian="Clerk of the Superior Court",
        last_located_on=D(2017, 9, 8),
        preservation_letter_sent_on=D(2016, 4, 1),
    )
    request = services.file_request(
        case=case,
        actor=actor,
        title="Motion for DNA testing under Penal Code 1405",
        pathway="us-ca.dna_testing",
        filed_on=D(2016, 5, 10),
        served_on=D(2016, 5, 12),
        court="Superior Court (fictional county)",
        judge="Judge Marisol Fenwick (fictional)",
        evidence=[nails, hair],
    )
    services.record_step(
        request=request,
        actor=actor,
        kind="response",
        from_whom="District attorney",
        due_on=D(2016, 8, 10),
        occurred_on=D(2016, 11, 2),
        summary="Opposed: argued identity was not in issue. Filed 84 days after the statutory 90.",
    )
    services.record_step(
        request=request,
        actor=actor,
        kind="order",
        from_whom="Judge Marisol Fenwick (fictional)",
        occurred_on=D(2018, 3, 19),
        summary="Testing ordered of both items, Y-STR and mitochondrial.",
    )
    test = services.record_test(
        request=request,
        actor=actor,
        lab_name="Example Forensic Laboratory (fictional)",
        lab_accreditation="ISO/IEC 17025 (fictional certificate)",
        method="y_str",
        items=[nails],
        sent_on=D(2019, 2, 1),
    )
    assert test.result == "pending"
    services.record_step(
        request=request,
        actor=actor,
        kind="lab_report",
        from_whom="Example Forensic Laboratory (fictional)",
        due_on=D(2019, 8, 1),
        summary="The laboratory's report on the Y-STR test (the order gave it six months).",
    )
    return 1
