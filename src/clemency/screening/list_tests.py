"""Section tests of list facts (`ListHasAny(..., match="section")`), each distinct item decided once.

A section test asks whether any statute in a list falls under a section: "21 U.S.C. 844" or
"21 U.S.C. 844(a)", not "21 U.S.C. 8440". In Polars that is a regular expression per item inside
`list.eval`, a pass of its own per test (measured: the rulebook's three section tests cost 0.13
CPU-s a million people). Here every section test on one list column is decided in one pass: the
column's items are dictionary-encoded once, each distinct item (a few dozen statutes in millions
of lists) is tested in Python by the scalar evaluator's own rule (`clemency.law.tree.item_matches`),
and each list's answers are OR-ed along the list offsets with NumPy: 0.05 CPU-s a million people
less. The answer is one UInt32 a person, bit i the value of
test i, null where the list is unknown; a null item (validation leaves none) matches nothing.
Exact tests of a single option stay with Polars' own list kernels, which are cheaper for one test.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from clemency.law.tree import item_matches

MAX_TESTS = 32  # bits in the UInt32 answer; a 33rd test on one column starts another


@dataclass(frozen=True)
class ListTest:
    """One test: does any item match one of the options (exactly, or by section)?"""

    options: tuple[str, ...]
    match: str = "exact"

    def matches(self, item: str) -> bool:
        return item_matches(item, self.options, self.match)


@dataclass
class ListTests:
    """The tests asked of one list column, in bit order, answered by one temporary column."""

    items: str  # the list column's name
    tests: list[ListTest] = field(default_factory=list)

    def bit(self, test: ListTest) -> int | None:
        """The test's bit (adding it if new); None when this column's answer has no bit left."""
        if test not in self.tests:
            if len(self.tests) == MAX_TESTS:
                return None
            self.tests.append(test)
        return self.tests.index(test)

    def expression(self) -> pl.Expr:
        decide = functools.partial(decide_list_tests, tests=tuple(self.tests))
        return pl.col(self.items).map_batches(decide, return_dtype=pl.UInt32)


def bit_is_set(answers: pl.Expr, bit: int) -> pl.Expr:
    """A test's value from its column's answers: null where the list is unknown."""
    return (answers & pl.lit(1 << bit, dtype=pl.UInt32)) != 0


def decide_list_tests(items: pl.Series, tests: tuple[ListTest, ...]) -> pl.Series:
    """Per list, bit i set when test i holds; null for a null list."""
    # One chunk: the items are hashed in one pass, not one per chunk.
    lists = items.cast(pl.List(pl.String)).rechunk().to_arrow(compat_level=pl.CompatLevel.newest())
    if isinstance(lists, pa.ChunkedArray):
        lists = lists.combine_chunks()
    out = pl.from_arrow(_decide(lists, tests))
    assert isinstance(out, pl.Series)
    return out.alias(items.name)


def _decide(lists: pa.Array, tests: tuple[ListTest, ...]) -> pa.Array:
    if len(lists) == 0:
        return pa.array([], type=pa.uint32())
    encoded = pc.dictionary_encode(lists.values)  # every item, unsliced: the offsets index into it
    distinct = encoded.dictionary.to_pylist()  # null items are null indices, not in the dictionary
    # Each distinct item's tests as bits, and one more, empty, entry for a null item.
    item_bits = np.zeros(len(distinct) + 1, dtype=np.uint32)
    for index, item in enumerate(distinct):
        for bit, test in enumerate(tests):
            if test.matches(item):
                item_bits[index] |= np.uint32(1 << bit)
    bits = item_bits[pc.fill_null(encoded.indices, len(distinct)).to_numpy()]
    # One OR over every list at once. `reduceat` ends each segment where the next begins and the
    # last at the array's end, and gives an empty segment the next item: so the items stop at the
    # last list's end, a 0 follows (for trailing empty lists), and empty lists are masked after.
    offsets = lists.offsets.to_numpy()
    bits = np.append(bits[:offsets[-1]], np.uint32(0))
    answer = np.bitwise_or.reduceat(bits, offsets[:-1])
    answer[np.diff(offsets) == 0] = 0  # an empty list: no item matches
    unknown = lists.is_null().to_numpy(zero_copy_only=False)
    return pa.array(answer, type=pa.uint32(), mask=unknown if unknown.any() else None)
