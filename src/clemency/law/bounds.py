"""Bounds: deciding whenever the known facts decide, although a one-way fact is unknown.

A fact whose schema entry declares a `bound` can only move an answer one way as it grows (jail
credit: never negative, and more credit means more time served). When it is unknown, its bound
(the least favourable value) still decides a criterion that comes out true at the bound, and
gives an eligibility date that is the latest it can be. The exact semantics, which the scalar
evaluator and both batch compilers share, are stated in `clemency.law.tree` under "Bounds".

`effective_criterion_node` and `effective_eligible_from` are what every engine evaluates;
a node that reads no bounded fact is returned unchanged (no cost in the batch engines).
"""

from __future__ import annotations

import dataclasses
import functools

from clemency.law import tree as t
from clemency.law.facts import FACTS
from clemency.law.pathway import Criterion, Pathway


def bounded_facts() -> dict[str, object]:
    """Fact name -> its declared bound."""
    return {name: spec.bound for name, spec in FACTS.items() if spec.bound is not None}


def reads_bounded_fact(node: t.Node) -> bool:
    bounded = bounded_facts()
    return any(isinstance(n, t.Fact) and n.name in bounded for n in node.walk())


def _rebuild(node: t.Node, *, latest_ifs: bool) -> t.Node:
    """`node` with bounded facts at their bound (and, for `latest_ifs`, date-valued Ifs marked
    unknown="latest")."""
    bounded = bounded_facts()
    if isinstance(node, t.Fact):
        return t.FactOr(node.name, bounded[node.name]) if node.name in bounded else node
    changes: dict[str, object] = {}
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, t.Node):
            changes[f.name] = _rebuild(value, latest_ifs=latest_ifs)
        elif isinstance(value, tuple) and any(isinstance(item, t.Node) for item in value):
            changes[f.name] = tuple(
                _rebuild(item, latest_ifs=latest_ifs) if isinstance(item, t.Node) else item for item in value
            )
    if latest_ifs and isinstance(node, t.If) and _is_date(node):
        changes["unknown"] = "latest"
    return dataclasses.replace(node, **changes) if changes else node  # type: ignore[arg-type]


_DATE_NODES = (t.AddDays, t.AddYears, t.Earliest, t.Latest, t.AsOf, t.NextBusinessDay)


def _is_date(node: t.Node) -> bool:
    if isinstance(node, _DATE_NODES):
        return True
    if isinstance(node, t.If):
        return _is_date(node.then) or _is_date(node.otherwise)
    if isinstance(node, t.Fact):
        return node.name in FACTS and FACTS[node.name].type == "date"
    return False


@functools.lru_cache(maxsize=4096)
def bound_node(node: t.Node, *, latest_ifs: bool = False) -> t.Node:
    return _rebuild(node, latest_ifs=latest_ifs)


@functools.lru_cache(maxsize=4096)
def _criterion_node(node: t.Node) -> t.Node:
    if not reads_bounded_fact(node):
        return node
    return t.Fallback(node, bound_node(node), "true")


def effective_criterion_node(criterion: Criterion) -> t.Node:
    """What every engine evaluates for a criterion (its node, with the bound fallback if needed)."""
    return _criterion_node(criterion.node)


@functools.lru_cache(maxsize=1024)
def _eligible_node(node: t.Node) -> t.Node:
    upper = bound_node(node, latest_ifs=True)
    return node if upper == node else t.Fallback(node, upper, "any")


def effective_eligible_from(pathway: Pathway) -> t.Node | None:
    """What every engine evaluates for the eligible-from date."""
    return None if pathway.eligible_from is None else _eligible_node(pathway.eligible_from)
