import django_tables2 as tables

from clemency.outcomes.models import Dataset


class DatasetTable(tables.Table):
    title = tables.Column(verbose_name="Dataset")
    source_kind = tables.Column(verbose_name="Kind of source")
    row_count = tables.Column(verbose_name="Rows")
    first_date = tables.Column(verbose_name="From")
    last_date = tables.Column(verbose_name="To")
    shipped = tables.BooleanColumn(verbose_name="Shipped with Clemency")
    imported_at = tables.DateTimeColumn(verbose_name="Loaded", format="Y-m-d H:i")

    class Meta:
        model = Dataset
        fields = (
            "title",
            "source_kind",
            "row_count",
            "first_date",
            "last_date",
            "shipped",
            "imported_at",
            "origin",
        )
        attrs = {"class": "table"}
        orderable = False
        empty_text = "No public-record data is loaded: run `clemency data import --shipped`."
