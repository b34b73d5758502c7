"""Every change in drafting goes through one of these functions: checked, atomic, audited.

Rendering and assembly are slow, so they run outside the transaction; the file is written to
storage first and removed again if the row cannot be saved. Uploaded exhibits are only read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from clemency import assembly
from clemency.accounts.access import can_read_privileged
from clemency.audit.services import record_event
from clemency.drafting.context import case_context, for_template
from clemency.drafting.models import (
    Bundle,
    BundleExhibit,
    BundleStatus,
    GeneratedDocument,
    OutputFormat,
    Variant,
)

logger = logging.getLogger(__name__)

DEFAULT_BUNDLE_SIZE_LIMIT_BYTES = 25_000_000  # a common e-filing limit; settings may override
BATES_PREFIX_PATTERN = re.compile(r"^[A-Za-z0-9._-]{0,40}$")
MAX_EXHIBITS = 200


def _actor_name(actor: Any) -> str:
    return str(actor) if actor is not None else "system"


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _remove_file(name: str) -> None:
    if name and default_storage.exists(name):
        default_storage.delete(name)


# ---------------------------------------------------------------------------------------------
# Generated documents


def check_template(name: str, context: assembly.CaseContext) -> assembly.TemplateSpec:
    """The template, if it exists and applies to this case; otherwise a ValidationError naming why."""
    spec = assembly.TEMPLATES.get(name)
    if spec is None:
        known = ", ".join(sorted(assembly.TEMPLATES))
        raise ValidationError({"template": f"{name!r} is not a template; known templates: {known}."})
    decision = spec.applies_to(context)
    if not decision.applies:
        raise ValidationError({"template": f"“{spec.title}” does not apply to this case: {decision.reason}."})
    return spec


MAX_ANSWER_CHARS = 500


class MissingVariables(ValidationError):
    """A Final asked for while the draft would print "[unknown]": the variables, by path, in print order."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        count = len(paths)
        super().__init__(
            {"variant": f"A Final is made only when every value it prints is known; {count} "
                        f"{'is' if count == 1 else 'are'} not: "
                        f"fill {'it' if count == 1 else 'them'} in below "
                        "(or record them on the case), or make a Preview, which prints “[unknown]”."}
        )


def missing_variables(case: Any, *, template: str, as_of: dt.date, answers: dict[str, str] | None = None,
                      redacted: bool = False) -> list[str]:
    """The variables the template would print as unknown for this case, after `answers`."""
    context = for_template(case_context(case, as_of=as_of), template)
    spec = check_template(template, context)
    try:
        return assembly.unknown_variables(spec.name, context, answers=answers, redacted=redacted)
    except assembly.TemplateError as error:
        raise ValidationError({"template": str(error)})


def _check_answers(answers: dict[str, str]) -> dict[str, str]:
    long = [path for path, value in answers.items() if len(value) > MAX_ANSWER_CHARS]
    if long:
        raise ValidationError({"variant": f"An answer is limited to {MAX_ANSWER_CHARS} characters; "
                                          f"{len(long)} {'is' if len(long) == 1 else 'are'} longer."})
    return {path: value.strip() for path, value in answers.items() if value.strip()}


def generate_document(
    case: Any,
    *,
    actor: Any,
    template: str,
    as_of: dt.date,
    variant: str = Variant.PREVIEW,
    redacted: bool = False,
    output_format: str = OutputFormat.DOCX,
    answers: dict[str, str] | None = None,
) -> GeneratedDocument:
    """Render `template` for `case` (the rulebook read as of `as_of`) and keep it as a GeneratedDocument.

    `answers` fill, for this draft only, variables the case does not know (by path). A Final is
    refused with `MissingVariables` while any printed variable is still unknown.
    """
    if variant not in Variant.values:
        raise ValidationError({"variant": f"{variant!r} is not a variant: use preview or final."})
    if output_format not in OutputFormat.values:
        raise ValidationError({"format": f"{output_format!r} is not a format: use docx or pdf."})
    answers = _check_answers(answers or {})
    context = for_template(case_context(case, as_of=as_of), template)
    spec = check_template(template, context)
    try:
        if variant == Variant.FINAL:
            missing = assembly.unknown_variables(spec.name, context, answers=answers, redacted=redacted)
            if missing:
                raise MissingVariables(missing)
        if output_format == OutputFormat.PDF:
            data = assembly.render_pdf(spec.name, context, variant, redacted=redacted, answers=answers)
        else:
            data = assembly.render_docx(spec.name, context, variant, redacted=redacted, answers=answers)
    except assembly.ConversionError as error:
        raise ValidationError({"format": f"The PDF could not be produced: {error}"})
    except assembly.TemplateError as error:
        raise ValidationError({"template": str(error)})
    except assembly.RedactionError as error:
        raise ValidationError({"redacted": str(error)})
    document = GeneratedDocument(
        case=case,
        template=spec.name,
        title=spec.title,
        variant=variant,
        redacted=redacted,
        format=output_format,
        as_of=as_of,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        created_by=_user(actor),
        created_by_name=_actor_name(actor),
    )
    document.file.save(f"generated.{output_format}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            document.save()
            record_event(
                "drafting.document_generated",
                actor=actor,
                obj=document,
                case_id=case.pk,
                team_id=case.team_id,
                after={
                    "template": spec.name,
                    "variant": variant,
                    "redacted": redacted,
                    "format": output_format,
                    "as_of": as_of.isoformat(),
                    "sha256": document.sha256,
                    "size_bytes": document.size_bytes,
                    # What the person typed in for this draft: the record did not say it.
                    "answers": answers,
                },
            )
    except BaseException:
        _remove_file(document.file.name)
        raise
    return document


def record_generated_download(document: GeneratedDocument, *, actor: Any) -> None:
    with transaction.atomic():
        record_event(
            "drafting.document_downloaded",
            actor=actor,
            obj=document,
            case_id=document.case_id,
            team_id=document.case.team_id,
            after={"sha256": document.sha256, "template": document.template},
        )


# ---------------------------------------------------------------------------------------------
# Exhibit bundles


@dataclass(frozen=True)
class ExhibitChoice:
    """One upload chosen for a bundle, in order; `public` lets it into the redacted public copy."""

    document: Any
    public: bool = False


def bundle_size_limit() -> int:
    return int(getattr(settings, "BUNDLE_SIZE_LIMIT_BYTES", DEFAULT_BUNDLE_SIZE_LIMIT_BYTES))


def _check_bundle_request(
    case: Any, actor: Any, exhibits: Sequence[ExhibitChoice], bates_prefix: str, redacted: bool, title: str
) -> None:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not exhibits:
        add("exhibits", "Choose at least one document to bundle.")
    if len(exhibits) > MAX_EXHIBITS:
        add("exhibits", f"A bundle holds at most {MAX_EXHIBITS} exhibits; {len(exhibits)} were chosen.")
    seen: set[int] = set()
    user = _user(actor)
    for choice in exhibits:
        document = choice.document
        if document.case_id != case.pk:
            add("exhibits", f"Document {document.pk} belongs to another case.")
        if document.pk in seen:
            add("exhibits", f"“{document.title}” is chosen twice.")
        seen.add(document.pk)
        if document.privileged and user is not None and not can_read_privileged(user, case.team_id, case.pk):
            add("exhibits", f"Document {document.pk} is privileged; you may not bundle it.")
        if document.privileged and choice.public:
            add("exhibits", f"“{document.title}” is privileged and cannot be marked public.")
    if redacted and exhibits and not any(choice.public for choice in exhibits):
        add("redacted", "A public copy includes only exhibits marked public; mark at least one.")
    if not BATES_PREFIX_PATTERN.match(bates_prefix):
        add("bates_prefix", "Use up to 40 letters, digits, dots, hyphens or underscores (e.g. LSC-0117-).")
    if not title.strip():
        add("title", "The bundle needs a title.")
    elif len(title) > 200:
        add("title", "At most 200 characters.")
    if errors:
        raise ValidationError(errors)


def request_bundle(
    case: Any,
    *,
    actor: Any,
    exhibits: Sequence[ExhibitChoice],
    bates_prefix: str = "",
    redacted: bool = False,
    title: str = "Exhibits",
    background: bool = True,
) -> Bundle:
    """Record a bundle request and start its assembly: in the background worker, or here and now."""
    bates_prefix = (bates_prefix or "").strip()
    _check_bundle_request(case, actor, exhibits, bates_prefix, redacted, title)
    with transaction.atomic():
        bundle = Bundle.objects.create(
            case=case,
            title=title.strip(),
            bates_prefix=bates_prefix,
            redacted=redacted,
            privileged=any(choice.document.privileged for choice in exhibits),
            progress_total=len(exhibits) + 1,
            created_by=_user(actor),
            created_by_name=_actor_name(actor),
        )
        BundleExhibit.objects.bulk_create(
            BundleExhibit(
                bundle=bundle,
                document=choice.document,
                position=index,
                name=choice.document.title[:200],
                filename=choice.document.original_name[:255],
                public=choice.public,
                privileged=choice.document.privileged,
                sha256=choice.document.sha256,
                size_bytes=choice.document.size_bytes,
            )
            for index, choice in enumerate(exhibits, start=1)
        )
        record_event(
            "drafting.bundle_requested",
            actor=actor,
            obj=bundle,
            case_id=case.pk,
            team_id=case.team_id,
            after={
                "exhibits": [
                    {"document": c.document.pk, "public": c.public, "sha256": c.document.sha256}
                    for c in exhibits
                ],
                "bates_prefix": bates_prefix,
                "redacted": redacted,
            },
        )
        if background:
            from clemency.drafting.tasks import assemble_bundle

            # In the same transaction: the queued job and the bundle row commit together, or neither.
            assemble_bundle.enqueue(bundle.pk)
    if not background:
        run_bundle(bundle.pk)
    bundle.refresh_from_db()
    return bundle


def run_bundle(bundle_id: int) -> None:
    """The worker's job: read the chosen uploads, assemble them, store the result. Never raises for a
    bad upload (it is reported by name); any other failure marks the bundle failed with the reason."""
    claimed = Bundle.objects.filter(pk=bundle_id, status=BundleStatus.QUEUED).update(
        status=BundleStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return  # already taken by another worker, finished, or gone
    bundle = Bundle.objects.select_related("case").get(pk=bundle_id)
    try:
        _assemble(bundle)
    except Exception as error:
        logger.exception("bundle %s failed", bundle_id)
        _fail(bundle, error)


def _read(exhibit: BundleExhibit) -> bytes | str:
    """The upload's bytes, or why they cannot be read."""
    if exhibit.document is None:
        return "the document was deleted before the bundle was assembled"
    try:
        with exhibit.document.file.open("rb") as handle:
            return bytes(handle.read())
    except (FileNotFoundError, OSError):
        return "the stored file is missing"


def _assemble(bundle: Bundle) -> None:
    exhibits = list(bundle.exhibits.select_related("document").order_by("position"))
    sources: list[tuple[BundleExhibit, assembly.ExhibitSource]] = []
    unreadable: dict[int, str] = {}
    for exhibit in exhibits:
        data = _read(exhibit)
        if isinstance(data, str):
            unreadable[exhibit.pk] = data
        else:
            sources.append(
                (exhibit, assembly.ExhibitSource(exhibit.name, exhibit.filename, data, public=exhibit.public))
            )
    offset = len(unreadable)

    def progress(done: int, total: int) -> None:
        Bundle.objects.filter(pk=bundle.pk).update(progress_done=offset + done, progress_total=offset + total)

    result = assembly.build_bundle(
        [source for _, source in sources],
        bates_prefix=bundle.bates_prefix,
        title=bundle.title,
        size_limit_bytes=bundle_size_limit(),
        redacted=bundle.redacted,
        on_progress=progress,
    )
    _record_exhibits(exhibits, sources, unreadable, result)
    _store_result(bundle, result, exhibits, unreadable)


def _record_exhibits(
    exhibits: list[BundleExhibit],
    sources: list[tuple[BundleExhibit, assembly.ExhibitSource]],
    unreadable: dict[int, str],
    result: assembly.BundleResult,
) -> None:
    labels = iter(entry.label for entry in result.toc)
    skipped = list(result.skipped)
    for (exhibit, _), digest in zip(sources, result.sources, strict=True):
        exhibit.sha256, exhibit.size_bytes, exhibit.included = (
            digest.sha256,
            digest.size_bytes,
            digest.included,
        )
        if digest.included:
            exhibit.label = next(labels)
        else:
            match = next(
                (s for s in skipped if (s.name, s.filename) == (exhibit.name, exhibit.filename)), None
            )
            if match is not None:
                skipped.remove(match)
            exhibit.skip_reason = (match.reason if match else "left out")[:300]
    for exhibit in exhibits:
        if exhibit.pk in unreadable:
            exhibit.included, exhibit.skip_reason = False, unreadable[exhibit.pk]


def _store_result(
    bundle: Bundle, result: assembly.BundleResult, exhibits: list[BundleExhibit], unreadable: dict[int, str]
) -> None:
    missing = [e for e in exhibits if e.pk in unreadable]
    bundle.file.save("bundle.pdf", ContentFile(result.pdf_bytes), save=False)
    try:
        with transaction.atomic():
            BundleExhibit.objects.bulk_update(
                exhibits, ["sha256", "size_bytes", "included", "label", "skip_reason"]
            )
            bundle.status = BundleStatus.DONE
            bundle.finished_at = timezone.now()
            bundle.progress_done = bundle.progress_total = len(exhibits) + 1
            bundle.page_count = result.page_count
            bundle.size_bytes = result.size_bytes
            bundle.sha256 = result.output_sha256
            bundle.bates_range = result.bates_range
            bundle.toc = [
                {
                    "label": e.label,
                    "name": e.name,
                    "filename": e.filename,
                    "start_page": e.start_page,
                    "page_count": e.page_count,
                    "bates_start": e.bates_start,
                    "bates_end": e.bates_end,
                }
                for e in result.toc
            ]
            bundle.skipped = [
                {"name": e.name, "filename": e.filename, "reason": unreadable[e.pk]} for e in missing
            ] + [{"name": s.name, "filename": s.filename, "reason": s.reason} for s in result.skipped]
            bundle.warnings = [
                f"{e.filename} ({e.name}) left out: {unreadable[e.pk]}" for e in missing
            ] + list(result.warnings)
            # An exhibit marked privileged while the bundle was assembled has marked the row meanwhile.
            bundle.privileged = bundle.privileged or Bundle.objects.select_for_update().filter(
                pk=bundle.pk, privileged=True).exists()
            bundle.save()
            record_event(
                "drafting.bundle_assembled",
                actor=None,
                obj=bundle,
                case_id=bundle.case_id,
                team_id=bundle.case.team_id,
                after={
                    "sha256": bundle.sha256,
                    "page_count": bundle.page_count,
                    "size_bytes": bundle.size_bytes,
                    "bates_range": bundle.bates_range,
                    "sources": [
                        {"filename": s.filename, "sha256": s.sha256, "included": s.included}
                        for s in result.sources
                    ],
                    "skipped": bundle.skipped,
                },
            )
    except BaseException:
        _remove_file(bundle.file.name)
        raise


def _fail(bundle: Bundle, error: Exception) -> None:
    message = str(error) or type(error).__name__
    with transaction.atomic():
        Bundle.objects.filter(pk=bundle.pk).update(
            status=BundleStatus.FAILED, error=message[:2000], finished_at=timezone.now()
        )
        record_event(
            "drafting.bundle_failed",
            actor=None,
            obj=bundle,
            case_id=bundle.case_id,
            team_id=bundle.case.team_id,
            after={"error": message[:2000]},
        )


def record_bundle_download(bundle: Bundle, *, actor: Any) -> None:
    with transaction.atomic():
        record_event(
            "drafting.bundle_downloaded",
            actor=actor,
            obj=bundle,
            case_id=bundle.case_id,
            team_id=bundle.case.team_id,
            after={"sha256": bundle.sha256, "privileged": bundle.privileged, "redacted": bundle.redacted},
        )


def add_draft_to_documents(document: GeneratedDocument, *, actor: Any) -> Any:
    """Keep a generated draft among the case's documents, so it can go into an exhibit bundle
    (where its true page count and Bates numbers are read from the file itself)."""
    from clemency.accounts.access import can_write_team
    from clemency.documents.models import Document, DocumentKind
    from clemency.documents.services import upload_document

    case = document.case
    if actor is not None and not can_write_team(actor, case.team_id):
        raise ValidationError("Your role on this team is read-only.")
    if Document.objects.filter(case=case, sha256=document.sha256).exists():
        variant = document.get_variant_display().lower()
        raise ValidationError(f"“{document.title}” ({variant}) is already among the case documents.")
    with document.file.open("rb") as handle:
        data = ContentFile(handle.read(), name=f"{document.template}-{document.variant}.{document.format}")
    return upload_document(
        case=case,
        actor=actor,
        upload=data,
        kind=DocumentKind.OTHER,
        title=f"{document.title} ({document.get_variant_display().lower()})"[:200],
        description=f"Generated draft {document.pk}, {document.as_of:%Y-%m-%d}, SHA-256 {document.sha256}.",
        privileged=False,
    )


def mark_bundles_privileged(document: Any, *, actor: Any) -> list[int]:
    """A document has just been marked privileged: every bundle holding it becomes privileged too
    (its exhibit row with it), each with its audit event. Returns the bundles' ids."""
    with transaction.atomic():
        exhibits = BundleExhibit.objects.select_for_update().filter(document=document)
        bundle_ids = sorted(set(exhibits.values_list("bundle_id", flat=True)))
        exhibits.update(privileged=True)
        bundles = list(Bundle.objects.select_for_update().select_related("case")
                       .filter(pk__in=bundle_ids, privileged=False))
        Bundle.objects.filter(pk__in=[b.pk for b in bundles]).update(privileged=True)
        for bundle in bundles:
            record_event(
                "drafting.bundle_privileged",
                actor=actor,
                obj=bundle,
                case_id=bundle.case_id,
                team_id=bundle.case.team_id,
                before={"privileged": False},
                after={"privileged": True, "because_of_document": document.pk},
            )
    return [b.pk for b in bundles]
