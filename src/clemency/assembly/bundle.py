"""Exhibit bundles: ordered exhibits -> one PDF with a table of contents, cover sheets, Bates
numbers on every page, bookmarks, SHA-256 sums and a size report.

The table of contents lists the page where each exhibit starts, and those numbers depend on how
many pages the table itself takes; we render it, count its pages, and re-render until the count
stops changing, so the numbers printed are the numbers in the file.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter, Transformation

from clemency.assembly.errors import AssemblyError
from clemency.assembly.exhibits import ExhibitSource, Skipped, prepare_exhibits
from clemency.assembly.stamping import (
    Cover,
    TocLine,
    bates_number,
    exhibit_label,
    render_bates,
    render_covers,
    render_toc,
)

__all__ = ["BundleResult", "ExhibitSource", "Skipped", "SourceDigest", "TocEntry", "build_bundle"]

MAX_TOC_PASSES = 10
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class TocEntry:
    label: str  # "A", "B", ...
    name: str
    filename: str
    start_page: int  # 1-based page of the exhibit's cover sheet in the bundle
    page_count: int  # the exhibit's own pages, cover sheet not counted
    bates_start: str
    bates_end: str


@dataclass(frozen=True)
class SourceDigest:
    name: str
    filename: str
    sha256: str
    size_bytes: int
    included: bool


@dataclass(frozen=True)
class BundleResult:
    pdf_bytes: bytes = field(repr=False)
    page_count: int
    toc: list[TocEntry]
    toc_page_count: int
    bates_first: str
    bates_last: str
    sources: list[SourceDigest]
    output_sha256: str
    size_bytes: int
    size_limit_bytes: int | None
    warnings: list[str]
    skipped: list[Skipped]

    @property
    def bates_range(self) -> str:
        return f"{self.bates_first}-{self.bates_last}"

    @property
    def over_size_limit(self) -> bool:
        return self.size_limit_bytes is not None and self.size_bytes > self.size_limit_bytes


def build_bundle(
    exhibits: list[ExhibitSource],
    bates_prefix: str = "",
    title: str = "Exhibits",
    size_limit_bytes: int | None = None,
    *,
    bates_start: int = 1,
    redacted: bool = False,
    on_progress: ProgressCallback | None = None,
) -> BundleResult:
    """Assemble `exhibits`, in order, into one PDF.

    Broken files (empty, corrupt, encrypted, unsupported) are left out and listed in `skipped`
    by name. With `redacted`, exhibits not marked `public` are left out too: an upload is never
    altered, it is either public or absent.
    """
    if bates_start < 0:
        raise AssemblyError(f"bates_start must be 0 or more, not {bates_start}")
    if size_limit_bytes is not None and size_limit_bytes <= 0:
        raise AssemblyError(f"size_limit_bytes must be positive, not {size_limit_bytes}")
    total, done = len(exhibits) + 1, 0

    def tick() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    candidates: list[ExhibitSource] = []
    withheld: list[Skipped] = []
    for source in exhibits:
        if redacted and not source.public:
            withheld.append(
                Skipped(source.name, source.filename, "not marked public: left out of the redacted copy")
            )
            tick()
        else:
            candidates.append(source)
    prepared = prepare_exhibits(candidates, tick)
    included = [(s, r) for s, r in zip(candidates, prepared, strict=True) if isinstance(r, PdfReader)]
    skipped = withheld + [r for r in prepared if isinstance(r, Skipped)]

    toc_pdf, entries = _settle_toc(title, included, bates_prefix, bates_start)
    pdf_bytes, page_count = _assemble(title, toc_pdf, entries, included, bates_prefix, bates_start)
    tick()

    return _report(
        exhibits,
        included,
        skipped,
        pdf_bytes,
        page_count,
        toc_pdf,
        entries,
        bates_prefix,
        bates_start,
        size_limit_bytes,
    )


def _report(
    exhibits: list[ExhibitSource],
    included: list[tuple[ExhibitSource, PdfReader]],
    skipped: list[Skipped],
    pdf_bytes: bytes,
    page_count: int,
    toc_pdf: bytes,
    entries: list[TocEntry],
    prefix: str,
    first: int,
    size_limit_bytes: int | None,
) -> BundleResult:
    size = len(pdf_bytes)
    warnings = [f"{s.filename} ({s.name}) left out: {s.reason}" for s in skipped]
    if not included:
        warnings.append("no exhibit could be included; the bundle holds only its table of contents")
    if size_limit_bytes is not None and size > size_limit_bytes:
        warnings.append(
            f"bundle is {_megabytes(size)}, above the limit of {_megabytes(size_limit_bytes)}; "
            "split it or reduce the scans' resolution before filing"
        )
    included_ids = {id(s) for s, _ in included}
    return BundleResult(
        pdf_bytes=pdf_bytes,
        page_count=page_count,
        toc=entries,
        toc_page_count=len(PdfReader(io.BytesIO(toc_pdf)).pages),
        bates_first=bates_number(prefix, first),
        bates_last=bates_number(prefix, first + page_count - 1),
        sources=[
            SourceDigest(
                s.name, s.filename, hashlib.sha256(s.data).hexdigest(), len(s.data), id(s) in included_ids
            )
            for s in exhibits
        ],
        output_sha256=hashlib.sha256(pdf_bytes).hexdigest(),
        size_bytes=size,
        size_limit_bytes=size_limit_bytes,
        warnings=warnings,
        skipped=skipped,
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.1f} kB"


def _layout(
    included: list[tuple[ExhibitSource, PdfReader]], toc_pages: int, prefix: str, first: int
) -> list[TocEntry]:
    entries = []
    page = toc_pages + 1
    for index, (source, reader) in enumerate(included):
        count = len(reader.pages)
        entries.append(
            TocEntry(
                label=exhibit_label(index),
                name=source.name,
                filename=source.filename,
                start_page=page,
                page_count=count,
                bates_start=bates_number(prefix, first + page - 1),
                bates_end=bates_number(prefix, first + page + count - 1),
            )
        )
        page += 1 + count
    return entries


def _settle_toc(
    title: str, included: list[tuple[ExhibitSource, PdfReader]], prefix: str, first: int
) -> tuple[bytes, list[TocEntry]]:
    """Render the table of contents until the page count it assumed is the count it has."""
    assumed = 1
    for _ in range(MAX_TOC_PASSES):
        entries = _layout(included, assumed, prefix, first)
        toc_pdf = render_toc(title, [TocLine(e.label, e.name, e.start_page, e.bates_start) for e in entries])
        actual = len(PdfReader(io.BytesIO(toc_pdf)).pages)
        if actual == assumed:
            return toc_pdf, entries
        assumed = actual
    raise AssemblyError(f"the table of contents did not settle after {MAX_TOC_PASSES} passes")


def _own_pages(entry: TocEntry, prefix: str, first: int) -> str:
    """The Bates numbers of the exhibit's own pages (the page after its cover sheet to its last), so a
    cover that says "1 page" names one Bates number, not the cover's and the page's."""
    own_first = bates_number(prefix, first + entry.start_page)
    return own_first if entry.page_count == 1 else f"{own_first} to {entry.bates_end}"


def _assemble(
    title: str,
    toc_pdf: bytes,
    entries: list[TocEntry],
    included: list[tuple[ExhibitSource, PdfReader]],
    prefix: str,
    first: int,
) -> tuple[bytes, int]:
    writer = PdfWriter()
    writer.add_metadata({"/Title": title, "/Creator": "Clemency"})
    for page in PdfReader(io.BytesIO(toc_pdf)).pages:
        writer.add_page(page)
    writer.add_outline_item("Table of contents", 0)
    covers = PdfReader(
        io.BytesIO(
            render_covers(
                title,
                [
                    Cover(e.label, e.name, e.filename, e.page_count, _own_pages(e, prefix, first))
                    for e in entries
                ],
            )
        )
    )
    for entry, cover, (_, reader) in zip(entries, covers.pages, included, strict=True):
        start = len(writer.pages)
        if start + 1 != entry.start_page:
            raise AssemblyError(f"exhibit {entry.label} landed on page {start + 1}, not {entry.start_page}")
        writer.add_page(cover)
        for page in reader.pages:
            writer.add_page(page)
        writer.add_outline_item(f"Exhibit {entry.label}: {entry.name}", start)
    writer.page_mode = "/UseOutlines"

    pages = list(writer.pages)
    for page in pages:
        if page.get("/Rotate", 0):
            page.transfer_rotation_to_content()  # stamp upright on the page as seen
    boxes = [page.cropbox for page in pages]
    overlay = PdfReader(
        io.BytesIO(
            render_bates(
                [bates_number(prefix, first + i) for i in range(len(pages))],
                [(float(box.width), float(box.height)) for box in boxes],
            )
        )
    )
    for page, stamp, box in zip(pages, overlay.pages, boxes, strict=True):
        page.merge_transformed_page(stamp, Transformation().translate(float(box.left), float(box.bottom)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(pages)
