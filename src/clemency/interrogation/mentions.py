"""Walk the transcript once per fact and record every turn that mentions it, and how."""

from __future__ import annotations

from .facts import Fact
from .matcher import Context, Hit, Mention, excluded_note, match_unit, negated
from .model import Turn
from .speakers import label_key
from .units import Unit, answer_polarity, speech_text, units

_FRAGMENT_WORDS = 5


def _mention(
    fact: Fact, turn: Turn, unit: Unit | None, how: str, hit: Hit | None, line: int | None = None
) -> Mention:
    words = [unit.words[p] for p in hit.positions] if (unit and hit) else []
    return Mention(
        fact_id=fact.id,
        turn_index=turn.index,
        line=line or (turn.line_at(unit.start) if unit else turn.line),
        page=turn.page,
        bates=turn.bates,
        speaker=turn.speaker,
        role=turn.role,
        how=how,
        quote=unit.text if unit else turn.text,
        cue=hit.cue.text if hit else "",
        words=words,
    )


def _compose(fact: Fact, question: Unit, answer: Unit) -> Hit | None:
    """Match the question and the answer read together; positions past the question are the answer's."""
    joined = list(question.stems) + ["|"] + list(answer.stems)
    hit = match_unit(fact, joined, max_span=len(joined))
    if hit is None:
        return None
    split = len(question.stems)
    if not any(p > split for p in hit.positions) or not any(p < split for p in hit.positions):
        return None
    return hit


def _interrogator(fact: Fact, turn: Turn, ctx: Context, out: list[Mention], suspect_keys: set[str]) -> None:
    us = units(turn)
    matched = False
    for u in us:
        hit = match_unit(fact, u.stems)
        if hit:
            m = _mention(fact, turn, u, "presupposed" if u.question else "stated", hit)
            m.rules.append(f"cue '{hit.cue.text}' matched '{' '.join(m.words)}' in one sentence")
            m.rules.append("inside a question: presupposed" if u.question else "said as a statement")
            m.rules += excluded_note(fact, u)
            out.append(m)
            matched = True
            break
    if not matched and us and _is_fragment(us):
        previous = _last_interrogator_question(ctx, turn)
        if previous is not None:
            hit = _compose(fact, previous[1], us[0])
            if hit:
                m = _mention(fact, turn, us[0], "presupposed", None)
                m.cue, m.question_line = hit.cue.text, previous[0].line_at(previous[1].start)
                joined = list(previous[1].words) + ["|"] + list(us[0].words)
                m.words = [joined[p] for p in hit.positions if p < len(joined)]
                m.rules.append(
                    f"fragment read with the question at line {m.question_line}: '{previous[1].text}'"
                )
                m.rules.append(f"cue '{hit.cue.text}' matched across both")
                out.append(m)
    _embedded_nods(fact, turn, us, out, suspect_keys)


def _is_fragment(us: list[Unit]) -> bool:
    words = [w for u in us for w in u.words]
    content = [
        w for w in words if w not in {"no", "i", "mean", "ok", "so", "and", "where", "what", "yeah", "or"}
    ]
    return len(us) <= 2 and len(content) <= _FRAGMENT_WORDS


def _last_interrogator_question(ctx: Context, turn: Turn) -> tuple[Turn, Unit] | None:
    for q_turn, unit in reversed(ctx.questions):
        if q_turn.index < turn.index and turn.index - q_turn.index <= 3:
            return q_turn, unit
    return None


def _embedded_nods(
    fact: Fact, turn: Turn, us: list[Unit], out: list[Mention], suspect_keys: set[str]
) -> None:
    """'(Brendan nods "yes")' inside a question: the suspect's answer to that question."""
    for g in turn.gestures:
        if g.actor is None or label_key(g.actor) not in suspect_keys:
            continue
        before = [u for u in us if u.start < g.offset]
        if not before:
            continue
        question = before[-1]
        hit = match_unit(fact, question.stems)
        if hit is None:
            continue
        how = "agreed" if g.answer == "yes" else "denied"
        m = Mention(
            fact_id=fact.id,
            turn_index=turn.index,
            line=g.line,
            page=turn.page,
            bates=turn.bates,
            speaker=next(iter(sorted(suspect_keys))),
            role="suspect",
            how=how,
            quote=g.note,
            cue=hit.cue.text,
            words=[question.words[p] for p in hit.positions],
            echo=True,
            question_line=turn.line_at(question.start),
        )
        m.rules.append(
            f"{'nod' if how == 'agreed' else 'head shake'} noted by the transcriber after '{question.text}'"
        )
        m.rules.append("a nod carries the question's content, not the suspect's own knowledge")
        out.append(m)


def _suspect(fact: Fact, turn: Turn, ctx: Context, out: list[Mention], recent: bool) -> None:
    us = units(turn)
    for u in us:
        hit = match_unit(fact, u.stems)
        if hit:
            first = min(hit.positions)
            how = "denied" if negated(u.words, first) else "stated"
            m = _mention(fact, turn, u, how, hit)
            m.rules.append(
                f"cue '{hit.cue.text}' matched '{' '.join(m.words)}' in the suspect's own sentence"
            )
            if how == "denied":
                m.rules.append("a negation precedes the cue: a denial, not a statement")
            m.rules += excluded_note(fact, u)
            m.echo = recent
            if recent:
                m.rules.append("an interrogator had just said it: an echo")
            out.append(m)
            return
    asked = ctx.last_question()
    if asked is None:
        return
    q_turn, question = asked
    q_line = q_turn.line_at(question.start)
    polarity = answer_polarity(turn)
    q_hit = match_unit(fact, question.stems)
    if q_hit is None:
        for q_turn2, other in ctx.questions_of_last_asker():
            q_hit = match_unit(fact, other.stems)
            if q_hit is not None:
                q_turn, question, q_line = q_turn2, other, q_turn2.line_at(other.start)
                break
    if q_hit is None:
        if us and question.question and not question.is_yes_no and len(us[0].words) <= 12:
            hit = _compose(fact, question, us[0])
            if hit is None and question.points_back:
                question = _whole_turn(q_turn)
                hit = _compose(fact, question, us[0])
            if hit:
                _composed(fact, turn, us[0], question, q_line, hit, ctx, out, recent)
        return
    if polarity == "yes" or (question.is_wh and us and polarity is None and not _negative(us)):
        m = _mention(fact, turn, us[0] if us else None, "agreed", None)
        m.quote, m.cue, m.words = turn.text, q_hit.cue.text, [question.words[p] for p in q_hit.positions]
        m.echo, m.question_line = True, q_line
        m.rules.append(f"answers '{question.text}' (line {q_line}), which contains the fact")
        m.rules.append(
            "a yes or a nod carries the question's content"
            if polarity == "yes"
            else "answering a wh-question accepts what it presupposes"
        )
        out.append(m)
    elif polarity == "no":
        m = _mention(fact, turn, us[0] if us else None, "denied", None)
        m.quote, m.question_line, m.cue = turn.text, q_line, q_hit.cue.text
        m.rules.append(f"says no to '{question.text}' (line {q_line})")
        out.append(m)


def _whole_turn(turn: Turn) -> Unit:
    """The question turn as one unit, for a question that points back ("those items")."""
    us = units(turn)
    return Unit(
        text=" ".join(u.text for u in us),
        start=us[0].start,
        words=tuple(w for u in us for w in u.words),
        stems=tuple(s for u in us for s in u.stems),
        question=True,
    )


def _negative(us: list[Unit]) -> bool:
    words = us[0].words
    return bool(words) and (
        words[0] in {"no", "nope"} or any(w in {"don't", "didn't", "not"} for w in words[:4])
    )


def _composed(
    fact: Fact,
    turn: Turn,
    answer: Unit,
    question: Unit,
    q_line: int,
    hit: Hit,
    ctx: Context,
    out: list[Mention],
    recent: bool,
) -> None:
    split = len(question.stems)
    own = {s for t in ctx.recent_suspect for u in units(t) for s in u.stems}
    supplied = [question.words[p] for p in hit.positions if p < split]
    m = _mention(fact, turn, answer, "stated", None)
    m.cue, m.question_line = hit.cue.text, q_line
    m.words = supplied + [answer.words[p - split - 1] for p in hit.positions if p > split]
    m.supplied = [
        w
        for p, w in zip([p for p in hit.positions if p < split], supplied, strict=True)
        if question.stems[p] not in own
    ]
    m.rules.append(f"short answer read with the question at line {q_line}: '{question.text}'")
    m.rules.append(f"cue '{hit.cue.text}' matched; the question supplied '{' '.join(supplied)}'")
    m.echo = recent
    out.append(m)


def find_mentions(fact: Fact, turns: list[Turn], suspect_keys: set[str]) -> list[Mention]:
    out: list[Mention] = []
    ctx = Context()
    last_interrogator_mention = -99
    for turn in turns:
        if turn.role == "suspect":
            recent = turn.index - last_interrogator_mention <= 6
            _suspect(fact, turn, ctx, out, recent)
            ctx.recent_suspect = (ctx.recent_suspect + [turn])[-3:]
            ctx.block = []
        else:
            ctx.block.append(turn)
            before = len(out)
            if speech_text(turn.text).strip() or turn.gestures:
                _interrogator(fact, turn, ctx, out, suspect_keys)
            if turn.role == "interrogator":
                ctx.questions = (ctx.questions + [(turn, u) for u in units(turn) if u.question])[-6:]
            if any(m.role != "suspect" and m.how != "denied" for m in out[before:]):
                last_interrogator_mention = turn.index
    return out
