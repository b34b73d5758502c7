import django_tables2 as tables

from clemency.advocacy.models import Office, Outreach


class OfficeTable(tables.Table):
    name = tables.Column(linkify=("advocacy:office-detail", {"pk": tables.A("pk")}))
    jurisdiction = tables.Column()
    role = tables.Column()
    kind = tables.Column(verbose_name="Kind")

    class Meta:
        model = Office
        fields = ("name", "jurisdiction", "role", "kind", "phone", "email")
        attrs = {"class": "table"}
        empty_text = "No offices match."


class OutreachTable(tables.Table):
    date = tables.DateColumn(format="Y-m-d")
    subject = tables.Column(linkify=("advocacy:outreach-detail", {"pk": tables.A("pk")}))
    case = tables.Column(verbose_name="Case", accessor="case")
    who = tables.Column(verbose_name="Who on the other side", accessor="who", orderable=False)
    channel = tables.Column()
    status = tables.Column()
    follow_up_on = tables.DateColumn(format="Y-m-d", verbose_name="Follow-up")

    class Meta:
        model = Outreach
        fields = ("date", "subject", "case", "who", "channel", "status", "follow_up_on")
        attrs = {"class": "table"}
        empty_text = "No contacts match."
