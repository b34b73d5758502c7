"""Which variables a template would print as "[unknown]" for a case, and filling them in.

A Final draft is made only when every variable it prints is known: `unknown_variables` renders the
template once with each missing value replaced by a marker that remembers its path, and returns the
paths printed (in the order the document prints them). `apply_answers` puts a person's answers
for those paths into the template data, for this one draft; the record itself is unchanged.
"""

from __future__ import annotations

import io
import re
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from clemency.assembly.catalog import get_template
from clemency.assembly.context import Absent, CaseContext, to_template_data
from clemency.assembly.environment import UNKNOWN, jinja_env
from clemency.assembly.errors import TemplateError
from clemency.assembly.lint import normalise_docx

_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")


class Missing:
    """A missing value that knows where it is: falsy (so `{% if %}` and `or` behave as for None)."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return UNKNOWN

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, Missing)

    def __hash__(self) -> int:
        return hash(None)


def _mark(data: Any, path: str) -> Any:
    if isinstance(data, dict):
        out = type(data)()
        for key, value in data.items():
            out[key] = _mark(value, f"{path}.{key}" if path else key)
        return out
    if isinstance(data, list):
        return [_mark(item, f"{path}[{index}]") for index, item in enumerate(data)]
    return Missing(path) if data is None else data


def unknown_variables(template_name: str, context: CaseContext, *, answers: dict[str, str] | None = None,
                      redacted: bool = False) -> list[str]:
    """The variable paths (`team.address.one_line`, `convictions[0].court`) this template prints as
    unknown for this case, each once, in the order printed."""
    spec = get_template(template_name)
    template = DocxTemplate(io.BytesIO(normalise_docx(spec.path.read_bytes())))
    found: list[str] = []
    env = jinja_env()
    base = env.finalize

    def finalize(value: Any) -> Any:
        if isinstance(value, Missing):
            if value.path not in found:
                found.append(value.path)
            return UNKNOWN
        return base(value) if base is not None else value

    env.finalize = finalize
    data = apply_answers(to_template_data(context, redacted=redacted), answers or {})
    team = data.get("team")
    if isinstance(team, dict) and team.get("logo"):
        team["logo"] = "logo"  # printed as an image by render_docx; here only whether it is known matters
    try:
        template.render(_mark(data, ""), env, autoescape=True)
    except jinja2.TemplateError as error:
        raise TemplateError(f"template {template_name!r} failed to render: {error}") from error
    return found


def apply_answers(data: dict[str, Any], answers: dict[str, str]) -> dict[str, Any]:
    """Set each answered path in the template data (in place, and returned); an unknown path is an error."""
    for path, value in answers.items():
        text = value.strip()
        if not text:
            continue
        parts = path.split(".")
        target: Any = data
        for depth, part in enumerate(parts):
            match = _SEGMENT.fullmatch(part)
            if match is None or not isinstance(target, dict) or match.group(1) not in target:
                raise TemplateError(f"{path!r} is not a variable of the case")
            key, index = match.group(1), match.group(2)
            last = depth == len(parts) - 1
            if index is not None:
                items = target[key]
                if not isinstance(items, list) or int(index) >= len(items):
                    raise TemplateError(f"{path!r} is not a variable of the case")
                if last:
                    items[int(index)] = text
                else:
                    target = items[int(index)]
            elif last:
                if isinstance(target[key], dict):
                    raise TemplateError(f"{path!r} is a record, not a value")
                target[key] = text
            else:
                if isinstance(target[key], Absent):
                    # A record that was missing and now has an answer inside it is present.
                    target[key] = dict(target[key])
                target = target[key]
    return data
