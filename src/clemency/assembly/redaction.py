"""Finding a protected value however it is written, to strike it from a public copy and to check the
produced file before it is released.

A stored value is rarely written the same way twice: "Alice Victimson" appears as "ALICE
VICTIMSON", "Ms. Victimson" or "Alice  Victimson"; a register number 12345-678 as "12345678" or
"12345 678"; a birth date 1970-01-02 as "January 2nd, 1970", "Jan. 2, 1970", "2 January 1970" or
"1/2/1970"; an address as its street line alone. So each protected value becomes a pattern that
matches its common written forms, case and spacing aside:

- a name: the whole name, each of its words on its own (a surname alone, or after a title such as
  Ms., Mr., Dr.), any case;
- an identifier (register, prison or phone number): its letters and digits with or without spaces,
  hyphens, dots or slashes between them;
- a date: ISO, month/day/year with or without leading zeros, two- or four-digit years, with /, - or
  . between, the month's name or its abbreviation before or after the day, with or without an
  ordinal suffix ("2nd") and "of";
- free text (an address line, a place, an e-mail address): the text with any spacing and case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

REDACTED = "[REDACTED]"
NAME, IDENTIFIER, DATE, TEXT = "name", "identifier", "date", "text"
_MIN_WORD = 3  # shorter name parts ("Al", "Jo") would strike too much unrelated text
_SEPARATORS = r"[\s\-./]*"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


@dataclass(frozen=True)
class Protected:
    """One protected value: what it is (for messages that never repeat it) and how it is written."""

    label: str
    kind: str
    value: str | date


def _spaced(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.split())


def _bounded(pattern: str) -> str:
    return rf"(?<![0-9A-Za-z]){pattern}(?![0-9A-Za-z])"


def _name_patterns(name: str) -> list[str]:
    words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
    patterns = [_bounded(_spaced(name))] if len(words) > 1 else []
    titles = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+"
    for word in words:
        if len(word.strip(".")) >= _MIN_WORD:
            patterns.append(_bounded(f"(?:{titles})?{re.escape(word.strip('.'))}"))
    return patterns


def _identifier_patterns(value: str) -> list[str]:
    characters = [c for c in value if c.isalnum()]
    if len(characters) < 3:
        return [_bounded(re.escape(value.strip()))] if value.strip() else []
    return [_bounded(_SEPARATORS.join(re.escape(c) for c in characters))]


def _date_patterns(value: date) -> list[str]:
    month_name = _MONTHS[value.month - 1]
    september = r"|Sept\.?" if value.month == 9 else ""
    month_words = rf"(?:{month_name}|{month_name[:3]}\.?{september})"
    day = rf"0?{value.day}(?:st|nd|rd|th)?"
    year = rf"(?:{value.year}|'?{value.year % 100:02d})"
    numeric_month, numeric_day = rf"0?{value.month}", rf"0?{value.day}"
    separator = r"\s*[/\-.]\s*"
    return [_bounded(pattern) for pattern in (
        rf"{value.year}{separator}{value.month:02d}{separator}{value.day:02d}",
        rf"{numeric_month}{separator}{numeric_day}{separator}{year}",
        rf"{numeric_day}{separator}{numeric_month}{separator}{value.year}",
        rf"{month_words}\s+{day},?\s+{year}",
        rf"{day}\s+(?:of\s+)?{month_words},?\s+{year}",
    )]


def patterns_for(item: Protected) -> list[str]:
    value = item.value
    if isinstance(value, date):
        return _date_patterns(value)
    text = str(value).strip()
    if not text:
        return []
    if item.kind == NAME:
        return _name_patterns(text)
    if item.kind == IDENTIFIER:
        return _identifier_patterns(text)
    return [_bounded(_spaced(text))] if len(text) >= _MIN_WORD else []


class Redactor:
    """Strikes every protected value from text, and says which are still found in a produced file."""

    def __init__(self, protected: list[Protected]) -> None:
        self.protected = protected
        self._compiled = [(item, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
                          for item in protected if (patterns := patterns_for(item))]
        everything = [p for item in protected for p in patterns_for(item)]
        # Longest first, so a whole name is struck before its words are.
        everything.sort(key=len, reverse=True)
        joined = "|".join(f"(?:{p})" for p in everything)
        self._all = re.compile(joined, re.IGNORECASE) if everything else None

    def redact(self, text: str) -> str:
        if self._all is None or not text:
            return text
        return self._all.sub(REDACTED, text)

    def found_in(self, text: str) -> list[str]:
        """The labels of the protected values still present in `text` (never the values)."""
        normalised = " ".join(text.split())
        return sorted({item.label for item, pattern in self._compiled
                       if pattern.search(text) or pattern.search(normalised)})


def docx_text(data: bytes) -> str:
    """Every word a DOCX shows, body, headers, footers, notes and properties alike; a paragraph's
    runs are joined as written, so a value split across runs is still found."""
    import html
    import io
    import zipfile

    parts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml"):
                continue
            xml = archive.read(name).decode("utf-8", errors="replace")
            if "<w:p" in xml:
                for paragraph in re.split(r"</w:p>", xml):
                    runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", paragraph)
                    parts.append(html.unescape("".join(runs)))
            else:
                parts.append(html.unescape(re.sub(r"<[^>]+>", " ", xml)))
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    metadata = [str(value) for value in (reader.metadata or {}).values()]
    return "\n".join(pages + metadata)


def check_released(redactor: Redactor, data: bytes, *, kind: str) -> None:
    """Refuse (RedactionError) a produced redacted file whose text still shows a protected value."""
    from clemency.assembly.errors import RedactionError

    text = pdf_text(data) if kind == "pdf" else docx_text(data)
    found = redactor.found_in(text)
    if found:
        raise RedactionError("The redacted copy still shows the " + ", ".join(found)
                             + "; it was not released. Check the template and the case's text fields.")
