from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from clemency.cases import services
from clemency.cases.models import Conviction, Sentence
from clemency.cases.tests import factories


@pytest.fixture
def case(cast):
    return factories.case(cast.team, cast.attorney)


@pytest.mark.parametrize("code", ["federal", "dc", "us-wi", "us-wy", "us-tx"])
def test_known_jurisdictions_are_accepted(cast, case, code):
    assert services.add_conviction(case, actor=cast.attorney, jurisdiction=code).jurisdiction == code


@pytest.mark.parametrize("code", ["us-zz", "wi", "US-WI", "state", "", "us-pr"])
def test_an_unknown_jurisdiction_is_refused_by_name(cast, case, code):
    with pytest.raises(ValidationError) as error:
        services.add_conviction(case, actor=cast.attorney, jurisdiction=code)
    assert "jurisdiction" in error.value.message_dict
    assert not Conviction.objects.exists()


def test_dates_must_run_in_order(cast, case):
    with pytest.raises(ValidationError) as error:
        services.add_conviction(
            case,
            actor=cast.attorney,
            jurisdiction="us-wi",
            offense_date=datetime.date(2001, 5, 1),
            conviction_date=datetime.date(2000, 1, 1),
        )
    assert "before the offense date" in error.value.message_dict["conviction_date"][0]


def test_a_sentencing_before_conviction_is_refused_even_without_offense_date(cast, case):
    with pytest.raises(ValidationError) as error:
        services.add_conviction(
            case,
            actor=cast.attorney,
            jurisdiction="federal",
            conviction_date=datetime.date(2000, 6, 1),
            sentencing_date=datetime.date(2000, 5, 1),
        )
    assert "sentencing_date" in error.value.message_dict


def test_a_term_needs_its_days_and_life_has_none(cast, case):
    conviction = factories.federal_conviction(case, cast.attorney)
    with pytest.raises(ValidationError) as error:
        services.set_sentence(conviction, actor=cast.attorney, sentence_type="term")
    assert "needs its length in days" in error.value.message_dict["sentence_term_days"][0]
    with pytest.raises(ValidationError) as error:
        services.set_sentence(conviction, actor=cast.attorney, sentence_type="life", sentence_term_days=3650)
    assert "leave it empty" in error.value.message_dict["sentence_term_days"][0]
    assert not Sentence.objects.exists()


@pytest.mark.parametrize("days", [0, -30])
def test_a_term_must_be_positive(cast, case, days):
    conviction = factories.federal_conviction(case, cast.attorney)
    with pytest.raises(ValidationError) as error:
        services.set_sentence(conviction, actor=cast.attorney, sentence_type="term", sentence_term_days=days)
    assert "sentence_term_days" in error.value.message_dict


@pytest.mark.parametrize(("level", "ok"), [(0, False), (1, True), (43, True), (44, False)])
def test_the_guideline_offense_level_is_1_to_43(cast, case, level, ok):
    conviction = factories.federal_conviction(case, cast.attorney)
    if ok:
        services.set_sentence(conviction, actor=cast.attorney, sentence_type="life", offense_level=level)
    else:
        with pytest.raises(ValidationError) as error:
            services.set_sentence(conviction, actor=cast.attorney, sentence_type="life", offense_level=level)
        assert "offense_level" in error.value.message_dict


def test_guideline_figures_are_for_federal_sentences_only(cast, case):
    conviction = services.add_conviction(case, actor=cast.attorney, jurisdiction="us-wi")
    with pytest.raises(ValidationError) as error:
        services.set_sentence(
            conviction, actor=cast.attorney, sentence_type="life", criminal_history_points=3
        )
    assert "federal sentences only" in error.value.message_dict["criminal_history_points"][0]


def test_a_conviction_and_its_sentence_are_one_change(cast, case):
    with pytest.raises(ValidationError):
        services.add_conviction(
            case,
            actor=cast.attorney,
            jurisdiction="federal",
            sentence={"sentence_type": "term", "sentence_term_days": None},
        )
    assert not Conviction.objects.exists()
    conviction = services.add_conviction(
        case,
        actor=cast.attorney,
        jurisdiction="federal",
        sentence={
            "sentence_type": "term",
            "sentence_term_days": 7300,
            "custody_start_date": datetime.date(1996, 1, 1),
        },
    )
    assert conviction.sentence.sentence_term_days == 7300


def test_setting_a_sentence_again_replaces_it(cast, case):
    conviction = factories.federal_conviction(case, cast.attorney)
    services.set_sentence(conviction, actor=cast.attorney, sentence_type="life")
    services.set_sentence(conviction, actor=cast.attorney, sentence_type="term", sentence_term_days=5000)
    assert Sentence.objects.get().sentence_term_days == 5000


def test_charges_need_a_known_category_and_positive_counts(cast, case):
    conviction = factories.federal_conviction(case, cast.attorney)
    services.add_charge(
        conviction, actor=cast.attorney, statute="21 U.S.C. 841(b)(1)(A)", offense_category="drug", counts=2
    )
    with pytest.raises(ValidationError) as error:
        services.add_charge(
            conviction, actor=cast.attorney, statute="18 U.S.C. 924(c)", offense_category="guns", counts=0
        )
    assert {"offense_category", "counts"} <= set(error.value.message_dict)
    assert conviction.charges.count() == 1


def test_changing_a_conviction_to_a_state_keeps_guideline_rules(cast, case):
    conviction = factories.federal_conviction(case, cast.attorney)
    services.set_sentence(conviction, actor=cast.attorney, sentence_type="life", offense_level=38)
    with pytest.raises(ValidationError) as error:
        services.update_conviction(conviction, actor=cast.attorney, jurisdiction="us-wi")
    assert "offense_level" in error.value.message_dict
    conviction.refresh_from_db()
    assert conviction.jurisdiction == "federal"


def test_no_offense_before_birth_and_no_conviction_in_the_future(cast):
    case = factories.case(cast.team, person_values={"birth_date": datetime.date(1980, 1, 1)})
    with pytest.raises(ValidationError) as error:
        services.add_conviction(
            case, actor=None, jurisdiction="us-wi", offense_date=datetime.date(1979, 5, 1)
        )
    assert "before the person's date of birth" in error.value.message_dict["offense_date"][0]
    with pytest.raises(ValidationError) as error:
        services.add_conviction(
            case, actor=None, jurisdiction="us-wi", conviction_date=datetime.date(2999, 1, 1)
        )
    assert "in the future" in error.value.message_dict["conviction_date"][0]


def test_custody_cannot_start_before_the_offense(cast, case):
    conviction = factories.federal_conviction(case, cast.attorney)
    with pytest.raises(ValidationError) as error:
        services.set_sentence(
            conviction, actor=None, sentence_type="life", custody_start_date=datetime.date(1990, 1, 1)
        )
    assert "custody_start_date" in error.value.message_dict
