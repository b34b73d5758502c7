"""Search finds a word anywhere in a person's names (`search_names LIKE '%word%'`) or an identifier
(`UPPER(bop_register_number) = UPPER('...')`). On PostgreSQL a trigram GIN index (pg_trgm) serves the LIKE
and expression indexes the identifiers, so one search does not read every person; SQLite has no trigram
index and the migration does nothing there."""

from typing import Any

from django.db import migrations

INDEXES = {
    "person_search_names_trgm": "people_person USING gin (search_names gin_trgm_ops)",
    "person_bop_upper": "people_person ((UPPER(bop_register_number::text)))",
    "person_state_doc_upper": "people_person ((UPPER(state_doc_number::text)))",
}


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_contacts_and_identifiers_per_team")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
