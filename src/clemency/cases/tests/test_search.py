from __future__ import annotations

from django.urls import reverse

from clemency.cases import services
from clemency.cases.selectors import search
from clemency.cases.tests import factories


def _setup(cast):
    ours = factories.case(
        cast.team,
        title="Marrow commutation",
        person_values={
            "given_name": "Elias",
            "family_name": "Marrow",
            "aliases": ["Eli Stone"],
            "bop_register_number": "04567-089",
        },
    )
    factories.federal_conviction(ours, docket_number="3:97-cr-00412")
    theirs = factories.case(
        cast.other_team,
        person_values={"given_name": "Elias", "family_name": "Marrow", "bop_register_number": "04567-089"},
    )
    factories.federal_conviction(theirs, docket_number="3:97-cr-00412")
    return ours


def test_search_finds_by_name_alias_identifier_and_docket(cast):
    ours = _setup(cast)
    for query in ["marrow", "ELIAS MARROW", "eli stone", "04567-089", "97-cr-00412"]:
        results = search(cast.attorney, query)
        assert [c.pk for c in results.cases] == [ours.pk], query


def test_search_never_reaches_another_team(cast):
    _setup(cast)
    results = search(cast.outsider, "marrow")
    assert all(p.team_id == cast.other_team.pk for p in results.people)
    assert all(c.team_id == cast.other_team.pk for c in results.cases)


def test_search_page(client, cast):
    ours = _setup(cast)
    client.force_login(cast.student)
    body = client.get(reverse("cases:search"), {"q": "Eli Stone"}).content.decode()
    assert reverse("cases:detail", args=[ours.pk]) in body
    short = client.get(reverse("cases:search"), {"q": "x"})
    assert "q" in short.context["form"].errors


def test_conflict_check_finds_clients_codefendants_and_victims(client, cast):
    ours = _setup(cast)
    conviction = ours.convictions.get()
    services.add_party(conviction, actor=None, name="Jonah Pell", role="co_defendant")
    services.add_party(conviction, actor=None, name="Mara Pell", role="victim")
    other = factories.federal_conviction(factories.case(cast.other_team))
    services.add_party(other, actor=None, name="Sam Pell", role="victim")
    client.force_login(cast.attorney)
    response = client.get(reverse("cases:conflicts"), {"name": "pell"})
    roles = sorted((hit.name, hit.role) for hit in response.context["hits"])
    assert roles == [("Jonah Pell", "co_defendant"), ("Mara Pell", "victim")]
    clients = client.get(reverse("cases:conflicts"), {"name": "Marrow"}).context["hits"]
    assert [(h.role, h.case.pk) for h in clients] == [("client", ours.pk)]


def test_words_in_any_order_are_found(cast):
    ours = _setup(cast)
    services.add_party(ours.convictions.get(), actor=None, name="Jonah Q. Pell", role="victim")
    assert [c.pk for c in search(cast.attorney, "Marrow Elias").cases] == [ours.pk]
    from clemency.cases.selectors import conflicts

    assert [h.name for h in conflicts(cast.attorney, "pell jonah")] == ["Jonah Q. Pell"]


def _plan(queryset):
    from django.db import connection

    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: ask which index serves it
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_search_by_a_word_inside_a_name_title_or_docket_is_indexed_on_postgresql(cast):
    """On PostgreSQL a trigram index serves LIKE '%word%'; on SQLite the same search still works."""
    from django.db import connection

    from clemency.cases.models import Case, Conviction
    from clemency.people.models import Person

    ours = _setup(cast)
    assert [c.pk for c in search(cast.attorney, "arro").cases] == [ours.pk]
    assert [c.pk for c in search(cast.attorney, "7-cr-004").cases] == [ours.pk]
    if connection.vendor != "postgresql":
        return
    assert "person_search_names_trgm" in _plan(Person.objects.filter(search_names__contains="arro"))
    assert "person_bop_upper" in _plan(Person.objects.filter(bop_register_number__iexact="04567-089"))
    assert "case_title_upper_trgm" in _plan(Case.objects.filter(title__icontains="arro"))
    dockets = Conviction.objects.filter(docket_number__icontains="cr-00")
    assert "conviction_docket_upper_trgm" in _plan(dockets)
