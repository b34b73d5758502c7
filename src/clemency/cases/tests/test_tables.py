"""The case list writes its rows out in a template (for speed): they must say exactly what the
table's columns would render through django-tables2's generic path."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory
from django_tables2 import RequestConfig

from clemency.cases.models import Case, Priority
from clemency.cases.tables import CaseTable
from clemency.cases.tests import factories


def _rows(html: str) -> list[list[str]]:
    body = html.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        rows.append([" ".join(cell.split()) for cell in cells])
    return rows


@pytest.mark.django_db
def test_written_out_rows_match_the_generic_rendering(cast):
    factories.case(cast.team, title="Clemency for A. Quill", priority=Priority.URGENT)
    factories.case(cast.team, person_values={"given_name": "Bo", "family_name": "Vance & Sons"})
    request = RequestFactory().get("/cases/")
    request.user = cast.attorney

    def render(template_name: str) -> str:
        table = CaseTable(Case.objects.select_related("person", "team"), template_name=template_name)
        RequestConfig(request, paginate={"per_page": 50}).configure(table)
        return table.as_html(request)

    fast, generic = render("cases/_case_table.html"), render("django_tables2/table.html")
    assert len(_rows(fast)) == 2
    assert _rows(fast) == _rows(generic)
    assert fast.split("<tbody", 1)[0] == generic.split("<tbody", 1)[0]  # same header and ordering links
