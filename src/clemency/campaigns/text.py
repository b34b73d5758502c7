"""Text rules for public pages and signatures: Markdown made safe, victims' names found, e-mail made
canonical, names that a spreadsheet would run as a formula refused."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt

# CommonMark with raw HTML switched off; nh3 (Ammonia) then removes anything not on this list.
_markdown = MarkdownIt("commonmark", {"html": False}).disable("image")
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "a",
    "hr",
    "code",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), plus tab and CR.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Providers known to ignore dots in the part before the @ (Gmail's documented behaviour).
DOTS_IGNORED = {"gmail.com", "googlemail.com"}
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def render_markdown(text: str) -> str:
    """Markdown to HTML that is safe to show to the public: no scripts, images, styles or raw HTML."""
    html = _markdown.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )


def canonical_email(address: str) -> str:
    """One form per mailbox: lower case, `+tag` removed, dots removed where the provider ignores them."""
    address = address.strip().lower()
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    domain = DOMAIN_ALIASES.get(domain, domain)
    local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local = local.replace(".", "")
    return f"{local}@{domain}"


def email_domain(address: str) -> str:
    return canonical_email(address).rpartition("@")[2]


def starts_like_a_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def neutralise_formula(value: object) -> str:
    """A cell an exported spreadsheet shows as text: a leading formula character gets an apostrophe."""
    text = "" if value is None else str(value)
    return f"'{text}" if starts_like_a_formula(text) else text


@dataclass(frozen=True)
class NameMatch:
    name: str
    where: str
    excerpt: str


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def find_names(names: Iterable[str], texts: dict[str, str]) -> list[NameMatch]:
    """Where any of `names` appears in `texts` (field label -> text): whole words, any case or accent.

    A name matches in full, and also as its first and last word together ("Mary Ann Smith" is found
    as "Mary Smith"), so a middle name left out does not hide it.
    """
    found: list[NameMatch] = []
    for name in names:
        words = _fold(name).split()
        if not words:
            continue
        variants = {" ".join(words)}
        if len(words) > 2:
            variants.add(f"{words[0]} {words[-1]}")
        for label, text in texts.items():
            folded = _fold(text or "")
            for variant in variants:
                pattern = r"\b" + r"\s+".join(re.escape(word) for word in variant.split()) + r"\b"
                match = re.search(pattern, folded)
                if match:
                    start, end = max(match.start() - 40, 0), min(match.end() + 40, len(text))
                    found.append(NameMatch(name=name, where=label, excerpt=text[start:end].strip()))
                    break
    return found
