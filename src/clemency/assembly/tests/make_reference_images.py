"""Regenerate the committed reference images for the template image test.

Run deliberately after changing a template or its demo case, look at the PNGs, then commit them:

    .venv/bin/python -m clemency.assembly.tests.make_reference_images

The tests never write these files.
"""

import shutil
import tempfile
from pathlib import Path

from clemency.assembly import demo
from clemency.assembly.catalog import TEMPLATES
from clemency.assembly.pdf import convert_many
from clemency.assembly.render import render_docx
from clemency.assembly.tests.helpers import first_page_png

REFERENCE_DIR = Path(__file__).parent / "reference"


def main() -> None:
    names = sorted(TEMPLATES)
    pdfs = convert_many([render_docx(n, demo.DEMO_FOR_TEMPLATE[n](), "final") for n in names])
    REFERENCE_DIR.mkdir(exist_ok=True)
    for name, pdf in zip(names, pdfs, strict=True):
        with tempfile.TemporaryDirectory() as tmp:
            png = first_page_png(pdf, Path(tmp))
            target = REFERENCE_DIR / f"{name}.png"
            shutil.copyfile(png, target)
            print(target)


if __name__ == "__main__":
    main()
