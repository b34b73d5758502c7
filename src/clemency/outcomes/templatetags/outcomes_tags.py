from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def figure(value: Any) -> str:
    """A table cell in words and digits: 1,234; 12.5; yes or no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(value)


@register.filter
def words(value: Any) -> str:
    """A metric id of the compiled files in words: pardons_granted -> Pardons granted."""
    text = str(value).replace("_", " ").strip()
    return text[:1].upper() + text[1:]
