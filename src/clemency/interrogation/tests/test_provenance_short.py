"""Each flag, the answer rules and the traps, on short transcripts written for the purpose."""

from __future__ import annotations

from clemency.interrogation import analyze

from .conftest import fact
from .short import FACTS, HEAD, HEADER, HOOD, SUSPECT_FIRST


def line_of(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


def test_head_disclosed_by_an_interrogator_after_wrong_attempts():
    report = analyze(HEAD, FACTS)
    head = fact(report, "shot_in_head")
    assert head.flag == "INTERROGATOR_FIRST"
    assert head.first_mention.line == line_of(HEAD, "Who shot her")
    assert head.first_mention.speaker == "MORROW" and head.first_mention.how == "presupposed"
    assert [a.quote for a in head.attempts] == ["He pulled her hair.", "He hit her."]
    kinds = {p.kind for p in head.pressure}
    assert {"evidence_claim", "honesty_appeal"} <= kinds
    assert head.probes == [
        line_of(HEAD, "What else did he do"),
        line_of(HEAD, "What else?"),
        line_of(HEAD, "What else? Tell"),
    ]


def test_trap_head_in_other_senses_before_the_disclosure():
    head = fact(analyze(HEAD, FACTS), "shot_in_head")
    lines = {m.line for m in head.mentions}
    assert line_of(HEAD, "shakes head") not in lines  # a gesture note, not speech
    assert line_of(HEAD, "head home") not in lines  # the verb "to head", excluded


def test_a_yes_answer_carries_the_question_and_a_short_answer_completes_it():
    head = fact(analyze(HEAD, FACTS), "shot_in_head")
    agreed = head.suspect_adoption
    assert agreed.how == "agreed" and agreed.echo and agreed.line == line_of(HEAD, "He did.")
    later = next(m for m in head.mentions if m.line == line_of(HEAD, "In the head."))
    assert later.how == "stated" and later.echo  # three turns after "Who shot her in the head?"
    assert head.suspect_first_statement is None


def test_a_short_answer_completes_the_question_it_answers():
    text = HEADER + "KALE: Where did he shoot her?\nSAM: In the head.\n"
    head = fact(analyze(text, FACTS), "shot_in_head")
    own = head.suspect_first_statement
    assert own.line == 5 and own.how == "stated" and own.supplied == ["shoot"]
    assert any("short answer read with the question at line 4" in r for r in own.rules)
    assert head.flag == "SUSPECT_FIRST_AFTER_LEADING"  # the question supplied "shoot"


def test_trap_hood_of_a_sweatshirt_before_the_car_hood():
    report = analyze(HOOD, FACTS)
    hood = fact(report, "hood_raised")
    assert hood.flag == "INTERROGATOR_FIRST"
    assert hood.first_mention.line == line_of(HOOD, "open the hood")
    nod = [m for m in hood.mentions if m.line == line_of(HOOD, "He raised the hood")]
    assert any(m.role == "suspect" and m.how == "agreed" for m in nod)  # the noted nod


def test_without_the_exclusion_a_word_matcher_would_credit_the_suspect():
    words_only = FACTS.replace('exclusions: ["his hood"]', "exclusions: []")
    hood = fact(analyze(HOOD, words_only), "hood_raised")
    assert hood.first_mention.role == "suspect"  # why the exclusion exists


def test_suspect_first_and_the_three_kinds_of_leading():
    report = analyze(SUSPECT_FIRST, FACTS)
    stabbed = fact(report, "stabbed")
    assert stabbed.flag == "SUSPECT_FIRST" and stabbed.first_mention.line == line_of(
        SUSPECT_FIRST, "He stabbed"
    )
    knife = fact(report, "knife_in_drawer")
    assert knife.flag == "SUSPECT_FIRST_AFTER_LEADING" and knife.reasons[1].startswith("(a)")
    clothes = fact(report, "clothes_burned")
    assert clothes.flag == "SUSPECT_FIRST_AFTER_LEADING" and clothes.reasons[1].startswith("(b)")
    car = fact(report, "car_in_garage")
    assert car.flag == "SUSPECT_FIRST_AFTER_LEADING" and car.reasons[1].startswith("(c)")


def test_never_stated_contradicts_evidence_and_denials():
    report = analyze(SUSPECT_FIRST, FACTS)
    hanged = fact(report, "hanged")
    assert hanged.flag == "NEVER_STATED" and hanged.first_mention.role == "interrogator"
    cuffs = fact(report, "handcuffed")
    assert cuffs.flag == "SUSPECT_CONTRADICTS_EVIDENCE" and cuffs.provenance_flag == "SUSPECT_FIRST"
    head = fact(report, "shot_in_head")
    assert head.flag == "NEVER_STATED"  # asked, and denied: "I didn't shoot her in the head."
    assert any(m.how == "denied" and m.role == "suspect" for m in head.mentions)
    assert fact(report, "hood_raised").first_mention is None


def test_public_facts_carry_their_date():
    stabbed = fact(analyze(SUSPECT_FIRST, FACTS), "stabbed").as_dict()
    assert stabbed["public"] is True and stabbed["public_since"] == "2024-01-05"


def test_an_answer_to_a_question_that_points_back_is_read_with_the_whole_turn():
    text = HEADER + (
        "KALE: We know she had a phone and a purse. Do you know what happened to those things?\n"
        "SAM: He burned them.\n"
    )
    facts = (
        FACTS
        + """
- id: items_burned
  statement: Her phone and purse were burned.
  public: false
  true: null
  cues: ["phone | purse + burn | burned"]
"""
    )
    items = fact(analyze(text, facts), "items_burned")
    own = items.suspect_first_statement
    assert own.line == 5 and own.supplied == ["purse"] and items.flag == "SUSPECT_FIRST_AFTER_LEADING"
