"""The library's HTML report, made fit to sit inside a platform page under its Content Security Policy.

The library renders a whole document with its own <style>; the page keeps only the <body>, moves
the headings one level down (the page has its own <h1>), and styles it from our stylesheet
(static/transcripts/report.css). Before it is embedded the fragment is checked against an allow-list
of tags and attributes: no script, no event handler, no inline style, no javascript: URL, no frame.
The library escapes every piece of the record it quotes, so this is a second line of defence.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "caption",
        "a",
        "span",
        "strong",
        "em",
        "b",
        "i",
        "blockquote",
        "cite",
        "code",
        "br",
        "section",
        "figure",
        "figcaption",
        "div",
        "dl",
        "dt",
        "dd",
        "small",
        "sup",
        "sub",
        # The SVG timeline.
        "svg",
        "title",
        "rect",
        "line",
        "text",
        "path",
        "circle",
        "g",
        "desc",
    }
)
ALLOWED_ATTRIBUTES = frozenset(
    {
        "id",
        "class",
        "href",
        "colspan",
        "rowspan",
        "scope",
        "role",
        "aria-label",
        "aria-labelledby",
        "xmlns",
        "viewbox",
        "width",
        "height",
        "font-family",
        "font-size",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "d",
        "fill",
        "stroke",
        "stroke-width",
        "text-anchor",
    }
)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_HEADING = re.compile(r"<(/?)h([1-5])\b", re.I)


class UnsafeReport(ValueError):
    pass


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}> is not allowed")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES:
                self.problems.append(f"<{tag} {name}=...> is not allowed")
            if name == "href" and not (value or "").startswith("#"):
                self.problems.append(f"<{tag} href={value!r}> leaves the report")

    handle_startendtag = handle_starttag


def unsafe_parts(fragment: str) -> list[str]:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return checker.problems


def embeddable(document: str) -> str:
    """The report's body, headings one level down, checked; UnsafeReport if anything is not allowed."""
    found = _BODY.search(document)
    if found is None:
        raise UnsafeReport("the report has no <body>")
    fragment = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", found.group(1))
    problems = unsafe_parts(fragment)
    if problems:
        raise UnsafeReport("; ".join(problems[:5]))
    return fragment.strip()
