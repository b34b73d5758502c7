"""The data schema of a jurisdiction's clemency process, read from one cited YAML file per jurisdiction.

Every statement of law is an `Item`: its words (paraphrased), its citation, the date it took effect,
optionally the date it stopped, and whether it was read in a primary source (`verified`). A file:

    jurisdiction: us-fl                      # the rulebook's jurisdiction code
    name: Florida
    decides: ITEM                            # who grants clemency
    board: {role: ROLE, name: ..., ccrc_model: ..., + ITEM}   # the board's part (ROLES below)
    death_penalty: ITEM | null               # present where the death penalty is law or people remain
                                             # on death row: a capital clemency pathway is then built
    practice: [ITEM]                         # how the power is used in practice (with its source)
    pathways:
      pardon | commutation | capital_clemency:
        handwritten: us-wi.pardon            # a hand-written pathway that says more: nothing is built
        title: ...                           # else the pathway to build:
        effective_from: 1969-01-07
        process: [ITEM]                      # the application's steps, where it goes
        conditions: [CONDITION]              # written eligibility conditions (RULES below)
        hearing: [ITEM]
        deadlines: [DEADLINE]                # filing deadlines set by a rule (capital cases)
        questions: [str]                     # what a lawyer must settle where nothing written does
        documents: [str]
    sources: [str]                           # the pages read

A CONDITION is an ITEM with `rule:` and its values; a DEADLINE is an ITEM with `id`, `title`,
`days`, `relative_to` (a date fact), `direction` (before/after) and `if_not_business_day`
(next/none: whether the rule moves a weekend or holiday to the next business day), and `timely: true`
when filing after it closes the pathway. Loading refuses anything else with a `JurisdictionError`
naming the file and field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from clemency.law.facts import JURISDICTIONS, OFFENSE_CATEGORIES

DATA_DIR = Path(__file__).resolve().parent / "data"

ROLES = {
    "binding_recommendation": "The governor may act only on the board's favourable recommendation",
    "advisory": "The board (or an official) advises; the governor decides",
    "none": "The governor decides alone; no board takes part by law",
    "board_decides": "A board decides (the governor may sit on it or have a part)",
}
KINDS = ("pardon", "commutation", "capital_clemency")
RULES = (
    "years_after_sentence",  # years: N  - years after the sentence was completed
    "sentence_completed",  # the sentence has been completed
    "serving_sentence",  # serving a custodial sentence now
    "death_sentence",  # under sentence of death
    "no_pending_charges",
    "not_registered_sex_offender",
    "excluded_offense_categories",  # categories: [sex, violent]
    "question",  # written, but not decidable from the facts: asked of a lawyer
)
DATE_FACTS = ("execution_date", "execution_warrant_date", "execution_notice_date")
ROLLS = ("next", "none")  # a rule that moves a day backward has no node yet (clemency.law.tree)


class JurisdictionError(ValueError):
    """A data file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Item:
    text: str
    citation: str
    effective_from: dt.date
    verified: bool
    effective_to: dt.date | None = None
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class Condition:
    rule: str
    item: Item
    years: int | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeadlineRule:
    id: str
    title: str
    days: int
    relative_to: str
    direction: str  # "before" or "after"
    if_not_business_day: str
    item: Item
    timely: bool = False

    @property
    def signed_days(self) -> int:
        return -self.days if self.direction == "before" else self.days


@dataclass(frozen=True)
class PathwaySpec:
    kind: str
    handwritten: str | None = None
    title: str = ""
    effective_from: dt.date | None = None
    process: tuple[Item, ...] = ()
    conditions: tuple[Condition, ...] = ()
    hearing: tuple[Item, ...] = ()
    deadlines: tuple[DeadlineRule, ...] = ()
    questions: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        """No written rule settles eligibility: a lawyer must answer the questions (NEEDS_REVIEW)."""
        return bool(self.questions)

    def items(self) -> list[Item]:
        return [
            *self.process,
            *(condition.item for condition in self.conditions),
            *self.hearing,
            *(deadline.item for deadline in self.deadlines),
        ]


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    decides: Item
    board_role: str
    board_name: str
    board: Item
    ccrc_model: str
    death_penalty: Item | None
    practice: tuple[Item, ...]
    pathways: dict[str, PathwaySpec]
    sources: tuple[str, ...] = field(default=())
    path: str = ""

    @property
    def capital(self) -> bool:
        return self.death_penalty is not None

    def items(self) -> list[Item]:
        found = [self.decides, self.board, *self.practice]
        if self.death_penalty is not None:
            found.append(self.death_penalty)
        for spec in self.pathways.values():
            found.extend(spec.items())
        return found

    @property
    def verified_share(self) -> float:
        items = self.items()
        return sum(item.verified for item in items) / len(items)


class _Reader:
    """Reads one file, naming the field of every error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, why: str) -> JurisdictionError:
        return JurisdictionError(f"{self.path.name}: {where}: {why}")

    def mapping(self, raw: Any, where: str, allowed: set[str], required: set[str]) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(where, "must be a mapping")
        unknown = set(raw) - allowed
        if unknown:
            raise self.fail(where, f"unknown field(s) {sorted(unknown)}")
        missing = required - set(raw)
        if missing:
            raise self.fail(where, f"missing field(s) {sorted(missing)}")
        return raw

    def text(self, raw: Any, where: str) -> str:
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail(where, "must be non-empty text")
        return raw.strip()

    def day(self, raw: Any, where: str) -> dt.date:
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        raise self.fail(where, f"must be a date YYYY-MM-DD, not {raw!r}")

    def item(self, raw: Any, where: str, extra: set[str] = frozenset()) -> Item:  # type: ignore[assignment]
        base = {"text", "citation", "effective_from", "effective_to", "verified", "note", "source"}
        data = self.mapping(raw, where, base | set(extra), {"text", "citation", "effective_from", "verified"})
        if not isinstance(data["verified"], bool):
            raise self.fail(f"{where}.verified", "must be true or false")
        effective_to = data.get("effective_to")
        item = Item(
            text=self.text(data["text"], f"{where}.text"),
            citation=self.text(data["citation"], f"{where}.citation"),
            effective_from=self.day(data["effective_from"], f"{where}.effective_from"),
            verified=data["verified"],
            effective_to=None if effective_to is None else self.day(effective_to, f"{where}.effective_to"),
            note=str(data.get("note") or ""),
            source=str(data.get("source") or ""),
        )
        if item.effective_to is not None and item.effective_to <= item.effective_from:
            raise self.fail(f"{where}.effective_to", "must be after effective_from")
        return item

    def items(self, raw: Any, where: str) -> tuple[Item, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise self.fail(where, "must be a list")
        return tuple(self.item(entry, f"{where}[{index}]") for index, entry in enumerate(raw))

    def condition(self, raw: Any, where: str) -> Condition:
        item = self.item(raw, where, {"rule", "years", "categories"})
        rule = raw.get("rule")
        if rule not in RULES:
            raise self.fail(f"{where}.rule", f"must be one of {list(RULES)}, not {rule!r}")
        years = raw.get("years")
        if rule == "years_after_sentence" and (
            not isinstance(years, int) or isinstance(years, bool) or years < 1
        ):
            raise self.fail(f"{where}.years", "must be a whole number of years, at least 1")
        categories = tuple(raw.get("categories") or ())
        if rule == "excluded_offense_categories" and (
            not categories or any(c not in OFFENSE_CATEGORIES for c in categories)
        ):
            raise self.fail(
                f"{where}.categories", f"must be a non-empty list from {list(OFFENSE_CATEGORIES)}"
            )
        return Condition(rule=rule, item=item, years=years, categories=categories)

    def deadline(self, raw: Any, where: str) -> DeadlineRule:
        extra = {"id", "title", "days", "relative_to", "direction", "if_not_business_day", "timely"}
        item = self.item(raw, where, extra)
        for name in ("id", "title", "days", "relative_to", "direction", "if_not_business_day"):
            if name not in raw:
                raise self.fail(where, f"missing field {name!r}")
        days = raw["days"]
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            raise self.fail(f"{where}.days", "must be a whole number of days, 0 or more")
        if raw["relative_to"] not in DATE_FACTS:
            raise self.fail(f"{where}.relative_to", f"must be one of {list(DATE_FACTS)}")
        if raw["direction"] not in ("before", "after"):
            raise self.fail(f"{where}.direction", "must be before or after")
        if raw["if_not_business_day"] not in ROLLS:
            raise self.fail(f"{where}.if_not_business_day", f"must be one of {list(ROLLS)}")
        return DeadlineRule(
            id=self.text(raw["id"], f"{where}.id"),
            title=self.text(raw["title"], f"{where}.title"),
            days=days,
            relative_to=raw["relative_to"],
            direction=raw["direction"],
            if_not_business_day=raw["if_not_business_day"],
            item=item,
            timely=bool(raw.get("timely", False)),
        )

    def pathway(self, kind: str, raw: Any) -> PathwaySpec:
        where = f"pathways.{kind}"
        allowed = {
            "handwritten",
            "title",
            "effective_from",
            "process",
            "conditions",
            "hearing",
            "deadlines",
            "questions",
            "documents",
        }
        data = self.mapping(raw, where, allowed, set())
        if data.get("handwritten"):
            extra = set(data) - {"handwritten", "deadlines"}
            if extra:
                raise self.fail(
                    where, f"a hand-written pathway takes only deadline rules, not {sorted(extra)}"
                )
            return PathwaySpec(
                kind=kind,
                handwritten=self.text(data["handwritten"], f"{where}.handwritten"),
                deadlines=tuple(
                    self.deadline(d, f"{where}.deadlines[{i}]")
                    for i, d in enumerate(data.get("deadlines") or [])
                ),
            )
        for name in ("title", "effective_from", "process"):
            if name not in data:
                raise self.fail(where, f"missing field {name!r}")
        questions = tuple(
            self.text(q, f"{where}.questions[{i}]") for i, q in enumerate(data.get("questions") or [])
        )
        conditions = tuple(
            self.condition(c, f"{where}.conditions[{i}]") for i, c in enumerate(data.get("conditions") or [])
        )
        spec = PathwaySpec(
            kind=kind,
            title=self.text(data["title"], f"{where}.title"),
            effective_from=self.day(data["effective_from"], f"{where}.effective_from"),
            process=self.items(data["process"], f"{where}.process"),
            conditions=conditions,
            hearing=self.items(data.get("hearing"), f"{where}.hearing"),
            deadlines=tuple(
                self.deadline(d, f"{where}.deadlines[{i}]") for i, d in enumerate(data.get("deadlines") or [])
            ),
            questions=questions,
            documents=tuple(
                self.text(d, f"{where}.documents[{i}]") for i, d in enumerate(data.get("documents") or [])
            ),
        )
        if not spec.process:
            raise self.fail(f"{where}.process", "must name at least one step (where the application goes)")
        needs_questions = any(c.rule == "question" for c in conditions) or not any(
            c.rule not in ("question", "death_sentence", "serving_sentence") for c in conditions
        )
        if needs_questions and kind != "capital_clemency" and not questions:
            raise self.fail(
                f"{where}.questions",
                "a pathway without decisive written conditions must list the questions a lawyer must answer",
            )
        if kind == "capital_clemency" and not questions and not any(d.timely for d in spec.deadlines):
            raise self.fail(
                f"{where}.questions",
                "a capital pathway without a timely filing rule must list the questions a lawyer must answer",
            )
        return spec

    def read(self) -> Jurisdiction:
        try:
            raw = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise self.fail("file", f"not valid YAML ({error})") from None
        allowed = {
            "jurisdiction",
            "name",
            "decides",
            "board",
            "death_penalty",
            "practice",
            "pathways",
            "sources",
        }
        data = self.mapping(raw, "file", allowed, {"jurisdiction", "name", "decides", "board", "pathways"})
        code = data["jurisdiction"]
        if code not in JURISDICTIONS:
            raise self.fail("jurisdiction", f"unknown jurisdiction {code!r}")
        if self.path.name != f"{code}.yaml":
            raise self.fail("jurisdiction", f"{code} must live in {code}.yaml")
        board_raw = data["board"]
        board = self.item(board_raw, "board", {"role", "name", "ccrc_model"})
        role = board_raw.get("role")
        if role not in ROLES:
            raise self.fail("board.role", f"must be one of {list(ROLES)}, not {role!r}")
        death = data.get("death_penalty")
        pathways_raw = self.mapping(data["pathways"], "pathways", set(KINDS), set())
        pathways = {kind: self.pathway(kind, pathways_raw[kind]) for kind in KINDS if kind in pathways_raw}
        jurisdiction = Jurisdiction(
            code=code,
            name=self.text(data["name"], "name"),
            decides=self.item(data["decides"], "decides"),
            board_role=role,
            board_name=self.text(board_raw.get("name"), "board.name"),
            board=board,
            ccrc_model=self.text(board_raw.get("ccrc_model"), "board.ccrc_model"),
            death_penalty=None if death is None else self.item(death, "death_penalty"),
            practice=self.items(data.get("practice"), "practice"),
            pathways=pathways,
            sources=tuple(str(s) for s in data.get("sources") or ()),
            path=self.path.name,
        )
        expected = {"pardon", "commutation"} | ({"capital_clemency"} if jurisdiction.capital else set())
        if set(pathways) != expected:
            raise self.fail(
                "pathways",
                f"must be exactly {sorted(expected)} (death penalty: "
                f"{'yes' if jurisdiction.capital else 'no'}), not {sorted(pathways)}",
            )
        return jurisdiction


def load(path: Path) -> Jurisdiction:
    return _Reader(path).read()


@cache
def all_jurisdictions() -> dict[str, Jurisdiction]:
    """Every jurisdiction's data, by code, in the order of `JURISDICTIONS`."""
    found = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name.endswith(".cases.yaml"):
            continue
        jurisdiction = load(path)
        found[jurisdiction.code] = jurisdiction
    return {code: found[code] for code in JURISDICTIONS if code in found}
