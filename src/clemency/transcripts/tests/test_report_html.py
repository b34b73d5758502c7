"""The library's report inside our page: only its body, checked against an allow-list first."""

from __future__ import annotations

import pytest

from clemency.interrogation import analyze, render_html
from clemency.transcripts.report_html import UnsafeReport, embeddable
from clemency.transcripts.tests.samples import FACTS, TRANSCRIPT
from clemency.web.tests.html_checks import inline_script_problems


def _page(body: str) -> str:
    return f"<!doctype html><html><head><style>p {{}}</style></head><body>{body}</body></html>"


def test_the_librarys_report_is_embedded_without_its_style_and_one_heading_level_down():
    fragment = embeddable(render_html(analyze(TRANSCRIPT, FACTS)))
    assert fragment.startswith("<h2>Where each fact came from</h2>")
    assert "<h1" not in fragment and "<style" not in fragment and "<svg" in fragment
    assert inline_script_problems(fragment) == []


def test_quoted_markup_in_the_record_stays_text():
    hostile = TRANSCRIPT.replace("He fell in the water.", "<script>alert(1)</script> He fell in the water.")
    fragment = embeddable(render_html(analyze(hostile, FACTS)))
    assert "<script>" not in fragment and "&lt;script&gt;" in fragment


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("<p>x</p><script>alert(1)</script>", "<script> is not allowed"),
        ('<p onclick="steal()">x</p>', "<p onclick=...> is not allowed"),
        ('<p style="color: red">x</p>', "<p style=...> is not allowed"),
        ('<a href="https://elsewhere.example/">x</a>', "leaves the report"),
        ('<a href="javascript:alert(1)">x</a>', "leaves the report"),
        ('<iframe src="/"></iframe>', "<iframe> is not allowed"),
        ('<svg><image href="x.png"/></svg>', "<image> is not allowed"),
    ],
)
def test_anything_outside_the_allow_list_is_refused(body, problem):
    with pytest.raises(UnsafeReport, match=problem):
        embeddable(_page(body))


def test_a_document_without_a_body_is_refused():
    with pytest.raises(UnsafeReport, match="no <body>"):
        embeddable("<p>fragment</p>")
