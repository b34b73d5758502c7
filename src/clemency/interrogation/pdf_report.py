"""PDF report (reportlab): the same content as the HTML report, with the timeline drawn."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle as ShapeCircle
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .cites import range_text, record_cite
from .report import NOTICE, Report
from .text import fold
from .timeline import KINDS, rows, ticks

_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)


def _fonts() -> tuple[str, str, bool]:
    """DejaVu when installed (it has the record's Greek and curly quotes); else Helvetica, with
    the text folded to Latin letters so nothing prints as a missing glyph."""
    for folder in _FONT_DIRS:
        regular, bold = Path(folder, "DejaVuSans.ttf"), Path(folder, "DejaVuSans-Bold.ttf")
        if regular.exists() and bold.exists():
            if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
                pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold", True
    return "Helvetica", "Helvetica-Bold", False


class _Writer:
    def __init__(self) -> None:
        self.font, self.bold, self.unicode = _fonts()
        base = getSampleStyleSheet()
        self.body = ParagraphStyle(
            "body", parent=base["BodyText"], fontName=self.font, fontSize=9, leading=12
        )
        self.quote = ParagraphStyle(
            "quote", parent=self.body, leftIndent=12, textColor=colors.HexColor("#222222")
        )
        self.small = ParagraphStyle("small", parent=self.body, fontSize=7.5, leading=9.5)
        self.h1 = ParagraphStyle("h1", parent=base["Heading1"], fontName=self.bold)
        self.h2 = ParagraphStyle("h2", parent=base["Heading2"], fontName=self.bold)
        self.h3 = ParagraphStyle("h3", parent=base["Heading3"], fontName=self.bold)

    def text(self, value: object) -> str:
        raw = str(value)
        return escape(raw if self.unicode else fold(raw))

    def p(self, value: object, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(self.text(value), style or self.body)

    def table(self, head: list[str], body: list[list[object]], widths: list[float]) -> Table:
        data = [[self.p(h, self.small) for h in head]] + [
            [self.p(c, self.small) for c in row] for row in body
        ]
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t


def _timeline(report: Report, w: _Writer) -> Drawing:
    data = rows(report.facts)
    width, left, row_h = 180 * mm, 46 * mm, 11.0
    height = row_h * len(data) + 40
    d = Drawing(width, height)
    line_count = max(report.transcript.line_count, 1)

    def x(line: int) -> float:
        return left + (width - left - 6) * line / line_count

    top = height - 16
    first_lines = {n: p.first_line for n, p in report.transcript.pages.items()}
    for line, label in ticks(first_lines, report.transcript.line_count):
        d.add(Line(x(line), top + 2, x(line), top - row_h * len(data), strokeColor=colors.lightgrey))
        d.add(String(x(line), top + 5, label, fontName=w.font, fontSize=6, textAnchor="middle"))
    for n, row in enumerate(data):
        y = top - row_h * n - row_h / 2
        d.add(String(2, y - 2.5, row.fact_id, fontName=w.font, fontSize=7))
        d.add(Line(left, y, width - 4, y, strokeColor=colors.HexColor("#bbbbbb")))
        for pt in row.points:
            _mark(d, pt.kind, x(pt.line), y)
    lx, ly = 4.0, 8.0
    for kind, (_colour, label) in KINDS.items():
        _mark(d, kind, lx + 4, ly + 2)
        d.add(String(lx + 11, ly, label, fontName=w.font, fontSize=6.5))
        lx += 44 * mm
    return d


def _mark(d: Drawing, kind: str, cx: float, cy: float) -> None:
    colour = colors.HexColor(KINDS[kind][0])
    if kind == "interrogator":
        d.add(Rect(cx - 3, cy - 3, 6, 6, fillColor=colour, strokeColor=None))
    elif kind == "attempt":
        d.add(Line(cx - 3, cy - 3, cx + 3, cy + 3, strokeColor=colour, strokeWidth=1.5))
        d.add(Line(cx - 3, cy + 3, cx + 3, cy - 3, strokeColor=colour, strokeWidth=1.5))
    elif kind == "echo":
        d.add(ShapeCircle(cx, cy, 3, fillColor=None, strokeColor=colour, strokeWidth=1.5))
    else:
        d.add(Polygon([cx, cy + 4, cx + 4, cy, cx, cy - 4, cx - 4, cy], fillColor=colour, strokeColor=None))


def _fact_story(f: dict, w: _Writer) -> list:
    out: list = [w.p(f"{f['id']}: {f['flag']}", w.h3), w.p(f["statement"])]
    for reason in f["reasons"]:
        out.append(w.p(f"- {reason}", w.small))
    m = f["first_mention"]
    if m:
        out.append(w.p(f"First mention ({m['how']}):"))
        out.append(
            w.p(
                f"{m['speaker']}: \u201c{m['quote']}\u201d "
                f"({record_cite(m['line'], m['page'], m['bates'], prefix='Tr. ')})",
                w.quote,
            )
        )
        out.append(w.p("Why: " + "; ".join(m["rules"]), w.small))
    for a in f["wrong_attempts"]:
        where = record_cite(None, a["page"], lines=a["lines"])
        out.append(
            w.p(
                f"Earlier answer: \u201c{a['quote']}\u201d ({where}), answering \u201c{a['answering']}\u201d",
                w.quote,
            )
        )
    s = f["suspect_first_statement"]
    if s:
        out.append(
            w.p(
                f"Suspect's first statement that is not an echo: \u201c{s['quote']}\u201d "
                f"({record_cite(s['line'], s['page'], s['bates'], prefix='Tr. ')})",
                w.quote,
            )
        )
    if f["pressure"]:
        listed = "; ".join(f"{p['kind']} {record_cite(p['line'], p['page'])}" for p in f["pressure"][:12])
        out.append(w.p(f"Pressure in the episode: {listed}", w.small))
    out.append(Spacer(1, 4))
    return out


def render_pdf(report: Report) -> bytes:
    w = _Writer()
    data = report.to_dict()
    t = data["transcript"]
    story: list = [w.p("Where each fact came from", w.h1), w.p(NOTICE)]
    pages = f", pages {range_text(*t['pages'])}" if t["pages"] else ", no page numbers (cited by input line)"
    bates = range_text(*t["bates"]) if t["bates"] else ""
    pages += f" (Bates {bates})" if bates else ""
    story.append(w.p(f"{t['format']} transcript, {t['turns']} turns, {t['lines']} lines{pages}."))
    story += [w.p("Timeline", w.h2), _timeline(report, w), w.p("Facts", w.h2)]
    summary = [
        [
            f["id"],
            f["flag"],
            f["first_mention"]["speaker"] if f["first_mention"] else "nobody",
            record_cite(f["first_mention"]["line"], f["first_mention"]["page"]) if f["first_mention"] else "",
        ]
        for f in data["facts"]
    ]
    story.append(
        w.table(["Fact", "Flag", "First said by", "Cite"], summary, [45 * mm, 55 * mm, 35 * mm, 35 * mm])
    )
    for f in data["facts"]:
        story += _fact_story(f, w)
    story.append(w.p("Tactic markers", w.h2))
    tactics = [
        [m["kind"], record_cite(m["line"], m["page"]), m["speaker"], m["quote"]] for m in data["tactics"]
    ]
    story.append(w.table(["Kind", "Cite", "Speaker", "Words"], tactics, [32 * mm, 28 * mm, 28 * mm, 82 * mm]))
    story.append(w.p("Talk", w.h2))
    talk = [
        [s["speaker"], s["role"], s["turns"], s["words"], f"{s['share']:.1%}"]
        for s in data["talk"]["speakers"]
    ]
    story.append(
        w.table(
            ["Speaker", "Role", "Turns", "Words", "Share"],
            talk,
            [50 * mm, 30 * mm, 25 * mm, 25 * mm, 25 * mm],
        )
    )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        title="Fact provenance report",
        author="Clemency",
    )
    doc.build(story)
    return buffer.getvalue()
