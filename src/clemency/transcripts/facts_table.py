"""The facts of an analysis and its speaker map, edited as tables on the page instead of YAML.

Each row of the facts table is one fact; the rows become the same YAML a lawyer could upload (so
the library reads one format), and the library's messages name the fact and the column to fix.
A cue that is one common word with other senses ("head", "fire") is accepted with a warning.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

CUE_HELP = (
    "One cue per line. In a cue, “+” joins parts that must all appear in the same answer and “|” "
    "separates alternatives: “shot | shoot + head” matches “he shot him in the head”."
)
TRUTH_CHOICES = [("unknown", "Unknown"), ("true", "True"), ("false", "False")]
ROLE_CHOICES = [("interrogator", "Interrogator"), ("suspect", "Suspect"), ("other", "Other")]
MAX_ROWS = 200

# Single words that also mean something else in an interrogation ("head" of a bed, "fire" a
# worker, "shot" of whisky): as a cue alone they match those senses too.
POLYSEMOUS_WORDS = frozenset({
    "head", "fire", "shot", "shoot", "cut", "hit", "run", "ran", "back", "bag", "bar", "bed", "car", "case",
    "cell", "charge", "door", "drop", "face", "hand", "hold", "iron", "key", "knife", "lead", "line",
    "mark", "note", "park", "rope", "room", "saw", "sign", "stab", "stick", "strike", "tape", "tie",
    "trunk", "watch", "window", "blow", "blood", "burn", "light", "beat", "box", "gun", "neck",
})

EXAMPLE_FACTS: list[dict[str, Any]] = [
    {"id": "shot_in_head", "statement": "The victim was shot in the head.", "cues": "shot | shoot + head",
     "exclusions": "shakes head\nnods head", "hints": "", "public": False, "public_since": None,
     "truth": "true"},
    {"id": "back_door", "statement": "The killer came in through the back door.",
     "cues": "back door\nkitchen door + open", "exclusions": "", "hints": "door", "public": True,
     "public_since": dt.date(2006, 3, 2), "truth": "unknown"},
]
EXAMPLE_SPEAKERS: list[dict[str, Any]] = [
    {"name": "Det. Marlow", "role": "interrogator", "spellings": "MARLOW\nMARLOWE\nDET. MARLOW"},
    {"name": "Jordan Reyes", "role": "suspect", "spellings": "REYES\nJORDAN"},
]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class FactRowForm(forms.Form):
    id = forms.SlugField(label="Id", max_length=64, required=False,
                         help_text="Lower-case letters, digits, _ or -; unique")
    statement = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    cues = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=CUE_HELP)
    exclusions = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Phrases of other senses, one per line, ignored wherever they appear")
    hints = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text="Words that point at the fact without stating it, one per line")
    public = forms.BooleanField(label="Public", required=False,
                                help_text="Reported publicly before the interrogation")
    public_since = forms.DateField(label="Public since", required=False, widget=forms.DateInput(
        attrs={"type": "date"}), help_text="YYYY-MM-DD")
    truth = forms.ChoiceField(label="True?", choices=TRUTH_CHOICES, initial="unknown")

    def has_content(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return any(data.get(name) for name in ("id", "statement", "cues"))

    def as_fact(self) -> dict[str, Any]:
        data = self.cleaned_data
        truth = {"true": True, "false": False}.get(data["truth"])
        fact: dict[str, Any] = {"id": data["id"], "statement": data["statement"],
                                "public": bool(data["public"]), "true": truth, "cues": _lines(data["cues"])}
        if data.get("public_since"):
            fact["public_since"] = data["public_since"].isoformat()
        for name in ("exclusions", "hints"):
            if _lines(data[name]):
                fact[name] = _lines(data[name])
        return fact


class SpeakerRowForm(forms.Form):
    name = forms.CharField(max_length=200, required=False)
    role = forms.ChoiceField(choices=ROLE_CHOICES, initial="other")
    spellings = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                help_text="How the transcript writes the name, one per line")

    def has_content(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return bool(data.get("name") or data.get("spellings"))


FactFormSet = forms.formset_factory(FactRowForm, extra=3, max_num=MAX_ROWS, validate_max=True)
SpeakerFormSet = forms.formset_factory(SpeakerRowForm, extra=2, max_num=MAX_ROWS, validate_max=True)


def fact_formset(data: Any = None, *, example: bool = False) -> Any:
    return FactFormSet(data, prefix="fact", initial=EXAMPLE_FACTS if example else None)


def speaker_formset(data: Any = None, *, example: bool = False) -> Any:
    return SpeakerFormSet(data, prefix="speaker", initial=EXAMPLE_SPEAKERS if example else None)


def facts_yaml(formset: Any) -> str | None:
    """The table's facts as the facts file's YAML, or None when the table is empty."""
    if not formset.is_bound:
        return None
    facts = [form.as_fact() for form in formset.forms if form.has_content()]
    if not facts:
        return None
    return yaml.safe_dump(facts, sort_keys=False, allow_unicode=True)


def speakers_yaml(formset: Any) -> str | None:
    if not formset.is_bound:
        return None
    people = []
    for form in formset.forms:
        if not form.has_content():
            continue
        data = form.cleaned_data
        people.append({"name": data["name"], "role": data["role"], "spellings": _lines(data["spellings"])})
    if not people:
        return None
    return yaml.safe_dump({"speakers": people}, sort_keys=False, allow_unicode=True)


def as_upload(text: str, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/yaml")


def polysemous_cue_warnings(formset: Any) -> list[str]:
    """A warning for each cue that is one common word with other senses."""
    warnings: list[str] = []
    if not formset.is_bound:
        return warnings
    for form in formset.forms:
        if not form.has_content():
            continue
        for cue in _lines(form.cleaned_data["cues"]):
            if "+" in cue:
                continue
            words = [alternative.strip().lower() for alternative in cue.split("|")]
            common = [word for word in words if word in POLYSEMOUS_WORDS]
            if common and len(words) == len(common):
                fact = form.cleaned_data["id"] or form.cleaned_data["statement"][:40]
                warnings.append(
                    f"Fact {fact}: the cue “{cue}” is a single common word with other senses, so it will "
                    f"match “{common[0]}” in those senses too. Join it with “+” to another word of the fact "
                    "(“shot + head”) or add exclusions for the other senses."
                )
    return warnings


def speaker_rows(speakers_yaml_text: str) -> list[dict[str, Any]]:
    """A speaker map's YAML as the table's initial rows ([] when it cannot be read as a map)."""
    try:
        data = yaml.safe_load(speakers_yaml_text or "")
    except yaml.YAMLError:
        return []
    people = data.get("speakers") if isinstance(data, dict) else data
    if not isinstance(people, list):
        return []
    rows = []
    for person in people:
        if not isinstance(person, dict):
            continue
        spellings = person.get("spellings") or []
        rows.append({
            "name": str(person.get("name") or ""),
            "role": person.get("role") if person.get("role") in dict(ROLE_CHOICES) else "other",
            "spellings": ("\n".join(str(s) for s in spellings) if isinstance(spellings, list)
                          else str(spellings)),
        })
    return rows[:MAX_ROWS]


def correction_formset(data: Any = None, *, speakers_yaml_text: str = "") -> Any:
    """The speaker table of the analysis page: the map in use (given or proposed) as its rows."""
    initial = None if data is not None else speaker_rows(speakers_yaml_text)
    return SpeakerFormSet(data, prefix="speaker", initial=initial)
