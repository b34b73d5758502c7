from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from clemency.campaigns.models import Campaign, Letter, Outcome, Relationship, zip_validator
from clemency.campaigns.states import STATE_CHOICES
from clemency.campaigns.text import starts_like_a_formula

# Addresses of public pages that are not campaigns.
RESERVED_SLUGS = {"confirm", "signature", "unsubscribe", "new", "static"}


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "title",
            "slug",
            "person_name",
            "story",
            "ask",
            "data_holder",
            "retention_days",
            "goal_people",
            "goal_date",
        ]
        widgets = {
            "story": forms.Textarea(attrs={"rows": 10}),
            "goal_date": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "goal_people": "For a cohort campaign: how many people home",
            "goal_date": "…by this date",
        }

    def clean_slug(self) -> str:
        slug = str(self.cleaned_data["slug"]).lower()
        if slug in RESERVED_SLUGS:
            raise ValidationError(f"“{slug}” is kept for the site's own pages; choose another address.")
        return slug


class CampaignEditForm(CampaignForm):
    class Meta(CampaignForm.Meta):
        fields = [
            "title",
            "person_name",
            "story",
            "ask",
            "data_holder",
            "retention_days",
            "goal_people",
            "goal_date",
            "decision_maker_title",
        ]


class ConsentForm(forms.Form):
    document: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label="The client's signed consent (a document of the case)"
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from clemency.documents.models import Document

        self.fields["document"].queryset = Document.objects.filter(case_id=campaign.case_id)  # type: ignore[attr-defined]


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(choices=[c for c in Outcome.choices if c[0]], label="What happened")
    on = forms.DateField(label="On", widget=forms.DateInput(attrs={"type": "date"}))
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Shown on the page and sent to supporters who asked for updates",
    )


class UpdateForm(forms.Form):
    title = forms.CharField(max_length=200)
    posted_on = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), help_text="Markdown")
    email_supporters = forms.BooleanField(
        required=False, label="E-mail it to supporters who asked for updates"
    )


class PhotoForm(forms.Form):
    image = forms.FileField(
        label="Photo", help_text="JPEG, PNG or WebP; its metadata (place, camera) is removed"
    )
    alt_text = forms.CharField(max_length=300, label="Description for screen readers")
    caption = forms.CharField(max_length=300, required=False)


class SignForm(forms.Form):
    name = forms.CharField(max_length=120, label="Your name")
    email = forms.EmailField(
        max_length=254,
        label="Your e-mail address",
        help_text="We send a link to confirm your signature; never shown to anyone",
    )
    zip_code = forms.CharField(max_length=10, label="ZIP code", validators=[zip_validator])
    state = forms.ChoiceField(
        choices=[("", "Choose your state"), *STATE_CHOICES], label="State where you live"
    )
    comment = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why you sign (optional, seen only by the team)",
    )
    wants_updates = forms.BooleanField(required=False, label="E-mail me updates about this campaign")
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by bots that fill every field.
    website = forms.CharField(required=False, label="Leave this empty")
    altcha = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        if starts_like_a_formula(name):
            raise ValidationError(
                "A name cannot begin with = + - or @. Please write your name as you sign it."
            )
        return name


class LetterForm(forms.ModelForm):
    website = forms.CharField(required=False, label="Leave this empty")

    class Meta:
        model = Letter
        fields = [
            "writer_name",
            "writer_email",
            "writer_town",
            "relationship",
            "how_known",
            "support_on_release",
            "body",
            "keep_private",
        ]
        labels = {"writer_name": "Your name", "writer_email": "Your e-mail address"}
        widgets = {
            "how_known": forms.Textarea(attrs={"rows": 3}),
            "support_on_release": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "relationship": "Letters from jurors, prosecutors and victims' families carry the most weight",
            "support_on_release": "A home, a job, a ride to appointments, a church community…",
            "body": "Write to the decision maker in your own words: who they are today, why you support them",
            "keep_private": "The team delivers it but never shows it on the page",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = [("", "Choose"), *Relationship.choices]  # type: ignore[attr-defined]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("approve", "Approve: it becomes a document of the case"),
            ("return", "Return to the writer with a note"),
            ("reject", "Reject"),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when returning a letter: the writer receives it",
    )


class DeliveryForm(forms.Form):
    recipient = forms.CharField(max_length=200, help_text="Who the packet goes to")
    delivered_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate)
    cover_letter = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}))
    include_names = forms.BooleanField(required=False, label="List signers' names and states in the packet")


class InvalidateForm(forms.Form):
    address_hash = forms.CharField(required=False, max_length=64)
    domain = forms.CharField(required=False, max_length=254)
    hours = forms.IntegerField(min_value=1, max_value=24 * 7, initial=24, label="Signed in the last (hours)")
