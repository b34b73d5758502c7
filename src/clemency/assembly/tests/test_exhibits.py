"""Exhibit inputs: kinds detected from content, images placed upright on letter pages."""

import io

from PIL import Image
from pypdf import PdfReader

from clemency.assembly.exhibits import ExhibitSource, detect_kind, image_to_pdf
from clemency.assembly.tests.helpers import make_image, make_pdf


def _image_xobject(pdf: bytes):
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    found = []

    def walk(resources):
        for obj in (resources or {}).get("/XObject", {}).values():
            obj = obj.get_object()
            if obj["/Subtype"] == "/Image":
                found.append(obj)
            else:
                walk(obj.get("/Resources"))

    walk(page["/Resources"])
    return page, found[0]


def test_content_decides_the_kind_not_the_file_name():
    assert detect_kind(ExhibitSource("x", "scan.pdf", make_image("PNG"))) == "png"
    assert detect_kind(ExhibitSource("x", "photo.jpeg", make_pdf(1, "x"))) == "pdf"
    assert detect_kind(ExhibitSource("x", "IMG_1.HEIC", make_image("HEIF"))) == "heic"
    assert detect_kind(ExhibitSource("x", "notes.txt", b"hello")) == "txt"  # bundled as PDF pages
    assert detect_kind(ExhibitSource("x", "notes.xyz", b"hello")) is None


def test_a_phone_photo_is_turned_upright_from_its_exif_orientation():
    image = Image.new("RGB", (400, 200), (10, 200, 10))
    exif = image.getexif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    page, xobject = _image_xobject(image_to_pdf(out.getvalue()))
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)
    assert (xobject["/Width"], xobject["/Height"]) == (200, 400)


def test_a_huge_image_is_resampled_to_filing_resolution():
    _, xobject = _image_xobject(image_to_pdf(make_image("JPEG", size=(6000, 4500))))
    assert xobject["/Width"] <= 1500  # 7.5 inches at 200 dpi
    assert xobject["/Width"] >= 1400
