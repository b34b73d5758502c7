"""The case's story in one place: petitions and their moves, decisions, outreach, deadlines met and
missed, documents filed and categorical actions, in date order. Each entry is read through the app
that owns it; privileged summaries and documents appear only as the reader may see them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone


class Kind:
    PETITION = "petition"
    DECISION = "decision"
    OUTREACH = "outreach"
    DEADLINE = "deadline"
    DOCUMENT = "document"


KIND_LABELS = {
    Kind.PETITION: "Petitions and moves",
    Kind.DECISION: "Decisions",
    Kind.OUTREACH: "Outreach",
    Kind.DEADLINE: "Deadlines",
    Kind.DOCUMENT: "Documents",
}


@dataclass(frozen=True)
class Entry:
    date: datetime.date
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    state: str = ""  # for deadlines: met, missed, due

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def case_timeline(
    case: Any, *, actor: Any, kinds: set[str] | None = None, today: datetime.date | None = None
) -> list[Entry]:
    """Every event of the case the reader may see, oldest first; `kinds` limits which."""
    from clemency.advocacy.services import outreach_for_reader

    kinds = kinds or set(KIND_LABELS)
    today = today or timezone.localdate()
    entries: list[Entry] = []
    if Kind.PETITION in kinds:
        from clemency.petitions.models import PetitionStatusChange

        for change in PetitionStatusChange.objects.filter(petition__case=case).select_related("petition"):
            verb = "Created" if not change.from_status else f"Moved to {change.get_to_status_display()}"
            entries.append(
                Entry(
                    _local_date(change.at),
                    Kind.PETITION,
                    f"{change.petition}: {verb}",
                    " · ".join(part for part in (change.note, f"by {change.actor_name}") if part),
                    reverse("petitions:detail", args=[change.petition_id]),
                )
            )
    if Kind.DECISION in kinds:
        from clemency.petitions.models import PetitionDecision

        for decision in PetitionDecision.objects.filter(petition__case=case).select_related(
            "petition", "decided_by"
        ):
            who = decision.decided_by_name or (str(decision.decided_by) if decision.decided_by else "")
            detail = " · ".join(
                part
                for part in (
                    f"by {who}" if who else "",
                    f"new release date {decision.new_release_date:%Y-%m-%d}"
                    if decision.new_release_date
                    else "",
                    decision.conditions,
                    f"superseded: {decision.corrected_by.correction_reason}"
                    if decision.superseded and hasattr(decision, "corrected_by")
                    else "",
                )
                if part
            )
            entries.append(
                Entry(
                    decision.decided_on,
                    Kind.DECISION,
                    f"{decision.petition}: {decision.get_outcome_display()}",
                    detail,
                    reverse("petitions:detail", args=[decision.petition_id]),
                    "superseded" if decision.superseded else "",
                )
            )
        for action in case.categorical_actions.all():
            entries.append(
                Entry(
                    action.decided_on,
                    Kind.DECISION,
                    f"{action.title}: {action.get_outcome_display()}",
                    action.source,
                    reverse("petitions:action-detail", args=[action.pk]),
                )
            )
    if Kind.OUTREACH in kinds:
        contacts = list(case.outreach.select_related("case", "office", "office_member"))
        for item in outreach_for_reader(contacts, actor=actor):
            summary = "(privileged)" if getattr(item, "summary_hidden", False) else item.summary
            detail = " · ".join(
                part
                for part in (
                    f"{item.get_channel_display()} with {item.who}",
                    item.get_status_display(),
                    summary,
                    item.outcome,
                )
                if part
            )
            entries.append(
                Entry(
                    item.date,
                    Kind.OUTREACH,
                    item.subject,
                    detail,
                    reverse("advocacy:outreach-detail", args=[item.pk]),
                )
            )
    if Kind.DEADLINE in kinds:
        for deadline in case.deadlines.all():
            if deadline.done:
                state = "met"
            elif deadline.date < today:
                state = "missed"
            else:
                state = "due"
            entries.append(
                Entry(
                    deadline.date,
                    Kind.DEADLINE,
                    f"{deadline.get_kind_display()}: {deadline.title}",
                    deadline.source,
                    reverse("deadlines:edit", args=[deadline.pk]),
                    state,
                )
            )
    if Kind.DOCUMENT in kinds:
        from clemency.accounts.access import privileged_filter

        for document in case.documents.filter(privileged_filter(actor)):
            entries.append(
                Entry(
                    _local_date(document.uploaded_at),
                    Kind.DOCUMENT,
                    document.title,
                    document.get_kind_display(),
                    reverse("documents:detail", args=[document.pk]),
                )
            )
    return sorted(entries, key=lambda entry: (entry.date, list(KIND_LABELS).index(entry.kind)))
