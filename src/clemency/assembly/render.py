"""Render a template with a case context into DOCX bytes: preview (watermarked DRAFT) or final."""

from __future__ import annotations

import io
from typing import Literal

import jinja2
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor
from docxtpl import DocxTemplate

from clemency.assembly.catalog import get_template
from clemency.assembly.context import CaseContext, redactor_for, to_template_data
from clemency.assembly.environment import UNKNOWN, jinja_env, longdate, money, term
from clemency.assembly.errors import TemplateError
from clemency.assembly.lint import normalise_docx
from clemency.assembly.redaction import check_released
from clemency.assembly.unknowns import apply_answers

__all__ = [
    "DRAFT_NOTICE",
    "REDACTED_NOTICE",
    "UNKNOWN",
    "VARIANTS",
    "longdate",
    "money",
    "render_docx",
    "render_pdf",
    "term",
]

Variant = Literal["preview", "final"]
VARIANTS: tuple[str, ...] = ("preview", "final")

DRAFT_NOTICE = "DRAFT - NOT FOR FILING"
REDACTED_NOTICE = "REDACTED PUBLIC COPY"


def render_docx(
    template_name: str,
    context: CaseContext,
    variant: Variant | str = "preview",
    *,
    redacted: bool = False,
    answers: dict[str, str] | None = None,
) -> bytes:
    """The named template filled with the case; `preview` carries a DRAFT watermark, `redacted`
    replaces every sensitive field (see `context.SENSITIVE_FIELDS`); `answers` fill variables the
    case does not know, by path (see `unknowns.apply_answers`)."""
    if variant not in VARIANTS:
        raise TemplateError(f"variant {variant!r} is not one of {', '.join(VARIANTS)}")
    spec = get_template(template_name)
    # normalised first: a template saved by Word with curly quotes or split tags still renders
    template = DocxTemplate(io.BytesIO(normalise_docx(spec.path.read_bytes())))
    try:
        data = apply_answers(to_template_data(context, redacted=redacted), answers or {})
        _place_logo(template, data)
        template.render(data, jinja_env(), autoescape=True)
    except jinja2.TemplateError as error:
        raise TemplateError(f"template {template_name!r} failed to render: {error}") from error
    document: DocxDocument = template.docx
    notices = ([DRAFT_NOTICE] if variant == "preview" else []) + ([REDACTED_NOTICE] if redacted else [])
    if notices:
        _add_header_notice(document, " - ".join(notices))
    if variant == "preview":
        _add_watermark(document, "DRAFT")
    out = io.BytesIO()
    document.save(out)
    if redacted:
        check_released(redactor_for(context), out.getvalue(), kind="docx")
    return out.getvalue()


LOGO_WIDTH_MM = 35


def _place_logo(template: DocxTemplate, data: dict[str, object]) -> None:
    """The team's logo bytes become an image in the document (docxtpl needs the template for that)."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    team = data.get("team")
    if isinstance(team, dict) and isinstance(team.get("logo"), bytes | bytearray):
        team["logo"] = InlineImage(template, io.BytesIO(team["logo"]), width=Mm(LOGO_WIDTH_MM))


def _add_header_notice(document: DocxDocument, text: str) -> None:
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(10)
        run.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)


# A diagonal text watermark behind the page body, as Word writes it (VML in the header);
# LibreOffice imports it as a watermark too.
_WATERMARK_XML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word">'
    "<w:pict>"
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    "<v:formulas>"
    '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>'
    '<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>'
    '<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>'
    '<v:f eqn="sum @6 0 @5"/>'
    "</v:formulas>"
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="ClemencyWatermark" o:spid="_x0000_s1025" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:140pt;rotation:315;'
    "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#d0d0d0" stroked="f">'
    '<v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;Liberation Sans&quot;;font-size:1pt" string="{text}"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/>'
    "</v:shape></w:pict></w:r>"
)


def _add_watermark(document: DocxDocument, text: str) -> None:
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph._p.append(parse_xml(_WATERMARK_XML.format(text=text)))


def render_pdf(
    template_name: str,
    context: CaseContext,
    variant: Variant | str = "preview",
    *,
    redacted: bool = False,
    answers: dict[str, str] | None = None,
) -> bytes:
    """`render_docx`, then LibreOffice to PDF: the same document as the editable draft."""
    from clemency.assembly.pdf import docx_to_pdf

    pdf = docx_to_pdf(render_docx(template_name, context, variant, redacted=redacted, answers=answers))
    if redacted:
        check_released(redactor_for(context), pdf, kind="pdf")
    return pdf
