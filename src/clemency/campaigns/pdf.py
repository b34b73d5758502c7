"""PDFs a decision maker reads: one approved letter of support, and the delivery packet."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_styles["BodyText"], fontSize=11, leading=15)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=12, textColor=colors.HexColor("#444444"))


def _paragraphs(text: str) -> list[Paragraph]:
    return [
        Paragraph(escape(block).replace("\n", "<br/>"), BODY) for block in text.split("\n\n") if block.strip()
    ]


@dataclass(frozen=True)
class LetterPage:
    writer: str
    relationship: str
    town: str
    how_known: str
    support_on_release: str
    body: str
    received_on: datetime.date
    carries_most_weight: bool


def _letter_flowables(letter: LetterPage, person: str) -> list[object]:
    heading = f"Letter of support for {person}"
    about = (
        f"From {letter.writer}" + (f", {letter.town}" if letter.town else "") + f" ({letter.relationship})"
    )
    parts: list[object] = [Paragraph(escape(heading), _styles["Heading2"]), Paragraph(escape(about), BODY)]
    if letter.carries_most_weight:
        parts.append(
            Paragraph(
                "The writer took part in the case as a juror, a prosecutor or a member of the "
                "victim's family.",
                SMALL,
            )
        )
    parts += [Paragraph(f"Received {letter.received_on:%B %-d, %Y}", SMALL), Spacer(1, 0.15 * inch)]
    parts += _paragraphs(letter.body)
    parts += [
        Spacer(1, 0.1 * inch),
        Paragraph("<b>How I know them</b>", BODY),
        *_paragraphs(letter.how_known),
    ]
    if letter.support_on_release.strip():
        parts += [
            Paragraph("<b>The support I will give on release</b>", BODY),
            *_paragraphs(letter.support_on_release),
        ]
    return parts


def _build(flowables: list[object], title: str) -> bytes:
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        title=title,
        author="Clemency",
        leftMargin=inch,
        rightMargin=inch,
        topMargin=inch,
        bottomMargin=inch,
    )
    document.build(flowables)  # type: ignore[arg-type]
    return out.getvalue()


def letter_pdf(letter: LetterPage, person: str) -> bytes:
    return _build(_letter_flowables(letter, person), f"Letter of support for {person}")


@dataclass(frozen=True)
class Packet:
    campaign_title: str
    person: str
    recipient: str
    delivered_on: datetime.date
    cover_letter: str
    confirmed_count: int
    counts_by_state: list[tuple[str, int]]
    names: list[tuple[str, str]] | None  # (name, state) when the team chooses to include them
    letters: Iterable[LetterPage]
    signature_set_sha256: str
    hash_method: str


def packet_pdf(packet: Packet) -> bytes:
    flow: list[object] = [
        Paragraph(escape(packet.recipient), BODY),
        Paragraph(f"{packet.delivered_on:%B %-d, %Y}", BODY),
        Spacer(1, 0.2 * inch),
        Paragraph(escape(f"Re: {packet.campaign_title}"), _styles["Heading2"]),
        *_paragraphs(packet.cover_letter),
        PageBreak(),
        Paragraph("Public support", _styles["Heading2"]),
        Paragraph(
            f"{packet.confirmed_count:,} {'person has' if packet.confirmed_count == 1 else 'people have'} "
            "signed, each confirming their signature through a link sent to their e-mail address; each "
            "address is counted once.",
            BODY,
        ),
        Spacer(1, 0.15 * inch),
    ]
    rows = [["State", "Confirmed signatures"]] + [
        [state, f"{count:,}"] for state, count in packet.counts_by_state
    ]
    table = Table(rows, colWidths=[3 * inch, 2 * inch], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ]
        )
    )
    flow += [
        table,
        Spacer(1, 0.2 * inch),
        Paragraph(
            f"SHA-256 of the confirmed signature set: <font face='Courier'>{packet.signature_set_sha256}"
            "</font>",
            SMALL,
        ),
        Paragraph(escape(packet.hash_method), SMALL),
    ]
    if packet.names is not None:
        flow += [PageBreak(), Paragraph("Names of the people who signed", _styles["Heading2"])]
        name_rows = [["Name", "State"]] + [[name, state] for name, state in packet.names]
        names_table = Table(name_rows, colWidths=[4 * inch, 2 * inch], repeatRows=1)
        names_table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey)]))
        flow.append(names_table)
    for letter in packet.letters:
        flow += [PageBreak(), *_letter_flowables(letter, packet.person)]
    return _build(flow, f"Delivery: {packet.campaign_title}")
