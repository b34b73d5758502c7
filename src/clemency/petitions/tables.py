import django_tables2 as tables

from clemency.petitions.models import Petition


class PetitionTable(tables.Table):
    title = tables.Column(linkify=("petitions:detail", {"pk": tables.A("pk")}))
    case = tables.Column(verbose_name="Case", accessor="case",
                         linkify=("cases:detail", {"pk": tables.A("case_id")}))
    status = tables.Column()
    # The one date format of every page (YYYY-MM-DD), never the locale's "Nov. 2, 2026".
    filed_on = tables.DateColumn(format="Y-m-d", attrs={"td": {"class": "date"}})
    decided_on = tables.DateColumn(format="Y-m-d", attrs={"td": {"class": "date"}})

    class Meta:
        model = Petition
        fields = ("title", "case", "pathway", "deciding_authority", "status", "filed_on", "decided_on")
        attrs = {"class": "table"}
        empty_text = "No petitions match."
