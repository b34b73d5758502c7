"""Uploaded exhibits -> readable PDFs, or a plain reason why a file was left out.

Accepted: PDF, DOCX (through LibreOffice), JPEG, PNG and HEIC/HEIF (phone photos, via pillow-heif).
A broken upload (zero bytes, corrupt, encrypted, unknown kind) never stops the bundle: it becomes
a `Skipped` with the file's name and the reason, and the exhibit is left out.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PdfReadError, PyPdfError
from reportlab.lib.pagesizes import letter

from clemency.assembly.errors import ConversionError
from clemency.assembly.pdf import convert_many, docx_problem

KINDS = ("pdf", "docx", "jpeg", "png", "heic", "txt")
_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".heic": "heic",
    ".heif": "heic",
    ".txt": "txt",
}
_MIMES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpeg",
    "image/png": "png",
    "image/heic": "heic",
    "image/heif": "heic",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/zip": "docx",
}
IMAGE_MARGIN_PT = 36
MAX_IMAGE_DPI = 200
# A photo of 12-50 megapixels is usual; 400 million pixels is a scan gone wrong or a decompression
# bomb, which would take gigabytes to open: refused by name, before its pixels are read.
MAX_IMAGE_PIXELS = 100_000_000
TEXT_FONT, TEXT_SIZE, TEXT_LEADING = "Courier", 10, 12

_heif_registered = False


@dataclass(frozen=True)
class ExhibitSource:
    """One file to bundle. `kind` is one of KINDS, or None to detect it from the content."""

    name: str
    filename: str
    data: bytes = field(repr=False)
    kind: str | None = None
    public: bool = True  # may appear in a redacted public copy


@dataclass(frozen=True)
class Skipped:
    name: str
    filename: str
    reason: str


def detect_kind(source: ExhibitSource) -> str | None:
    if source.kind:
        return source.kind.lower().replace("jpg", "jpeg").replace("heif", "heic")
    guess = filetype.guess(source.data)
    if guess is not None and guess.mime in _MIMES:
        kind = _MIMES[guess.mime]
        if (
            kind == "docx"
            and PurePath(source.filename).suffix.lower() != ".docx"
            and guess.mime == "application/zip"
        ):
            return None
        return kind
    return _EXTENSIONS.get(PurePath(source.filename).suffix.lower())


def open_pdf(data: bytes) -> PdfReader:
    """A PDF we can bundle, or ValueError saying why not (encrypted, corrupt, no pages)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PdfReadError, PyPdfError, ValueError, TypeError, KeyError, OSError) as error:
        raise ValueError(f"corrupt PDF ({error})") from None
    if reader.is_encrypted:
        raise ValueError("encrypted PDF: remove the password and upload it again")
    try:
        count = len(reader.pages)
        for page in reader.pages:
            _ = page.mediabox.width  # touches every page object, so a broken page tree fails here
    except Exception as error:  # pypdf raises many kinds on broken files; all mean "corrupt"
        raise ValueError(f"corrupt PDF ({type(error).__name__}: {error})") from None
    if count == 0:
        raise ValueError("PDF has no pages")
    return reader


def image_to_pdf(data: bytes) -> bytes:
    """A letter-size page with the image's first frame fitted inside the margins, upright.

    Pixels beyond MAX_IMAGE_DPI at the printed size are resampled away (a 12-megapixel phone
    photo otherwise dominates the bundle's size limit); the JPEG is embedded as is by Pillow.
    """
    global _heif_registered
    if not _heif_registered:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_registered = True
    try:
        image = Image.open(io.BytesIO(data))  # reads the header only
        check_image_size(image.width, image.height)
        image.load()
    except Image.DecompressionBombError:
        raise ValueError(f"image too large to open (more than {MAX_IMAGE_PIXELS:,} pixels)") from None
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValueError(f"unreadable image ({error})") from None
    upright = ImageOps.exif_transpose(image).convert("RGB")
    width, height = (float(v) for v in letter)
    box_w, box_h = width - 2 * IMAGE_MARGIN_PT, height - 2 * IMAGE_MARGIN_PT
    upright.thumbnail((int(box_w / 72 * MAX_IMAGE_DPI), int(box_h / 72 * MAX_IMAGE_DPI)))
    embedded = io.BytesIO()
    upright.save(embedded, "PDF", resolution=72.0, quality=90)  # 1 pixel = 1 point before scaling
    scale = min(box_w / upright.width, box_h / upright.height)
    page = PageObject.create_blank_page(width=width, height=height)
    page.merge_transformed_page(
        PdfReader(embedded).pages[0],
        Transformation()
        .scale(scale)
        .translate((width - upright.width * scale) / 2, (height - upright.height * scale) / 2),
    )
    writer = PdfWriter()
    writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def check_image_size(width: int, height: int) -> None:
    if width * height > MAX_IMAGE_PIXELS:
        raise ValueError(f"image of {width:,} x {height:,} pixels is too large (at most "
                         f"{MAX_IMAGE_PIXELS:,} pixels): scan or export it smaller")


def text_to_pdf(data: bytes) -> bytes:
    """A plain-text exhibit as letter-size pages in a fixed-width font, long lines wrapped."""
    import textwrap

    from reportlab.pdfgen import canvas

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start + 1})") from None
    width, height = letter
    margin = 54
    columns = int((width - 2 * margin) / (TEXT_SIZE * 0.6))
    lines_per_page = int((height - 2 * margin) / TEXT_LEADING)
    lines = [wrapped for line in text.replace("\r\n", "\n").split("\n")
             for wrapped in (textwrap.wrap(line.expandtabs(4), columns) or [""])]
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter, invariant=True)
    for start in range(0, max(len(lines), 1), lines_per_page):
        pdf.setFont(TEXT_FONT, TEXT_SIZE)
        y = height - margin
        for line in lines[start:start + lines_per_page]:
            pdf.drawString(margin, y, line)
            y -= TEXT_LEADING
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _check_docx(data: bytes) -> None:
    problem = docx_problem(data)
    if problem:
        raise ValueError(problem)


def _convert_docx(docx_sources: list[tuple[int, ExhibitSource]]) -> dict[int, bytes | str]:
    """PDF bytes, or the reason, for each DOCX; one LibreOffice start for all, then one at a time
    only if the batch fails (to find the file that broke it)."""
    results: dict[int, bytes | str] = {}
    if not docx_sources:
        return results
    try:
        pdfs = convert_many([s.data for _, s in docx_sources])
        return {index: pdf for (index, _), pdf in zip(docx_sources, pdfs, strict=True)}
    except ConversionError:
        pass
    for index, source in docx_sources:
        try:
            results[index] = convert_many([source.data])[0]
        except ConversionError as error:
            results[index] = f"DOCX could not be converted to PDF ({error})"
    return results


def prepare_exhibits(
    sources: list[ExhibitSource], on_each: Callable[[], None] | None = None
) -> list[PdfReader | Skipped]:
    """A PdfReader for each source in order, or a Skipped saying why it was left out.
    `on_each` is called once per source as it is done (for progress reporting)."""
    tick = on_each or (lambda: None)
    prepared: list[PdfReader | Skipped | None] = [None] * len(sources)
    docx_sources: list[tuple[int, ExhibitSource]] = []
    for index, source in enumerate(sources):
        if not source.data:
            prepared[index] = Skipped(source.name, source.filename, "empty file (0 bytes)")
            tick()
            continue
        kind = detect_kind(source)
        try:
            if kind == "pdf":
                prepared[index] = open_pdf(source.data)
            elif kind == "docx":
                _check_docx(source.data)
                docx_sources.append((index, source))
            elif kind in ("jpeg", "png", "heic"):
                prepared[index] = open_pdf(image_to_pdf(source.data))
            elif kind == "txt":
                prepared[index] = open_pdf(text_to_pdf(source.data))
            else:
                prepared[index] = Skipped(
                    source.name, source.filename, f"unsupported file type (accepted: {', '.join(KINDS)})"
                )
        except ValueError as error:
            prepared[index] = Skipped(source.name, source.filename, str(error))
        except Exception as error:  # noqa: BLE001 - one unusual file never stops the bundle; it is named
            prepared[index] = Skipped(source.name, source.filename,
                                      f"could not be read ({type(error).__name__}: {str(error)[:200]})")
        if prepared[index] is not None:
            tick()
    for index, result in _convert_docx(docx_sources).items():
        source = sources[index]
        if isinstance(result, str):
            prepared[index] = Skipped(source.name, source.filename, result)
        else:
            try:
                prepared[index] = open_pdf(result)
            except ValueError as error:
                prepared[index] = Skipped(source.name, source.filename, f"converted DOCX unreadable: {error}")
        tick()
    return [p for p in prepared if p is not None]
