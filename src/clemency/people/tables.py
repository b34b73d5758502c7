from __future__ import annotations

import django_tables2 as tables

from clemency.people.models import Person


class PersonTable(tables.Table):
    name = tables.Column(
        accessor="family_name",
        verbose_name="Name",
        linkify=("people:detail", {"pk": tables.A("pk")}),
        order_by=("family_name", "given_name"),
    )
    bop_register_number = tables.Column(verbose_name="BOP number")
    state_doc_number = tables.Column(verbose_name="DOC number")
    facility = tables.Column()
    custody_status = tables.Column()

    class Meta:
        model = Person
        fields = ["name", "bop_register_number", "state_doc_number", "facility", "custody_status"]
        attrs = {"class": "table"}
        empty_text = "No people match."

    def render_name(self, record: Person) -> str:
        return record.full_name
