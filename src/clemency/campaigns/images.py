"""Pictures for campaign pages: photos with their metadata stripped, a share image, a QR code."""

from __future__ import annotations

import io

import segno
from django.core.exceptions import ValidationError
from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PHOTO_SIDE = 1600
MAX_PIXELS = 40_000_000
SHARE_SIZE = (1200, 630)  # the size Open Graph readers show in full


def clean_photo(upload: object) -> tuple[bytes, int, int]:
    """The photo re-encoded as a JPEG from its pixels alone: no EXIF (place, camera, time), no XMP.

    Turned upright first (the EXIF orientation is about to be dropped), shrunk to 1600 px at most.
    """
    size = getattr(upload, "size", 0) or 0
    if size > MAX_PHOTO_BYTES:
        raise ValidationError({"image": f"The photo is {size // (1024 * 1024)} MB; the limit is 15 MB."})
    try:
        with Image.open(upload) as opened:  # type: ignore[arg-type]
            if opened.width * opened.height > MAX_PIXELS:
                raise ValidationError({"image": "The photo has too many pixels (40 megapixels at most)."})
            upright = ImageOps.exif_transpose(opened)
            pixels = upright.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError({"image": "This file is not a photo that can be read (use JPEG, PNG or WebP)."})
    pixels.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
    # A new image from the pixels only: nothing of the original's metadata can travel with it.
    bare = Image.new("RGB", pixels.size)
    bare.paste(pixels)
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue(), bare.width, bare.height


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int
) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def share_image(title: str, count_line: str, ask_line: str) -> bytes:
    """A 1200x630 PNG with the title and the count, for link previews (made here, no third party)."""
    image = Image.new("RGB", SHARE_SIZE, (250, 247, 240))
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=64)
    body_font = ImageFont.load_default(size=40)
    draw.rectangle((0, 0, SHARE_SIZE[0], 24), fill=(92, 45, 145))
    y = 80
    for line in _wrap(draw, title, title_font, SHARE_SIZE[0] - 120)[:4]:
        draw.text((60, y), line, font=title_font, fill=(25, 25, 25))
        y += 78
    draw.text((60, SHARE_SIZE[1] - 170), count_line, font=body_font, fill=(92, 45, 145))
    draw.text((60, SHARE_SIZE[1] - 110), ask_line, font=body_font, fill=(60, 60, 60))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def qr_svg(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=4, title="QR code for the campaign page")
    return out.getvalue()


def qr_png(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=10, border=4)
    return out.getvalue()
