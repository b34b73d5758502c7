"""GET /api/cases/{id}/eligibility/ and GET/PATCH /api/cases/{id}/facts/."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from clemency.cases import services
from clemency.cases.facts import convictions_to_facts
from clemency.cases.models import FactAnswer
from clemency.cases.tests import factories


@pytest.fixture
def api(cast):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=cast.attorney)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def case(cast):
    case = factories.case(cast.team, person_values={"birth_date": datetime.date(1968, 7, 4)})
    factories.federal_conviction(case, sentence={"sentence_type": "term", "sentence_term_days": 3650})
    return case


def test_eligibility_is_the_same_json_as_clemency_explain(api, case, tmp_path, capsys):
    response = api.get(f"/api/cases/{case.pk}/eligibility/?as_of=2026-06-01&pathway=us.pardon")
    assert response.status_code == 200
    facts_file = tmp_path / "facts.json"
    facts = {
        k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in convictions_to_facts(case).items()
    }
    facts_file.write_text(json.dumps(facts))
    capsys.readouterr()
    call_command(
        "explain",
        "--facts",
        str(facts_file),
        "--as-of",
        "2026-06-01",
        "--pathway",
        "us.pardon",
        "--format",
        "json",
    )
    assert response.json() == json.loads(capsys.readouterr().out)


def test_eligibility_refuses_an_impossible_as_of_date(api, case):
    response = api.get(f"/api/cases/{case.pk}/eligibility/?as_of=2026-02-30")
    assert response.status_code == 400 and "as_of" in response.json()
    assert api.get(f"/api/cases/{case.pk}/eligibility/?pathway=us.nothing").status_code == 400


def test_facts_are_read_with_their_origin(api, case):
    body = api.get(f"/api/cases/{case.pk}/facts/").json()
    assert body["facts"]["jurisdiction"]["value"] == "us"
    assert body["facts"]["jurisdiction"]["origin"] == "derived"
    assert "conviction 1" in body["facts"]["jurisdiction"]["derived_from"]
    assert body["facts"]["pending_charges"] == {
        "value": None,
        "origin": "unknown",
        "derived_value": None,
        "derived_from": "",
        "answer_source": "",
        "answer_source_detail": "",
        "answered_by": "",
        "answered_at": None,
    }


def test_patch_records_answers(api, case, cast):
    response = api.patch(
        f"/api/cases/{case.pk}/facts/",
        {
            "answers": {
                "pending_charges": False,
                "terminal_illness": None,
                "warden_request_date": "2026-01-05",
            },
            "source": "record",
            "source_detail": "BOP records",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["facts"]["warden_request_date"]["value"] == "2026-01-05"
    assert FactAnswer.objects.filter(case=case, current=True).count() == 3
    assert FactAnswer.objects.get(case=case, fact="pending_charges").author == cast.attorney


@pytest.mark.parametrize(
    ("answers", "fact", "words"),
    [
        ({"pending_charges": "no"}, "pending_charges", "true or false"),
        ({"not_a_fact": 1}, "not_a_fact", "not a fact"),
        ({"warden_request_date": "2026-02-30"}, "warden_request_date", "not a real date"),
        ({"jail_credit_days": 1.5}, "jail_credit_days", "whole number"),
        ({"offense_date": "1950-01-01"}, "offense_date", "birth_date"),
    ],
)
def test_patch_refuses_a_bad_answer_naming_the_fact_and_changes_nothing(api, case, answers, fact, words):
    response = api.patch(
        f"/api/cases/{case.pk}/facts/",
        {"answers": {"terminal_illness": True, **answers}, "source": "record"},
        format="json",
    )
    assert response.status_code == 400
    named = response.json()["answers"]
    assert fact in named and words in " ".join(named[fact])
    assert not FactAnswer.objects.exists()


def test_patch_needs_a_source_and_a_writer(api, case, cast):
    assert (
        api.patch(
            f"/api/cases/{case.pk}/facts/", {"answers": {"pending_charges": False}}, format="json"
        ).status_code
        == 400
    )
    reader = APIClient()
    token, _ = Token.objects.get_or_create(user=cast.read_only)
    reader.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    refused = reader.patch(
        f"/api/cases/{case.pk}/facts/",
        {"answers": {"pending_charges": False}, "source": "record"},
        format="json",
    )
    assert refused.status_code == 403 and not FactAnswer.objects.exists()
    services.update_case(case, actor=cast.attorney, title="Still readable")
    assert reader.get(f"/api/cases/{case.pk}/facts/").status_code == 200
