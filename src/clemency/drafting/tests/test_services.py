"""Services: drafts and bundles are made, stored, checksummed and audited; bad input is refused."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.core.exceptions import ValidationError

from clemency.audit.models import AuditEvent
from clemency.drafting import services
from clemency.drafting.models import Bundle, BundleStatus, GeneratedDocument
from clemency.drafting.services import ExhibitChoice
from clemency.drafting.tests.helpers import (
    AS_OF,
    docx_text,
    make_encrypted_pdf,
    make_pdf,
    page_texts,
    store_raw,
    upload,
)

pytestmark = pytest.mark.django_db


def _read(field_file) -> bytes:
    with field_file.open("rb") as handle:
        return handle.read()


def test_a_docx_draft_is_stored_with_its_checksum_and_audited(cast, case):
    document = services.generate_document(
        case, actor=cast.attorney, template="federal_commutation_petition", as_of=AS_OF
    )
    data = _read(document.file)
    assert document.sha256 == hashlib.sha256(data).hexdigest() and document.size_bytes == len(data)
    assert (document.variant, document.format, document.redacted) == ("preview", "docx", False)
    text = docx_text(data)
    assert "Ambrose Testwood" in text and "12345-678" in text
    event = AuditEvent.objects.get(action="drafting.document_generated")
    assert (
        event.actor == cast.attorney and event.case_id == case.pk and event.after["sha256"] == document.sha256
    )


def test_a_redacted_draft_hides_the_sensitive_fields(cast, case):
    document = services.generate_document(
        case,
        actor=cast.attorney,
        template="federal_commutation_petition",
        as_of=AS_OF,
        variant="preview",
        redacted=True,
    )
    text = docx_text(_read(document.file))
    assert "Ambrose Testwood" in text
    assert "12345-678" not in text and "[REDACTED]" in text


@pytest.mark.xdist_group("assembly-libreoffice")
def test_a_pdf_draft_holds_the_persons_name(cast, case):
    document = services.generate_document(
        case,
        actor=cast.attorney,
        template="federal_commutation_petition",
        as_of=AS_OF,
        output_format="pdf",
        variant="preview",
    )
    data = _read(document.file)
    assert data.startswith(b"%PDF") and document.content_type == "application/pdf"
    assert "Ambrose Testwood" in " ".join(page_texts(data))


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"template": "no_such_template"}, "template", "known templates"),
        ({"template": "wisconsin_pardon_cover_letter"}, "template", "not Wisconsin"),
        ({"template": "federal_pardon_petition"}, "template", "still in custody"),
        ({"variant": "sketch"}, "variant", "preview or final"),
        ({"output_format": "odt"}, "format", "docx or pdf"),
    ],
)
def test_bad_requests_name_the_field_and_change_nothing(cast, case, changes, field, words):
    arguments = {"template": "federal_commutation_petition", **changes}
    with pytest.raises(ValidationError) as caught:
        services.generate_document(case, actor=cast.attorney, as_of=AS_OF, **arguments)
    assert words in " ".join(caught.value.message_dict[field])
    assert (
        not GeneratedDocument.objects.exists()
        and not AuditEvent.objects.filter(action__startswith="drafting.").exists()
    )


def _three_exhibits(cast, case):
    return [
        upload(case, cast.attorney, "Letter from the warden", make_pdf(2, "Warden letter"), "warden.pdf"),
        upload(case, cast.attorney, "GED certificate", make_pdf(1, "GED"), "ged.pdf"),
        upload(case, cast.attorney, "Medical records", make_pdf(3, "Medical"), "medical.pdf"),
    ]


def test_a_bundle_has_labels_contents_and_bates_numbers_in_order(cast, case):
    warden, ged, medical = _three_exhibits(cast, case)
    bundle = services.request_bundle(
        case,
        actor=cast.attorney,
        bates_prefix="TW-",
        exhibits=[ExhibitChoice(medical), ExhibitChoice(warden), ExhibitChoice(ged)],
    )
    assert bundle.status == BundleStatus.DONE and bundle.percent == 100
    pdf = _read(bundle.file)
    assert bundle.sha256 == hashlib.sha256(pdf).hexdigest() and bundle.size_bytes == len(pdf)
    pages = page_texts(pdf)
    assert len(pages) == bundle.page_count == 1 + (1 + 3) + (1 + 2) + (1 + 1)
    # Every page carries its own Bates number; exhibit pages carry no other.
    for number, text in enumerate(pages, start=1):
        assert f"TW-{number:06d}" in text, number
    medical_pages = [text for text in pages if "Medical page" in text]
    assert [re.findall(r"TW-\d{6}", text) for text in medical_pages] == [
        ["TW-000003"],
        ["TW-000004"],
        ["TW-000005"],
    ]
    assert bundle.bates_range == f"TW-000001-TW-{len(pages):06d}"
    # The contents page lists each exhibit at the page where its cover sheet really is.
    assert [(e["label"], e["name"]) for e in bundle.toc] == [
        ("A", "Medical records"),
        ("B", "Letter from the warden"),
        ("C", "GED certificate"),
    ]
    for entry in bundle.toc:
        cover = pages[entry["start_page"] - 1]
        assert f"Exhibit {entry['label']}" in cover and entry["name"] in cover
        assert f"{entry['name']}" in pages[0] and entry["bates_start"] in pages[0]
    assert "Medical page 1" in pages[bundle.toc[0]["start_page"]]
    exhibits = list(bundle.exhibits.order_by("position"))
    assert [(e.label, e.included, e.sha256) for e in exhibits] == [
        ("A", True, medical.sha256),
        ("B", True, warden.sha256),
        ("C", True, ged.sha256),
    ]
    actions = list(
        AuditEvent.objects.filter(action__startswith="drafting.bundle").values_list("action", flat=True)
    )
    assert sorted(actions) == ["drafting.bundle_assembled", "drafting.bundle_requested"]


def test_broken_uploads_are_reported_by_name_and_left_out(cast, case, media_root):
    good = upload(case, cast.attorney, "Good letter", make_pdf(1, "Good"), "good.pdf")
    corrupt = store_raw(case, "Corrupt scan", b"%PDF-1.4\n garbage that is not a PDF", "corrupt.pdf")
    encrypted = store_raw(case, "Locked record", make_encrypted_pdf(), "locked.pdf")
    empty = store_raw(case, "Empty file", b"", "empty.pdf")
    vanished = upload(case, cast.attorney, "Vanished file", make_pdf(1, "Gone"), "gone.pdf")
    vanished.file.storage.delete(vanished.file.name)
    bundle = services.request_bundle(
        case,
        actor=cast.attorney,
        exhibits=[ExhibitChoice(d) for d in (corrupt, good, encrypted, empty, vanished)],
    )
    assert bundle.status == BundleStatus.DONE
    assert [e["name"] for e in bundle.toc] == ["Good letter"] and bundle.toc[0]["label"] == "A"
    skipped = {s["filename"]: s["reason"] for s in bundle.skipped}
    assert set(skipped) == {"corrupt.pdf", "locked.pdf", "empty.pdf", "gone.pdf"}
    assert "missing" in skipped["gone.pdf"] and "encrypted" in skipped["locked.pdf"]
    assert all(any(name in warning for warning in bundle.warnings) for name in skipped)
    left_out = bundle.exhibits.filter(included=False)
    assert {e.filename for e in left_out} == set(skipped) and all(e.skip_reason for e in left_out)
    # Uploads are only read, never changed.
    assert _read(corrupt.file) == b"%PDF-1.4\n garbage that is not a PDF"


def test_a_public_copy_includes_only_exhibits_marked_public(cast, case):
    public = upload(case, cast.attorney, "Certificate", make_pdf(1, "Certificate"), "cert.pdf")
    private = upload(case, cast.attorney, "Medical records", make_pdf(1, "Medical"), "medical.pdf")
    bundle = services.request_bundle(
        case,
        actor=cast.attorney,
        redacted=True,
        exhibits=[ExhibitChoice(private), ExhibitChoice(public, public=True)],
    )
    text = " ".join(page_texts(_read(bundle.file)))
    assert "Certificate page 1" in text and "Medical page 1" not in text
    assert [e["name"] for e in bundle.toc] == ["Certificate"]
    assert "not marked public" in bundle.skipped[0]["reason"]


def test_bundle_requests_are_checked_and_change_nothing(cast, case, other_case):
    mine = upload(case, cast.attorney, "Mine", make_pdf(1, "Mine"), "mine.pdf")
    secret = upload(case, cast.attorney, "Strategy memo", make_pdf(1, "Memo"), "memo.pdf", privileged=True)
    theirs = upload(other_case, cast.outsider, "Theirs", make_pdf(1, "Theirs"), "theirs.pdf")
    bad = [
        ({"exhibits": []}, "exhibits", "at least one"),
        ({"exhibits": [ExhibitChoice(theirs)]}, "exhibits", "another case"),
        ({"exhibits": [ExhibitChoice(mine), ExhibitChoice(mine)]}, "exhibits", "twice"),
        ({"exhibits": [ExhibitChoice(secret, public=True)]}, "exhibits", "cannot be marked public"),
        ({"exhibits": [ExhibitChoice(mine)], "redacted": True}, "redacted", "marked public"),
        ({"exhibits": [ExhibitChoice(mine)], "bates_prefix": "A B/"}, "bates_prefix", "letters, digits"),
        ({"exhibits": [ExhibitChoice(secret)], "actor": cast.student}, "exhibits", "privileged"),
    ]
    for arguments, field, words in bad:
        arguments = {"actor": cast.attorney, **arguments}
        with pytest.raises(ValidationError) as caught:
            services.request_bundle(case, **arguments)
        assert words in " ".join(caught.value.message_dict[field]), arguments
    assert not Bundle.objects.exists()


def test_a_privileged_exhibit_makes_the_bundle_privileged(cast, case):
    secret = upload(case, cast.attorney, "Strategy memo", make_pdf(1, "Memo"), "memo.pdf", privileged=True)
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(secret)])
    assert bundle.privileged and bundle.status == BundleStatus.DONE


def test_queued_bundles_wait_for_the_worker_and_run_once(cast, case, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    document = upload(case, cast.attorney, "Letter", make_pdf(1, "Letter"), "letter.pdf")
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(document)])
    assert bundle.status == BundleStatus.QUEUED and not bundle.file and bundle.percent == 0
    services.run_bundle(bundle.pk)
    bundle.refresh_from_db()
    assert bundle.status == BundleStatus.DONE and bundle.page_count == 3
    first_sha = bundle.sha256
    services.run_bundle(bundle.pk)  # a second delivery of the same job does nothing
    bundle.refresh_from_db()
    assert bundle.sha256 == first_sha
    assert AuditEvent.objects.filter(action="drafting.bundle_assembled").count() == 1


def test_an_assembly_failure_marks_the_bundle_failed_with_the_reason(cast, case, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("clemency.assembly.build_bundle", explode)
    document = upload(case, cast.attorney, "Letter", make_pdf(1, "Letter"), "letter.pdf")
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(document)])
    assert bundle.status == BundleStatus.FAILED and bundle.error == "disk full" and not bundle.file
    assert AuditEvent.objects.filter(action="drafting.bundle_failed").exists()


def test_progress_is_written_while_the_bundle_is_assembled(cast, case, monkeypatch):
    from clemency import assembly

    real = assembly.build_bundle
    seen = []

    def watched(*args, **kwargs):
        report = kwargs["on_progress"]

        def progress(done, total):
            report(done, total)
            row = Bundle.objects.get()
            seen.append((row.status, row.progress_done, row.progress_total, row.percent))

        return real(*args, **{**kwargs, "on_progress": progress})

    monkeypatch.setattr("clemency.assembly.build_bundle", watched)
    documents = [
        upload(case, cast.attorney, f"Record {n}", make_pdf(1, f"R{n}"), f"r{n}.pdf") for n in range(3)
    ]
    services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(d) for d in documents])
    assert [(status, done, total) for status, done, total, _ in seen] == [
        ("running", 1, 4),
        ("running", 2, 4),
        ("running", 3, 4),
        ("running", 4, 4),
    ]
    assert [percent for *_, percent in seen] == [25, 50, 75, 99]  # 100 only once it is stored


def test_a_bundle_above_the_size_limit_carries_a_warning(cast, case, settings):
    settings.BUNDLE_SIZE_LIMIT_BYTES = 1_000
    document = upload(case, cast.attorney, "Letter", make_pdf(1, "Letter"), "letter.pdf")
    bundle = services.request_bundle(case, actor=cast.attorney, exhibits=[ExhibitChoice(document)])
    assert bundle.status == BundleStatus.DONE
    assert any("above the limit of 1.0 kB" in warning for warning in bundle.warnings)
