"""Forms for the directory and the outreach log. Choices list only what the user may see; the
services check again (a stale or forged form is refused with a message naming the field)."""

from __future__ import annotations

from typing import Any

from django import forms

from clemency.accounts.models import User
from clemency.advocacy.models import Office, OfficeMember, Outreach
from clemency.advocacy.selectors import visible_offices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class OfficeForm(forms.ModelForm):
    # An address typed without a scheme is read as https, the web's default now.
    web_form_url = forms.URLField(label="Web form", required=False, assume_scheme="https", max_length=200)
    website_url = forms.URLField(label="Website", required=False, assume_scheme="https", max_length=200)
    citations_text = forms.CharField(
        label="Citations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One citation a line, e.g. Tex. Const. art. IV, sec. 11",
    )
    reason = forms.CharField(
        label="Why the change",
        required=False,
        help_text="Kept in the entry's history, e.g. new counsel named",
    )

    class Meta:
        model = Office
        fields = [
            "jurisdiction",
            "name",
            "kind",
            "role",
            "role_note",
            "address",
            "email",
            "phone",
            "web_form_url",
            "website_url",
            "accepts",
            "notes",
            "active",
        ]
        widgets = {
            "role_note": forms.Textarea(attrs={"rows": 2}),
            "address": forms.Textarea(attrs={"rows": 3}),
            "accepts": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["citations_text"].initial = "\n".join(self.instance.citations or [])
        else:
            del self.fields["reason"]

    def service_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("reason", None)
        text = data.pop("citations_text", "") or ""
        data["citations"] = [line.strip() for line in text.splitlines() if line.strip()]
        return data


class MemberForm(forms.ModelForm):
    class Meta:
        model = OfficeMember
        fields = ["name", "title", "email", "phone", "served_from", "served_to", "notes"]
        widgets = {"served_from": DATE, "served_to": DATE, "notes": forms.Textarea(attrs={"rows": 2})}


class OutreachForm(forms.ModelForm):
    class Meta:
        model = Outreach
        fields = [
            "date",
            "time",
            "duration_minutes",
            "channel",
            "status",
            "team_members",
            "office",
            "office_member",
            "counterpart",
            "petition",
            "parent",
            "subject",
            "summary",
            "summary_privileged",
            "outcome",
            "next_step",
            "follow_up_on",
        ]
        widgets = {
            "date": DATE,
            "time": TIME,
            "follow_up_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
            "next_step": forms.Textarea(attrs={"rows": 2}),
            "team_members": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args: Any, case: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["team_members"].queryset = User.objects.filter(memberships__team_id=case.team_id).order_by(
            "full_name", "username"
        )
        offices = visible_offices(user).filter(active=True).order_by("jurisdiction", "name")
        fields["office"].queryset = offices
        fields["office"].label_from_instance = lambda office: (
            f"{office.name} ({office.get_jurisdiction_display()})"
        )
        fields["office_member"].queryset = OfficeMember.objects.filter(office__in=offices).select_related(
            "office"
        )
        fields["office_member"].label_from_instance = lambda member: f"{member} — {member.office}"
        fields["petition"].queryset = case.petitions.all()
        fields["parent"].queryset = case.outreach.all()
        fields["parent"].label = "Follows up"
        fields["duration_minutes"].widget.attrs["min"] = 0
