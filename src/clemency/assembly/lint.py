"""Template lint: every template parses, its tags are clean, and it names only schema variables.

Word breaks templates in two quiet ways: AutoCorrect turns straight quotes inside `{{ ... }}` into
curly ones, and editing splits one tag over several runs (`{{ per` + `son.full_name }}`).
`normalise_docx` repairs both; `lint_docx` reports what it would repair and every variable the
case schema does not know, by name.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import nodes
from lxml import etree

from clemency.assembly.context import is_valid_variable
from clemency.assembly.environment import jinja_env

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
CURLY_TO_STRAIGHT = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
# Names Jinja itself provides inside templates.
JINJA_NAMES = frozenset({"loop", "range", "namespace", "dict", "lipsum", "cycler", "joiner", "caller"})


@dataclass(frozen=True)
class LintProblem:
    part: str
    message: str

    def __str__(self) -> str:
        return f"{self.part}: {self.message}"


def _template_parts(archive: zipfile.ZipFile) -> list[str]:
    return [
        n
        for n in archive.namelist()
        if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml", n)
    ]


# ---------------------------------------------------------------------------------------------
# Repair: curly quotes and split tags


def _normalise_paragraph(paragraph: etree._Element) -> tuple[int, int]:
    """Join every tag into the run where it starts and straighten its quotes.
    Returns (tags that were split, tags that had curly quotes)."""
    texts = list(paragraph.iter(f"{_W}t"))
    if not texts:
        return 0, 0
    joined = "".join(t.text or "" for t in texts)
    if "{" not in joined:
        return 0, 0
    owner: list[int] = []
    for index, t in enumerate(texts):
        owner.extend([index] * len(t.text or ""))
    chars = list(joined)
    split = curly = 0
    for match in TAG_RE.finditer(joined):
        start, end = match.span()
        first = owner[start]
        if owner[end - 1] != first:
            split += 1
        tag = match.group(0)
        straight = tag.translate(CURLY_TO_STRAIGHT)
        if straight != tag:
            curly += 1
        chars[start:end] = list(straight)
        owner[start:end] = [first] * (end - start)
    if not split and not curly:
        return 0, 0
    rebuilt = [""] * len(texts)
    for char, index in zip(chars, owner, strict=True):
        rebuilt[index] += char
    for t, text in zip(texts, rebuilt, strict=True):
        if t.text != text:
            t.text = text
            t.set(_XML_SPACE, "preserve")
    return split, curly


def _normalise_part(xml: bytes) -> tuple[bytes, int, int]:
    root = etree.fromstring(xml)  # noqa: S320 - a docx part we parse for templating, no DTDs resolved
    split = curly = 0
    for paragraph in root.iter(f"{_W}p"):
        s, c = _normalise_paragraph(paragraph)
        split, curly = split + s, curly + c
    if not split and not curly:
        return xml, 0, 0
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), split, curly


def normalise_docx(docx: bytes) -> bytes:
    """The same document with every Jinja tag in one run and straight quotes inside tags."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        parts = set(_template_parts(source))
        for item in source.infolist():
            data = source.read(item)
            if item.filename in parts:
                data = _normalise_part(data)[0]
            target.writestr(item, data)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Variables: the dotted paths a template uses


def _template_sources(docx: bytes) -> dict[str, str]:
    """Each templated part's text after docxtpl's own preprocessing, as docxtpl will render it."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(io.BytesIO(docx))
    template.init_docx()
    sources = {"word/document.xml": template.patch_xml(template.get_xml())}
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _key, part in template.get_headers_footers(uri):
            sources[str(part.partname).lstrip("/")] = template.patch_xml(template.get_part_xml(part))
    return sources


class _VariableCollector:
    """Walks a Jinja AST and records each context path it reads, resolving loop variables."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def visit(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            base = self._path(node.iter, scope)
            inner = dict(scope)
            for name in self._target_names(node.target):
                # a single loop variable is an item of the list; tuple unpacking is opaque
                inner[name] = base + "[]" if base and isinstance(node.target, nodes.Name) else None
            for child in [*node.body, *([node.test] if node.test else []), *node.else_]:
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Assign):
            self.visit(node.node, scope)
            for name in self._target_names(node.target):
                scope[name] = self._path(node.node, scope) if isinstance(node.target, nodes.Name) else None
            return
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            self._record(node, scope)
            return
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            # a method of a value (`pathway_id.startswith(...)`): the value is what we read
            self._record(node.node.node, scope)
            for child in [*node.args, *node.kwargs]:
                self.visit(child, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)

    def _target_names(self, target: nodes.Node) -> list[str]:
        return (
            [n.name for n in target.find_all(nodes.Name)]
            if not isinstance(target, nodes.Name)
            else [target.name]
        )

    def _record(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        path = self._path(node, scope)
        if path is not None:
            self.used.add(path)
        # an index that is itself an expression reads variables too
        for item in node.find_all(nodes.Getitem):
            if not isinstance(item.arg, nodes.Const | nodes.Slice):
                self.visit(item.arg, scope)

    def _path(self, node: nodes.Node, scope: dict[str, str | None]) -> str | None:
        """The context path of a Name/Getattr/Getitem chain; None if it is not from the context."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            return None if node.name in JINJA_NAMES else node.name
        if isinstance(node, nodes.Getattr):
            base = self._path(node.node, scope)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, nodes.Getitem):
            base = self._path(node.node, scope)
            if base is None:
                return None
            if isinstance(node.arg, nodes.Slice):
                return base
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return f"{base}.{node.arg.value}"
            return base + "[]"
        if isinstance(node, nodes.Filter | nodes.CondExpr | nodes.BinExpr):
            return None
        return None


def template_variables(docx: bytes) -> set[str]:
    """Every context path the template reads (loop variables resolved to `list[]` paths)."""
    collector = _VariableCollector()
    env = jinja_env()
    for source in _template_sources(docx).values():
        collector.visit(env.parse(source), {})
    return collector.used


def lint_docx(docx: bytes, name: str = "template") -> list[LintProblem]:
    """Every problem in one template: parse errors, unrepaired tags, unknown variables."""
    problems: list[LintProblem] = []
    archive = zipfile.ZipFile(io.BytesIO(docx))
    for part in _template_parts(archive):
        _, split, curly = _normalise_part(archive.read(part))
        if split:
            problems.append(LintProblem(f"{name}:{part}", f"{split} tag(s) split across runs"))
        if curly:
            problems.append(LintProblem(f"{name}:{part}", f"{curly} tag(s) with curly quotes"))
    env = jinja_env()
    try:
        sources = _template_sources(docx)
    except Exception as error:  # a docx that python-docx cannot open at all
        return [*problems, LintProblem(name, f"cannot be opened as DOCX: {error}")]
    collector = _VariableCollector()
    for part, source in sources.items():
        try:
            collector.visit(env.parse(source), {})
        except jinja2.TemplateSyntaxError as error:
            problems.append(
                LintProblem(f"{name}:{part}", f"does not parse: {error.message} (line {error.lineno})")
            )
    for path in sorted(collector.used):
        if not is_valid_variable(path):
            problems.append(LintProblem(name, f"unknown variable {path!r}"))
    return problems


def lint_file(path: Path) -> list[LintProblem]:
    return lint_docx(path.read_bytes(), path.stem)


def main(argv: list[str] | None = None) -> int:
    """`python -m clemency.assembly [--fix] [FILE.docx ...]`: lint templates (default: the
    shipped ones); with --fix, rewrite each file with curly quotes and split tags repaired."""
    import argparse

    from clemency.assembly.catalog import TEMPLATES

    parser = argparse.ArgumentParser(prog="python -m clemency.assembly", description=main.__doc__)
    parser.add_argument("--fix", action="store_true", help="repair curly quotes and split tags in place")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = args.files or [spec.path for spec in TEMPLATES.values()]
    failed = False
    for path in files:
        if args.fix:
            path.write_bytes(normalise_docx(path.read_bytes()))
        problems = lint_file(path)
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
    return 1 if failed else 0
