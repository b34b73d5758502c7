"""Section tests decided per distinct item give the scalar evaluator's answer for every list."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from clemency.law.tree import item_matches
from clemency.screening.list_tests import ListTest, decide_list_tests

# Statutes that do and do not fall under one another's sections.
ITEMS = ["21 U.S.C. 844", "21 U.S.C. 844(a)", "21 U.S.C. 8440", "21 U.S.C. 841(b)(1)(A)",
         "21 U.S.C. 841(b)(1)", "21 U.S.C. 841", "marijuana", "cocaine", ""]
LISTS = st.lists(st.none() | st.lists(st.sampled_from(ITEMS), max_size=4), max_size=12)
TESTS = st.lists(st.builds(ListTest, st.lists(st.sampled_from(ITEMS), max_size=3).map(tuple),
                           st.sampled_from(["exact", "section"])),
                 min_size=1, max_size=5, unique=True)


def expected(items: list[str] | None, test: ListTest) -> bool | None:
    if items is None:
        return None
    return any(item_matches(item, test.options, test.match) for item in items)


def answers(series: pl.Series, tests: list[ListTest]) -> list[list[bool | None]]:
    got = decide_list_tests(series, tuple(tests)).to_list()
    return [[None if value is None else bool(value >> bit & 1) for bit in range(len(tests))]
            for value in got]


@settings(max_examples=300, deadline=None)
@given(lists=LISTS, tests=TESTS, cut=st.integers(0, 4))
def test_every_list_gets_the_scalar_answer_whole_sliced_or_in_chunks(lists, tests, cut):
    series = pl.Series("statutes", lists, dtype=pl.List(pl.String))
    want = [[expected(items, test) for test in tests] for items in lists]
    assert answers(series, tests) == want
    # A slice (offsets not starting at 0, items past its end) and a column of several chunks.
    assert answers(series.slice(cut), tests) == want[cut:]
    chunked = pl.concat([series.slice(0, cut), series.slice(cut)], rechunk=False)
    assert answers(chunked, tests) == want


def test_an_empty_list_matches_nothing_and_an_unknown_list_stays_unknown():
    series = pl.Series("statutes", [[], None, ["21 U.S.C. 844(a)"], []], dtype=pl.List(pl.String))
    tests = [ListTest(("21 U.S.C. 844",), "section"), ListTest(("21 U.S.C. 844(a)",))]
    assert answers(series, tests) == [[False, False], [None, None], [True, True], [False, False]]
    assert decide_list_tests(series.head(0), tuple(tests)).to_list() == []
