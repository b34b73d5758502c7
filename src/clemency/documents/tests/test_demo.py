from __future__ import annotations

from django.core.files.storage import default_storage

from clemency.documents import demo
from clemency.documents.models import Document
from clemency.documents.tests.conftest import make_case

KEYS = [
    "federal_drug_life",
    "wisconsin_juvenile_life",
    "federal_death",
    "texas_death_dna",
    "tennessee_juvenile_51",
    "oklahoma_death_clemency",
    "federal_simple_possession",
]


def test_the_demo_seed_stores_real_text_and_pdf_files(cast):
    cases = {key: make_case(cast.team, "Demo", key) for key in KEYS}
    made = demo.seed(cases, cast.attorney)
    assert made == Document.objects.count() == 5
    assert set(Document.objects.values_list("content_type", flat=True)) == {"text/plain", "application/pdf"}
    assert Document.objects.filter(privileged=True).count() == 1
    assert all(default_storage.exists(d.file.name) for d in Document.objects.all())
