"""HTML report (Jinja2): quotes the record with page cites and draws the SVG timeline."""

from __future__ import annotations

from importlib import resources

import jinja2

from .cites import range_text, record_cite
from .report import NOTICE, Report
from .timeline import svg

QUESTION_KINDS = ("open_invitation", "wh", "yes_no", "forced_choice", "tag", "leading")


def _template() -> jinja2.Template:
    source = resources.files("clemency.interrogation").joinpath("templates/report.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(cite=record_cite, span=range_text)
    return env.from_string(source)


def render_html(report: Report) -> str:
    template = _template()
    data = report.to_dict()
    first_lines = {n: p.first_line for n, p in report.transcript.pages.items()}
    return template.render(
        r=report,
        notice=NOTICE,
        summary=data["transcript"],
        svg=svg(report.facts, report.transcript.line_count, first_lines),
        facts=data["facts"],
        qtypes=data["question_types"],
        kinds=QUESTION_KINDS,
        tactics=data["tactics"],
        suspect_markers=data["suspect_markers"],
        talk=data["talk"],
        speakers=data["speakers"],
        warnings=data["warnings"],
    )
