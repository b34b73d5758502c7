"""Benchmark: a 300-page exhibit bundle from 40 exhibits (target: under 20 s on 2 cores).

Exhibits are synthetic: 35 multi-page PDFs drawn with reportlab (text and ruled lines, like
typed records), 4 photos (JPEG, PNG, HEIC) and 1 DOCX petition that goes through LibreOffice.
Wall time covers `build_bundle` only (not generating the inputs); it is measured over several
runs and the median reported. Peak memory: the process's peak RSS (with LibreOffice's, as a
child, reported apart) and, in one extra run, the peak Python heap from tracemalloc.

    .venv/bin/python benchmarks/assembly.py [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from clemency.assembly import ExhibitSource, build_bundle, render_docx
from clemency.assembly.demo import federal_commutation

RESULTS = Path(__file__).parent / "results" / "assembly.json"
TARGET_SECONDS = 20.0
TARGET_PAGES = 300
EXHIBITS = 40


def synthetic_pdf(pages: int, label: str) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(72, 720, f"{label} - page {number} of {pages}")
        pdf.setFont("Helvetica", 10)
        for line in range(40):
            y = 690 - line * 15
            pdf.line(72, y - 3, 540, y - 3)
            pdf.drawString(
                72, y, f"Line {line + 1}: record entry for the fictional case LSC-BENCH, item {number}."
            )
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def synthetic_photo(fmt: str, seed: int) -> bytes:
    # a smooth gradient: photo-sized (12 MP would be unusual; phones send ~3000x4000, we use 2000x1500)
    image = Image.linear_gradient("L").resize((2000, 1500)).convert("RGB")
    image = Image.merge(
        "RGB", (image.getchannel(0), image.getchannel(1).rotate(seed * 40), image.getchannel(2))
    )
    out = io.BytesIO()
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    image.save(out, fmt, **({"quality": 85} if fmt in ("JPEG", "HEIF") else {}))
    return out.getvalue()


def make_exhibits() -> list[ExhibitSource]:
    petition = render_docx("federal_commutation_petition", federal_commutation(), "final")
    photos = [("JPEG", "jpg"), ("PNG", "png"), ("HEIF", "heic"), ("JPEG", "jpg")]
    exhibits = [ExhibitSource("Petition for commutation", "petition.docx", petition)]
    exhibits += [
        ExhibitSource(f"Photograph {i + 1}", f"photo-{i + 1}.{ext}", synthetic_photo(fmt, i))
        for i, (fmt, ext) in enumerate(photos)
    ]
    pdf_count = EXHIBITS - len(exhibits)
    # 300 pages = contents (1-2) + one cover per exhibit + the exhibits' own pages
    fixed_pages = 2 + EXHIBITS + len(PdfReader(io.BytesIO(_docx_pages_probe(petition))).pages) + len(photos)
    remaining = TARGET_PAGES - fixed_pages
    for i in range(pdf_count):
        pages = remaining // pdf_count + (1 if i < remaining % pdf_count else 0)
        exhibits.append(
            ExhibitSource(
                f"Record {i + 1}", f"record-{i + 1:02d}.pdf", synthetic_pdf(pages, f"Record {i + 1}")
            )
        )
    return exhibits


def _docx_pages_probe(docx: bytes) -> bytes:
    from clemency.assembly import docx_to_pdf

    return docx_to_pdf(docx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    load_at_start = round(os.getloadavg()[0], 2)  # the machine is shared; context for the figures
    started = time.perf_counter()
    exhibits = make_exhibits()
    generation_seconds = time.perf_counter() - started

    walls = []
    result = None
    for _ in range(args.runs):
        started = time.perf_counter()
        result = build_bundle(exhibits, "BENCH", "Benchmark bundle", 50_000_000)
        walls.append(round(time.perf_counter() - started, 3))
    assert result is not None
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    tracemalloc.start()
    build_bundle(exhibits, "BENCH", "Benchmark bundle", 50_000_000)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    median = statistics.median(walls)
    figures = {
        "benchmark": "assembly.build_bundle",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "exhibits": len(exhibits),
        "exhibits_included": len(result.toc),
        "exhibit_kinds": {"pdf": EXHIBITS - 5, "docx": 1, "jpeg": 2, "png": 1, "heic": 1},
        "pages": result.page_count,
        "toc_pages": result.toc_page_count,
        "output_bytes": result.size_bytes,
        "input_generation_seconds": round(generation_seconds, 3),
        "wall_seconds_runs": walls,
        "wall_seconds_median": median,
        "wall_seconds_max": max(walls),
        "target_seconds": TARGET_SECONDS,
        "meets_target": max(walls) < TARGET_SECONDS,
        "peak_rss_mb": round(peak_rss_mb, 1),
        "peak_rss_libreoffice_mb": round(child_rss_mb, 1),
        "peak_python_heap_mb": round(heap_peak / 1_000_000, 1),
        "load_average_1min_at_start": load_at_start,
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "platform": platform.platform(),
        },
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
