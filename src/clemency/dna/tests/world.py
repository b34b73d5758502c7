"""The DNA testing records of the generated permission tests' world (web/tests/permission_registry.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def dna_objects(case: Any, marker: str) -> dict[str, Any]:
    from clemency.dna.models import EvidenceItem, LabTest, Step, TestingRequest

    evidence = EvidenceItem.objects.create(case=case, description=f"Swab {marker}", held_at="Crime lab")
    request = TestingRequest.objects.create(
        case=case, title=f"DNA motion {marker}", filed_on=dt.date(2026, 1, 5), court="Circuit Court"
    )
    request.evidence.add(evidence)
    step = Step.objects.create(
        request=request, kind="response", from_whom="District attorney", due_on=dt.date(2026, 4, 5)
    )
    test = LabTest.objects.create(request=request, lab_name=f"Lab {marker}", method="str")
    return {"dna_evidence": evidence, "dna_request": request, "dna_step": step, "dna_test": test}
