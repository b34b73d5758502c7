"""Line classification for printed transcripts: page headers, Bates stamps, stage directions.

These are the parts of the record that are not speech but must be kept, because lawyers cite
pages and Bates numbers.
"""

from __future__ import annotations

import re

from .text import fold

# Words of an agency's running header ("... COUNTY SHERIFF'S DEPARTMENT", "... POLICE
# DEPARTMENT"), with the fragments OCR leaves of them ("COUNY", "SHERFF'S", "DEPARTM").
_HEADER_WORDS = ("count", "coun", "sheriff", "sherf", "sheref", "ff's", 'ff"s', "depart", "police")
_DIGIT_LOOKALIKES = str.maketrans("0156", "olsb")
PAGE_RE = re.compile(r"\bPage\b[\s\-~.:]*?(\d{1,4})\b", re.I)
_CASE_NO = re.compile(r"complaint\s*no|file\s*n|nurnber|\bfie number", re.I)
# A Bates stamp: a short prefix (letters, perhaps garbled) and a number, alone on its line.
_STAMP = re.compile(r"^[A-Za-z$][^\s\d]{1,9}[-_ ]?(\d{3,8})\D?$")
_JUNK = re.compile(r"^[\s_\-.*\\/|~o•,]*$")
STAGE_RE = re.compile(r"^\s*(\([^()]*\)\s*)+[.\-\s]*$")
END_MARKERS = re.compile(r"^(this is the end of|end of (the )?(interview|transcript|recording|tape))", re.I)
START_MARKERS = re.compile(r"^the following (will be|is) a transcript", re.I)


def is_page_header(line: str) -> bool:
    """A running header such as "CALUMET COUNTY SHERIFF'S DEPARTMENT", however the OCR spelt it."""
    folded = fold(line).lower()
    if len(folded) > 90 or ":" in folded.split(" ")[0]:
        return False
    folded = folded.translate(_DIGIT_LOOKALIKES)  # "P0LICE", "C0UNTY"
    hits = sum(1 for word in _HEADER_WORDS if word in folded)
    words = re.findall(r"[a-z]{4,}", folded)  # the place name and OCR debris may stand beside them
    other = [w for w in words if not any(h.strip() in w or w in h for h in _HEADER_WORDS)]
    return hits >= 2 and len(other) <= 2 and "page" not in folded[:6]


def case_number_line(line: str) -> bool:
    folded = fold(line)
    digits = re.sub(r"\D", "", folded)
    letters = re.sub(r"[^A-Za-z]", "", folded)
    if _CASE_NO.search(folded):
        return True
    # A case number alone on its line ("05-0157-955", OCR'd as "{}5-0.157-955"): digits and
    # punctuation, hardly any letters.
    return len(letters) <= 2 and len(digits) >= 5 and len(folded.strip()) <= 24


def page_number(lines: list[str]) -> int | None:
    """The page number printed in a header block ("Page 540", or "Page" and "540" on two lines)."""
    joined = " ".join(fold(x) for x in lines)
    match = PAGE_RE.search(joined)
    return int(match.group(1)) if match else None


def bates_stamp(line: str) -> tuple[str, int | None] | None:
    """A Bates stamp line such as STATE4597 (OCR may garble letters; digits are kept)."""
    raw = line.strip()
    if not raw or " " in raw or len(raw) > 14:
        return None
    if not _STAMP.match(raw):
        return None
    folded = fold(raw)
    number = re.search(r"(\d{3,8})\D?$", folded)
    return folded, int(number.group(1)) if number else None


def is_junk(line: str) -> bool:
    """Separators and OCR noise with no words in them."""
    folded = fold(line).strip()
    if _JUNK.match(folded):
        return True
    return len(re.findall(r"[A-Za-z]", folded)) == 0 and not re.search(r"\d", folded)


def is_artifact(line: str) -> bool:
    """Anything from the page furniture: header, page line, case number, stamp, separator."""
    stripped = fold(line).strip()
    return (
        is_page_header(line)
        or case_number_line(line)
        or bates_stamp(line) is not None
        or is_junk(line)
        or bool(re.match(r"^page\b[\s\-~.:]*\d*\b", stripped, re.I) and len(stripped) < 40)
        or bool(re.match(r"^-?\s*\d{3}\s*$", stripped))
    )


def is_stage(line: str) -> bool:
    """A line that is only a transcriber's note: "(pause)", "(door opens & closes)"."""
    return bool(STAGE_RE.match(fold(line)))
