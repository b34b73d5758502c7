import django_tables2 as tables

from clemency.petitions.models import Petition


class PetitionTable(tables.Table):
    title = tables.Column(linkify=("petitions:detail", {"pk": tables.A("pk")}))
    case = tables.Column(verbose_name="Case", accessor="case")
    status = tables.Column()

    class Meta:
        model = Petition
        fields = ("title", "case", "pathway", "deciding_authority", "status", "filed_on", "decided_on")
        attrs = {"class": "table"}
        empty_text = "No petitions match."
