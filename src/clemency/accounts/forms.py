"""Forms of team administration: each one's fields go to one service in `team_admin`."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm
from django import forms

from clemency.accounts.models import Role, Team, TeamAttorney

LOGO_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG"}
LOGO_MAX_BYTES = 1_000_000


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail", max_length=254)
    role = forms.ChoiceField(choices=Role.choices, initial=Role.STAFF)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


class ActiveForm(forms.Form):
    active = forms.TypedChoiceField(choices=[("true", "Active"), ("false", "Deactivated")],
                                    coerce=lambda value: value == "true")


class AcceptInvitationForm(forms.Form):
    username = forms.CharField(max_length=150, help_text="Letters, digits and @ . + - _ only.",
                               widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}))
    full_name = forms.CharField(label="Full name", max_length=200, required=False,
                                widget=forms.TextInput(attrs={"autocomplete": "name"}))
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               max_length=200)
    password_again = forms.CharField(label="Password again", max_length=200,
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", "The two passwords differ.")
        return data


class TeamSettingsForm(forms.ModelForm):
    logo = forms.FileField(required=False, help_text="PNG or JPEG, at most 1 MB.")
    remove_logo = forms.BooleanField(required=False, label="Remove the logo")

    class Meta:
        model = Team
        fields = ["organisation", "letterhead_address", "letterhead_phone", "letterhead_email",
                  "signature_block"]
        labels = {"organisation": "Organisation"}
        help_texts = {"organisation": "The name printed at the top of every letter."}
        widgets = {"letterhead_address": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
                   "signature_block": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}

    def clean_logo(self) -> Any:
        import filetype

        logo = self.cleaned_data.get("logo")
        if logo is None:
            return None
        if logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(f"The logo is {logo.size:,} bytes; the limit is 1 MB.")
        head = logo.read(262)
        logo.seek(0)
        kind = filetype.guess(head)
        if kind is None or kind.mime not in LOGO_TYPES:
            found = f"a {kind.extension.upper()} file" if kind is not None else "not an image we can read"
            raise forms.ValidationError(f"The logo is {found}; upload a PNG or JPEG image.")
        return logo


class AttorneyForm(forms.ModelForm):
    class Meta:
        model = TeamAttorney
        fields = ["name", "bar_number", "bar_jurisdiction", "email", "phone", "position"]


class TeamCreateForm(forms.Form):
    name = forms.CharField(max_length=200)
    organisation = forms.CharField(max_length=200, required=False)


class CaseTransferForm(forms.Form):
    case: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, empty_label="Choose a case")  # type: ignore[arg-type]
    to_team = forms.ModelChoiceField(label="Move to team", queryset=Team.objects.all(),
                                     empty_label="Choose a team")

    def __init__(self, *args: Any, cases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases  # type: ignore[attr-defined]


class SignInForm(LoginForm):
    """allauth's sign-in form, with the cursor in the username field when the page opens."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].widget.attrs["autofocus"] = True
