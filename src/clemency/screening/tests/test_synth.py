"""The synthetic population: deterministic, valid, with the mix and the edge cases it promises."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from clemency.law import FACTS
from clemency.screening.inputs import validate_batch
from clemency.screening.synth import generate_population, write_population


@pytest.fixture(scope="module")
def people():
    return generate_population(60_000, seed=7)


def test_the_same_seed_gives_the_same_people_and_another_seed_does_not():
    assert generate_population(2_000, seed=3).equals(generate_population(2_000, seed=3))
    assert not generate_population(2_000, seed=3).equals(generate_population(2_000, seed=4))


def test_every_fact_of_the_rulebook_is_a_column_and_every_row_is_valid(people):
    assert set(FACTS) <= set(people.columns)
    _, report = validate_batch(people, 1)
    assert report.height == 0, report.head()


def test_it_has_nulls_life_and_death_sentences_and_leap_day_birthdays(people):
    assert people["citizenship"].null_count() > 0 and people["pending_appeal"].null_count() > 0
    kinds = set(people["sentence_type"].drop_nulls().to_list())
    assert {"term", "life", "life_without_parole", "death", "probation"} <= kinds
    leap = people.filter((pl.col("birth_date").dt.month() == 2) & (pl.col("birth_date").dt.day() == 29))
    assert leap.height > 0


def test_it_plants_people_exactly_on_the_thresholds(people):
    reference = dt.date(2025, 7, 1)
    assert (people["birth_date"] == dt.date(1960, 7, 1)).sum() > 0  # 65 on the day
    assert (people["custody_start_date"] == dt.date(2015, 7, 1)).sum() > 0  # 10 years served on the day
    assert (people["warden_request_date"] == reference - dt.timedelta(days=30)).sum() > 0
    for boundary in (dt.date(2022, 10, 6), dt.date(2022, 10, 7)):  # both sides of Proclamation 10467
        assert (people["offense_date"] == boundary).sum() > 0


def test_the_federal_mix_follows_the_published_shares_roughly(people):
    federal = people.filter(pl.col("court_system") == "federal")
    share = federal["offense_categories"].list.contains("drug").mean()
    assert 0.40 <= share <= 0.55  # BOP: drug offenses about 45%
    violent = people.filter(pl.col("court_system") == "state")["offense_categories"].list.contains("violent")
    assert 0.55 <= violent.mean() <= 0.70  # BJS: about 62% of state prisoners


def test_csv_output_reads_back_with_the_list_delimiter(tmp_path):
    path = write_population(tmp_path / "people.csv", 50, seed=1)
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[0] == "person_id" and "statutes" in header
