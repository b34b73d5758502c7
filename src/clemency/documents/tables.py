import django_tables2 as tables

from clemency.documents.models import Document


class DocumentTable(tables.Table):
    title = tables.Column(linkify=("documents:detail", {"pk": tables.A("pk")}))
    case = tables.Column(linkify=("cases:detail", {"pk": tables.A("case_id")}))
    privileged = tables.BooleanColumn(yesno="Privileged,")
    size_bytes = tables.Column(verbose_name="Size")
    uploaded_at = tables.DateTimeColumn(format="Y-m-d")

    class Meta:
        model = Document
        fields = ("title", "kind", "case", "original_name", "size_bytes", "privileged", "uploaded_at")
        attrs = {"class": "table"}
        empty_text = "No documents match."

    def render_size_bytes(self, value: int) -> str:
        from clemency.documents.validation import human_size

        return human_size(value)
