"""Text normalisation for OCR'd transcripts: look-alike letters, quotes, tokens, a light stemmer.

The record is always quoted as written; these functions only build the folded copy that the
parser and the matcher read.
"""

from __future__ import annotations

import re
import unicodedata

# Letters from other scripts that OCR puts in place of Latin ones (Greek, Cyrillic, Cherokee),
# plus Latin letters that NFKD does not decompose. Only look-alikes; anything else is dropped.
_CONFUSABLES = {
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    "ο": "o",
    "ν": "v",
    "ρ": "p",
    "α": "a",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "Г": "r",
    "П": "n",
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "к": "k",
    "і": "i",
    "Ꭺ": "A",
    "Ᏼ": "B",
    "Ꮯ": "C",
    "Ꭰ": "D",
    "Ꭼ": "E",
    "Ꮐ": "G",
    "Ꮋ": "H",
    "Ꮶ": "K",
    "Ꮮ": "L",
    "Ꮇ": "M",
    "Ꮲ": "P",
    "Ꮪ": "S",
    "Ꭲ": "T",
    "Ꮩ": "V",
    "Ꮃ": "W",
    "Ꮓ": "Z",
    "Ꭴ": "U",
    "Ꮑ": "R",
    "Ꮎ": "O",
    "❍": "O",
    "Տ": "S",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "ß": "ss",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "\ufeff": "",
}

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def fold(text: str) -> str:
    """Latin-only copy of `text`: look-alikes mapped, accents removed, other scripts dropped."""
    out = []
    for ch in text:
        ch = _CONFUSABLES.get(ch, ch)
        if ord(ch[:1] or "a") < 128:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)
        kept = "".join(c for c in base if ord(c) < 128)
        out.append(kept)
    return "".join(out)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of folded text ("didn't" stays one token)."""
    return _WORD.findall(fold(text).lower())


def stem(word: str) -> str:
    """A deliberately small stemmer: plural, -ing, -ed, final -e; doubled consonants undone.

    Small on purpose: a lawyer reading a match must be able to see why two words met.
    """
    w = word.lower().replace("'", "")
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ied") and len(w) == 4:  # tied, died
        w = w[:-1]
    else:
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
                w = w[: -len(suffix)]
                break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz" and w[-1].isalpha():
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|(?<=\.\.\.)\s*")


def sentences(text: str) -> list[str]:
    """Split on terminal punctuation; keeps the punctuation so questions can be told apart."""
    parts = [p.strip() for p in _SENTENCE_END.split(text)]
    return [p for p in parts if p]
