"""A small fictional population for the tests: CSV text, each row a different kind of case."""

from __future__ import annotations

HEADER = (
    "person_id,birth_date,jurisdiction,court_system,offense_date,conviction_date,sentence_date,"
    "statutes,offense_categories,sentence_type,sentence_term_days,custody_start_date,jail_credit_days,"
    "execution_date,on_supervision,citizenship,controlled_substances,marijuana_offense_conduct,"
    "execution_notice_date"
)
ROWS = [
    # A federal drug life sentence from 1996.
    "P-001,1961-09-14,us,federal,1995-06-12,1996-02-20,1996-05-30,21 U.S.C. 846|21 U.S.C. 841(b)(1)(A),"
    "drug,life,,1995-06-12,0,,false,,crack_cocaine,,",
    # A federal death sentence with an execution date, noticed on 2026-05-20.
    "P-002,1975-02-11,us,federal,1998-07-19,2000-03-03,2000-06-09,18 U.S.C. 1111,violent,death,,"
    "1998-07-21,,2026-09-15,false,,,,2026-05-20",
    # A Texas death sentence.
    "P-003,1979-05-20,us-tx,state,2000-12-02,2002-05-14,2002-05-21,Tex. Penal Code 19.03,violent,death,,"
    "2000-12-05,,,false,,,,",
    # A federal simple-possession conviction, probation completed.
    "P-004,1985-04-17,us,federal,2009-03-14,2009-08-03,2009-10-05,21 U.S.C. 844(a),drug,probation,365,,,,"
    "false,us_citizen,marijuana,simple_possession,",
    # A bad date cell: it becomes unknown and is reported.
    "P-005,1970-13-40,us-tn,state,2004-08-06,2005-09-30,2005-11-04,Tenn. Code Ann. 39-13-202,violent,term,"
    "18615,2004-08-07,455,,false,,,,",
    # Almost nothing known.
    "P-006,,,,,,,,,,,,,,,,,,",
]


def population_csv(rows: list[str] | None = None, header: str = HEADER) -> bytes:
    return ("\n".join([header, *(ROWS if rows is None else rows)]) + "\n").encode()
