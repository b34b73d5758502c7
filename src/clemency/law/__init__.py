"""clemency.law: the rulebook. Pure Python; never imports Django.

Public API:
    FACTS, validate_facts, FactError          the fact schema (clemency.law.facts)
    all_pathways(), get_pathway(id)           every relief pathway (clemency.law.registry)
    evaluate(pathway, facts, as_of)           scalar evaluation with a proof (clemency.law.evaluate)
    Outcome, outcome_from                     the outcome rule (clemency.law.tree docstring)
"""

from clemency.law.evaluate import Result, evaluate
from clemency.law.facts import FACTS, FactError, FactSpec, validate_facts
from clemency.law.parameters import ParameterNotInForce, all_parameters
from clemency.law.pathway import Criterion, Deadline, Kind, Pathway
from clemency.law.registry import all_pathways, get_pathway
from clemency.law.tree import Outcome, outcome_from

__all__ = [
    "FACTS",
    "Criterion",
    "Deadline",
    "FactError",
    "FactSpec",
    "Kind",
    "Outcome",
    "ParameterNotInForce",
    "Pathway",
    "Result",
    "all_parameters",
    "all_pathways",
    "evaluate",
    "get_pathway",
    "outcome_from",
    "validate_facts",
]
