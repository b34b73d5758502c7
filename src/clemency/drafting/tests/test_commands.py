"""`clemency document` and `clemency bundle`: the same services as the pages, with clear errors."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from clemency.audit.models import AuditEvent
from clemency.drafting.models import Bundle, GeneratedDocument
from clemency.drafting.tests.helpers import docx_text, make_pdf, page_texts, store_raw, upload

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_document_list_names_every_template_and_says_which_apply(case):
    from clemency import assembly

    listing = _run("document", "--list")
    assert all(name in listing for name in assembly.TEMPLATES)
    for_case = _run("document", "--list", "--case", str(case.pk), "--as-of", "2026-11-02")
    assert (
        "federal_pardon_petition" in for_case and "does not apply: the person is still in custody" in for_case
    )


def test_document_writes_the_file_and_records_the_system_actor(case, tmp_path):
    import json

    from clemency.drafting.services import missing_variables

    out = tmp_path / "draft.docx"
    arguments = ["document", "--case", str(case.pk), "--template", "federal_commutation_petition",
                 "--variant", "final", "--out", str(out), "--as-of", "2026-11-02"]
    with pytest.raises(CommandError, match="unknown; record them on the case or give them with --answers: "):
        _run(*arguments)
    assert not out.exists()
    answers = tmp_path / "answers.json"
    missing = missing_variables(case, template="federal_commutation_petition", as_of=dt.date(2026, 11, 2))
    answers.write_text(json.dumps(dict.fromkeys(missing, "Given by hand")))
    printed = _run(*arguments, "--answers", str(answers))
    assert "sha256" in printed and "Ambrose Testwood" in docx_text(out.read_bytes())
    document = GeneratedDocument.objects.get()
    assert document.created_by is None and document.created_by_name == "system"
    assert AuditEvent.objects.get(action="drafting.document_generated").actor_name == "system"


def test_document_acts_as_a_named_user(cast, case, tmp_path):
    _run(
        "document",
        "--case",
        str(case.pk),
        "--template",
        "support_letter_request",
        "--redacted",
        "--out",
        str(tmp_path / "letter.docx"),
        "--as",
        "attorney",
    )
    assert GeneratedDocument.objects.get().created_by == cast.attorney


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "99999", "--template", "support_letter_request"], "--case: no case 99999"),
        (["--template", "no_such"], "--template: 'no_such' is unknown"),
        (
            ["--template", "wisconsin_pardon_cover_letter"],
            "--template: “Wisconsin pardon application cover letter” does not apply",
        ),
        (["--template", "support_letter_request", "--as", "nobody"], "--as: no active user named 'nobody'"),
        (["--template", "support_letter_request", "--as", "read-only"], "may change"),
        (["--template", "support_letter_request", "--as", "outsider"], "may change"),
        (["--template", "support_letter_request", "--as-of", "2026-13-01"], "--as-of"),
    ],
)
def test_document_errors_are_clear(cast, case, tmp_path, args, message):
    base = ["document", "--out", str(tmp_path / "x.docx")]
    if "--case" not in args:
        base += ["--case", str(case.pk)]
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        _run(*base, *args)
    assert not GeneratedDocument.objects.exists()


def test_document_needs_case_template_and_out():
    with pytest.raises(CommandError, match="--case, --template, --out required"):
        _run("document")


def test_bundle_writes_the_exhibits_in_the_given_order(cast, case, tmp_path):
    first = upload(case, cast.attorney, "Warden letter", make_pdf(1, "Warden"), "warden.pdf")
    second = upload(case, cast.attorney, "Certificate", make_pdf(1, "Certificate"), "cert.pdf")
    broken = store_raw(case, "Broken scan", b"%PDF-1.4 broken", "broken.pdf")
    out = tmp_path / "bundle.pdf"
    printed = _run(
        "bundle",
        "--case",
        str(case.pk),
        "--exhibit",
        str(second.pk),
        "--exhibit",
        str(first.pk),
        "--exhibit",
        str(broken.pk),
        "--bates-prefix",
        "CLI-",
        "--out",
        str(out),
        "--as",
        "staff",
    )
    pages = page_texts(out.read_bytes())
    assert "Exhibit A" in pages[1] and "Certificate" in pages[1] and "Exhibit B" in pages[3]
    assert [f"CLI-{n:06d}" in text for n, text in enumerate(pages, start=1)] == [True] * 5
    assert "Exhibit A: Certificate (page 2, CLI-000002-CLI-000003)" in printed
    bundle = Bundle.objects.get()
    assert bundle.created_by == cast.staff and bundle.skipped[0]["filename"] == "broken.pdf"


def test_bundle_public_copy_takes_only_public_documents(cast, case, tmp_path):
    shown = upload(case, cast.attorney, "Certificate", make_pdf(1, "Certificate"), "cert.pdf")
    upload(case, cast.attorney, "Medical", make_pdf(1, "Medical"), "medical.pdf")
    out = tmp_path / "public.pdf"
    _run("bundle", "--case", str(case.pk), "--redacted", "--public", str(shown.pk), "--out", str(out))
    text = " ".join(page_texts(out.read_bytes()))
    assert "Certificate page 1" in text and "Medical page 1" not in text


def test_bundle_errors_name_the_option(cast, case, other_case, tmp_path):
    theirs = upload(other_case, cast.outsider, "Theirs", make_pdf(1, "Theirs"), "theirs.pdf")
    memo = upload(case, cast.attorney, "Memo", make_pdf(1, "Memo"), "memo.pdf", privileged=True)
    out = str(tmp_path / "b.pdf")
    with pytest.raises(CommandError, match=f"--exhibit: no document {theirs.pk} in case"):
        _run("bundle", "--case", str(case.pk), "--exhibit", str(theirs.pk), "--out", out)
    with pytest.raises(
        CommandError, match=f"--exhibit: no document {memo.pk} in case .* that student may read"
    ):
        _run("bundle", "--case", str(case.pk), "--exhibit", str(memo.pk), "--out", out, "--as", "student")
    with pytest.raises(CommandError, match="--bates-prefix"):
        _run(
            "bundle",
            "--case",
            str(case.pk),
            "--exhibit",
            str(memo.pk),
            "--bates-prefix",
            "no spaces",
            "--out",
            out,
        )
    with pytest.raises(CommandError, match="--case: no case 424242"):
        _run("bundle", "--case", "424242", "--out", out)
    assert not Bundle.objects.exists()
