"""Search and the case list's `q` match a case title and a docket number anywhere
(`UPPER(title) LIKE UPPER('%term%')`). On PostgreSQL trigram GIN indexes (pg_trgm) on those expressions
serve the LIKE without reading every case; SQLite has no such index and the migration does nothing there."""

from typing import Any

from django.db import migrations

INDEXES = {
    "case_title_upper_trgm": "cases_case USING gin ((UPPER(title::text)) gin_trgm_ops)",
    "conviction_docket_upper_trgm": "cases_conviction USING gin ((UPPER(docket_number::text)) gin_trgm_ops)",
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
    dependencies = [("cases", "0004_case_team_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
