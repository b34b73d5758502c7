import django_tables2 as tables

from clemency.dna.models import TestingRequest


class TestingRequestTable(tables.Table):
    title = tables.Column(linkify=("dna:request-detail", {"pk": tables.A("pk")}))
    case = tables.Column(verbose_name="Case", accessor="case")
    filed_on = tables.DateColumn(format="Y-m-d", verbose_name="Filed")
    court = tables.Column()
    status = tables.Column()

    class Meta:
        model = TestingRequest
        fields = ("title", "case", "filed_on", "court", "status")
        attrs = {"class": "table"}
        empty_text = "No DNA testing requests match."
