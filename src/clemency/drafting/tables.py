import django_tables2 as tables

from clemency.drafting.models import Bundle, GeneratedDocument


class GeneratedDocumentTable(tables.Table):
    title = tables.Column()
    case = tables.Column(linkify=("cases:detail", {"pk": tables.A("case_id")}))
    redacted = tables.BooleanColumn(yesno="Redacted,")
    created_at = tables.DateTimeColumn(format="Y-m-d H:i", verbose_name="Created")
    download = tables.LinkColumn(
        "drafting:generated-download",
        args=[tables.A("pk")],
        text="Download",
        orderable=False,
        empty_values=(),
    )

    class Meta:
        model = GeneratedDocument
        fields = ("title", "case", "variant", "format", "redacted", "created_by_name", "created_at")
        attrs = {"class": "table"}
        empty_text = "No generated documents."


class BundleTable(tables.Table):
    title = tables.Column(linkify=("drafting:bundle-detail", {"pk": tables.A("pk")}))
    case = tables.Column(linkify=("cases:detail", {"pk": tables.A("case_id")}))
    redacted = tables.BooleanColumn(yesno="Public copy,")
    created_at = tables.DateTimeColumn(format="Y-m-d H:i", verbose_name="Created")

    class Meta:
        model = Bundle
        fields = ("title", "case", "status", "page_count", "bates_range", "redacted", "created_at")
        attrs = {"class": "table"}
        empty_text = "No bundles."
