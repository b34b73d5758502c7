"""Template lint: the shipped templates are clean, and the lint catches what Word does to them."""

import io

import docx
import pytest
from docxtpl import DocxTemplate

from clemency.assembly import demo
from clemency.assembly.catalog import TEMPLATES
from clemency.assembly.context import to_template_data
from clemency.assembly.lint import lint_docx, lint_file, main, normalise_docx, template_variables
from clemency.assembly.render import jinja_env


def _docx(*paragraphs: list[str]) -> bytes:
    """A DOCX whose paragraphs are made of the given runs (one string per run)."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _render_text(template: bytes) -> str:
    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(to_template_data(demo.federal_commutation()), jinja_env(), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return "\n".join(p.text for p in docx.Document(io.BytesIO(out.getvalue())).paragraphs)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_shipped_template_lints_clean(name):
    problems = lint_file(TEMPLATES[name].path)
    assert problems == [], [str(p) for p in problems]


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_shipped_template_uses_the_person(name):
    used = template_variables(TEMPLATES[name].path.read_bytes())
    assert "person.full_name" in used


# Word's AutoCorrect: the quotes inside the filter argument became curly; and an edit split the
# tag `{{ person.full_name }}` over three runs.
CURLY = "{{ person.other_names|join(\u201c, \u201d) }}"
SPLIT = ["Name: {{ per", "son.full", "_name }} (client)"]


def test_lint_reports_curly_quotes_and_split_tags():
    broken = _docx([CURLY], SPLIT)
    messages = [p.message for p in lint_docx(broken, "broken")]
    assert "1 tag(s) with curly quotes" in messages
    assert "1 tag(s) split across runs" in messages


def test_normalise_fixes_curly_quotes_and_joins_split_tags():
    fixed = normalise_docx(_docx([CURLY], SPLIT))
    assert lint_docx(fixed, "fixed") == []
    paragraphs = docx.Document(io.BytesIO(fixed)).paragraphs
    assert paragraphs[0].runs[0].text == '{{ person.other_names|join(", ") }}'
    runs = [r.text for r in paragraphs[1].runs]
    assert runs[0] == "Name: {{ person.full_name }}"
    assert runs[-1] == " (client)"  # text after the tag keeps its own run and formatting
    text = _render_text(fixed)
    assert "Bram Reyes" in text
    assert "Name: Aurelio Bram Okonkwo-Reyes (client)" in text


def test_normalise_leaves_a_clean_document_unchanged():
    clean = TEMPLATES["governor_letter"].path.read_bytes()
    assert lint_docx(normalise_docx(clean)) == lint_docx(clean) == []


def test_curly_quotes_outside_tags_are_left_alone():
    fixed = normalise_docx(_docx(["\u201cHe changed,\u201d she wrote. {{ person.given_name }}"]))
    assert docx.Document(io.BytesIO(fixed)).paragraphs[0].text.startswith("\u201cHe changed,\u201d")


def test_unknown_variable_fails_naming_it():
    problems = lint_docx(_docx(["{{ person.ful_name }} and {{ persn.given_name }}"]), "typo")
    assert [str(p) for p in problems] == [
        "typo: unknown variable 'persn.given_name'",
        "typo: unknown variable 'person.ful_name'",
    ]


def test_loop_variables_resolve_to_list_items():
    ok = _docx(["{%p for c in convictions %}"], ["{{ c.court }} {{ c.sentence.imposed }}"], ["{%p endfor %}"])
    assert lint_docx(ok) == []
    bad = _docx(["{%p for c in convictions %}"], ["{{ c.judge }}"], ["{%p endfor %}"])
    assert [p.message for p in lint_docx(bad)] == ["unknown variable 'convictions[].judge'"]


def test_unknown_variable_inside_a_condition_or_filter_is_caught():
    problems = lint_docx(_docx(["{% if case.urgent %}x{% endif %}{{ person.aliases|join(', ') }}"]))
    assert sorted(p.message for p in problems) == [
        "unknown variable 'case.urgent'",
        "unknown variable 'person.aliases'",
    ]


def test_a_template_that_does_not_parse_is_reported():
    problems = lint_docx(_docx(["{% if person.full_name %}no end"]), "unclosed")
    assert len(problems) == 1
    assert "does not parse" in problems[0].message


def test_lint_command_fixes_files_in_place_and_fails_on_unknown_variables(tmp_path, capsys):
    fixable = tmp_path / "word_edited.docx"
    fixable.write_bytes(_docx([CURLY], SPLIT))
    assert main([str(fixable)]) == 1
    assert main(["--fix", str(fixable)]) == 0
    assert lint_file(fixable) == []
    typo = tmp_path / "typo.docx"
    typo.write_bytes(_docx(["{{ person.nickname }}"]))
    assert main(["--fix", str(typo)]) == 1
    assert "typo: unknown variable 'person.nickname'" in capsys.readouterr().out


def test_render_repairs_a_word_edited_template_on_the_fly(tmp_path, monkeypatch):
    from clemency.assembly import catalog
    from clemency.assembly.render import render_docx

    monkeypatch.setattr(catalog, "TEMPLATE_DIR", tmp_path)
    (tmp_path / "governor_letter.docx").write_bytes(_docx([CURLY], SPLIT))
    rendered = docx.Document(io.BytesIO(render_docx("governor_letter", demo.federal_commutation(), "final")))
    assert "Name: Aurelio Bram Okonkwo-Reyes (client)" in "\n".join(p.text for p in rendered.paragraphs)
