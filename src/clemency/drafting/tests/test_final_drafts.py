"""Drafts ready to send: a Final only when every printed value is known, the team's letterhead and
signatures printed, the Wisconsin letter's court taken from the conviction, and text that follows
the facts (no proof of a completed sentence for someone serving life)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from clemency.accounts.models import TeamAttorney
from clemency.assembly.environment import UNKNOWN
from clemency.drafting import services
from clemency.drafting.models import GeneratedDocument
from clemency.drafting.tests.helpers import docx_text

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2026, 11, 2)
TEMPLATE = "wisconsin_pardon_cover_letter"


def _wisconsin_case(team, *, sentence_type="life", custody="in_custody"):
    from clemency.cases.models import Case, Charge, Conviction, Sentence
    from clemency.people.models import Person

    person = Person.objects.create(team=team, given_name="Corliss", family_name="Fenwright",
                                   birth_date=dt.date(1979, 4, 2), custody_status=custody)
    case = Case.objects.create(team=team, person=person, title="Pardon for Corliss Fenwright",
                               status="active")
    conviction = Conviction.objects.create(case=case, jurisdiction="us-wi",
                                           court="Marquette County Circuit Court",
                                           docket_number="1996CF000077", sentencing_date=dt.date(1997, 3, 4))
    Sentence.objects.create(conviction=conviction, sentence_type=sentence_type)
    Charge.objects.create(conviction=conviction, statute="Wis. Stat. 940.01", description="Homicide",
                          offense_category="violent")
    return case


def _letterhead(team):
    team.organisation = "Second Look Clinic, Law School (fictional)"
    team.letterhead_address = "975 Bascom Mall\nMadison, WI 53706"
    team.letterhead_phone = "608-555-0100"
    team.letterhead_email = "clinic@example.edu"
    team.save()
    TeamAttorney.objects.create(team=team, name="Rita Counsel", bar_number="1099999")


def test_a_final_lists_what_is_unknown_and_keeps_nothing(cast):
    case = _wisconsin_case(cast.team)
    missing = services.missing_variables(case, template=TEMPLATE, as_of=AS_OF)
    assert "team.address.one_line" in missing and "case.recipient.address.one_line" in missing
    assert "team.lead.name" not in missing or not cast.team.attorneys.exists()
    # The court is on the conviction, the recipient is the Board: neither is unknown.
    assert not any(path.endswith(".court") or path == "case.recipient.name" for path in missing)
    with pytest.raises(services.MissingVariables) as refused:
        services.generate_document(case, actor=cast.attorney, template=TEMPLATE, as_of=AS_OF, variant="final")
    assert refused.value.paths == missing
    assert not GeneratedDocument.objects.exists()


def test_a_final_prints_the_letterhead_court_and_recipient_and_follows_the_sentence(cast):
    case = _wisconsin_case(cast.team)
    _letterhead(cast.team)
    missing = services.missing_variables(case, template=TEMPLATE, as_of=AS_OF)
    assert missing == ["case.recipient.address.one_line"]
    document = services.generate_document(
        case, actor=cast.attorney, template=TEMPLATE, as_of=AS_OF, variant="final",
        answers={"case.recipient.address.one_line": "Office of the Governor, Madison, WI"},
    )
    text = docx_text(document.file.read())
    assert UNKNOWN not in text
    for expected in ("Second Look Clinic, Law School (fictional)", "975 Bascom Mall, Madison, WI 53706",
                     "608-555-0100", "Rita Counsel, Bar No. 1099999", "Governor's Pardon Advisory Board",
                     "Marquette County Circuit Court", "Office of the Governor, Madison, WI"):
        assert expected in text, expected
    assert "sentence is complete" not in text  # a man serving life has no completed sentence to prove


def test_a_completed_sentence_is_mentioned_when_the_record_says_so(cast):
    case = _wisconsin_case(cast.team, sentence_type="probation", custody="released")
    document = services.generate_document(case, actor=cast.attorney, template=TEMPLATE, as_of=AS_OF)
    assert "proof that each sentence is complete" in docx_text(document.file.read())


def test_the_team_signature_block_replaces_the_lead_lawyer(cast):
    case = _wisconsin_case(cast.team)
    _letterhead(cast.team)
    cast.team.signature_block = "Rita Counsel\nSupervising Attorney"
    cast.team.save()
    document = services.generate_document(case, actor=cast.attorney, template=TEMPLATE, as_of=AS_OF)
    text = docx_text(document.file.read())
    assert "Supervising Attorney" in text and "Bar No. 1099999" not in text


def test_the_drafting_page_offers_a_field_for_each_unknown_and_keeps_the_values(client, cast):
    case = _wisconsin_case(cast.team)
    client.force_login(cast.attorney)
    url = reverse("drafting:case", args=[case.pk])
    form = {"template": TEMPLATE, "variant": "final", "format": "docx"}
    refused = client.post(url, form)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Organisation&#x27;s address (letterhead)" in page and "Recipient&#x27;s address" in page
    assert reverse("accounts:team-settings", args=[cast.team.pk]) in page  # where to record it for good
    missing = services.missing_variables(case, template=TEMPLATE, as_of=AS_OF)
    answers = {f"answer:{path}": "" for path in missing}
    answers["answer:team.address.one_line"] = "975 Bascom Mall"
    again = client.post(url, {**form, **answers})
    assert again.status_code == 400 and 'value="975 Bascom Mall"' in again.content.decode()
    filled = {key: value or "Given" for key, value in answers.items()}
    assert client.post(url, {**form, **filled}).status_code == 302
    document = GeneratedDocument.objects.get()
    assert document.variant == "final" and UNKNOWN not in docx_text(document.file.read())


@pytest.mark.xdist_group("assembly-libreoffice")
def test_a_generated_draft_goes_into_a_bundle_with_its_true_page_count(client, cast):
    from clemency.documents.models import Document
    from clemency.drafting.services import ExhibitChoice
    from clemency.drafting.tests.helpers import page_texts

    case = _wisconsin_case(cast.team)
    _letterhead(cast.team)
    draft = services.generate_document(
        case, actor=cast.attorney, template=TEMPLATE, as_of=AS_OF, variant="final", output_format="pdf",
        answers={"case.recipient.address.one_line": "Madison, WI"},
    )
    client.force_login(cast.attorney)
    client.post(reverse("drafting:generated-add-document", args=[draft.pk]))
    kept = Document.objects.get(case=case)
    again = client.post(reverse("drafting:generated-add-document", args=[draft.pk]), follow=True)
    assert "already among the case documents" in again.content.decode()
    draft_pages = len(page_texts(draft.file.read()))
    bundle = services.request_bundle(case, actor=cast.attorney, bates_prefix="THORN-",
                                     exhibits=[ExhibitChoice(kept)])
    pages = page_texts(bundle.file.read())
    cover = next(text for text in pages if "Source file:" in text)
    noun = "page" if draft_pages == 1 else "pages"
    assert f"{draft_pages} {noun} after this cover sheet, Bates THORN-000003" in " ".join(cover.split())
    assert len(pages) == 1 + 1 + draft_pages


def test_the_team_logo_is_printed_in_the_letterhead(cast):
    import io

    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from clemency.accounts.team_admin import update_team_settings

    case = _wisconsin_case(cast.team)
    image = io.BytesIO()
    Image.new("RGB", (60, 30), (10, 60, 140)).save(image, "PNG")
    update_team_settings(cast.team, actor=cast.admin, values={},
                         logo=SimpleUploadedFile("logo.png", image.getvalue(), content_type="image/png"))
    cast.team.refresh_from_db()  # the case holds this team object
    document = services.generate_document(case, actor=cast.attorney, template=TEMPLATE, as_of=AS_OF)
    assert len(docx.Document(io.BytesIO(document.file.read())).inline_shapes) == 1
    without = _wisconsin_case(cast.other_team)
    plain = services.generate_document(without, actor=cast.outsider, template=TEMPLATE, as_of=AS_OF)
    assert len(docx.Document(io.BytesIO(plain.file.read())).inline_shapes) == 0
