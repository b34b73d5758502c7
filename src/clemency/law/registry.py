"""Every pathway, gathered from the modules by topic. Each module exposes `PATHWAYS`."""

from __future__ import annotations

import importlib
from functools import cache

from clemency.law.pathway import Pathway

MODULES = (
    "clemency.law.us.clemency",
    "clemency.law.us.compassionate_release",
    "clemency.law.us.sentencing",
    "clemency.law.us.habeas",
    "clemency.law.us.juvenile_life",
    "clemency.law.states.us_wi",
    "clemency.law.states.us_ca",
    "clemency.law.states.us_tx",
    "clemency.law.states.us_ok",
    "clemency.law.states.us_tn",
    "clemency.law.jurisdictions.pathways",  # every state and D.C. from cited data (after the hand-written)
)


@cache
def _registry() -> dict[str, Pathway]:
    found: dict[str, Pathway] = {}
    for module_name in MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue  # a topic not encoded yet
            raise
        for pathway in module.PATHWAYS:
            if pathway.id in found:
                raise ValueError(f"pathway {pathway.id} is declared twice")
            found[pathway.id] = pathway
    return found


def all_pathways() -> tuple[Pathway, ...]:
    return tuple(_registry().values())


def get_pathway(pathway_id: str) -> Pathway:
    try:
        return _registry()[pathway_id]
    except KeyError:
        raise KeyError(f"unknown pathway {pathway_id!r}") from None
