"""Who a campaign asks: the decision maker for where the conviction happened, from the directory.

Federal and D.C. Code convictions go to the President (U.S. Const. art. II, sec. 2, cl. 1; D.C. Code
offenses are offenses against the United States, pardoned by the President, as the Office of the
Pardon Attorney's instructions say). A state conviction never goes to the President: the state's
Governor or its board decides. Where a board must recommend before the Governor may act (Texas: Tex.
Const. art. IV, sec. 11; Oklahoma: Okla. Const. art. VI, sec. 10) the campaign asks the board, because
a letter to the Governor alone cannot start clemency there. Wisconsin's Governor decides (Wis. Const.
art. V, sec. 6), advised by the Pardon Advisory Board.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clemency.cases.jurisdictions import FEDERAL

FEDERAL_SYSTEM = {FEDERAL, "dc"}


@dataclass(frozen=True)
class Route:
    seed_key: str
    reason: str
    citation: str


# The routes the issue names, each with its provision; other states follow the directory's roles.
NAMED_ROUTES: dict[str, Route] = {
    "federal": Route("federal.president", "a federal conviction", "U.S. Const. art. II, sec. 2, cl. 1"),
    "dc": Route("federal.president", "a D.C. Code conviction", "U.S. Const. art. II, sec. 2, cl. 1"),
    "us-wi": Route(
        "us-wi.governor", "a Wisconsin conviction: the Governor decides", "Wis. Const. art. V, sec. 6"
    ),
    "us-tx": Route(
        "us-tx.board",
        "a Texas conviction: the Board of Pardons and Paroles must recommend first",
        "Tex. Const. art. IV, sec. 11",
    ),
    "us-ok": Route(
        "us-ok.board",
        "an Oklahoma conviction: the Pardon and Parole Board must recommend first",
        "Okla. Const. art. VI, sec. 10",
    ),
}


def route_for(jurisdiction: str, offices: Sequence[object] | None = None) -> Route | None:
    """The route for a conviction's jurisdiction, or None when the directory must be asked by hand.

    `offices`: the directory's entries for that jurisdiction (objects with `seed_key` and `role`),
    used for states the issue does not name: a board that decides or must recommend, else the Governor.
    """
    if jurisdiction in NAMED_ROUTES:
        return NAMED_ROUTES[jurisdiction]
    if not jurisdiction.startswith("us-"):
        return None
    by_key = {getattr(office, "seed_key", None): office for office in offices or []}
    board = by_key.get(f"{jurisdiction}.board")
    if board is not None and getattr(board, "role", "") in {"decides", "must_recommend"}:
        return Route(
            f"{jurisdiction}.board",
            "a state conviction: the board decides or must recommend",
            "the directory's entry for this state",
        )
    if f"{jurisdiction}.governor" in by_key:
        return Route(
            f"{jurisdiction}.governor",
            "a state conviction: the Governor decides",
            "the directory's entry for this state",
        )
    return None


def is_president(seed_key: str | None) -> bool:
    return seed_key == "federal.president"
