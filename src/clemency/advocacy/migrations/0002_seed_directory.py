"""Seed the shared directory of offices from the rulebook's jurisdiction profiles (seed version 1)."""

from typing import Any

from django.db import migrations


def seed(apps: Any, schema_editor: Any) -> None:
    from clemency.advocacy.seed import apply_seed

    apply_seed(apps.get_model("advocacy", "Office"), apps.get_model("advocacy", "DirectoryChange"), version=1)


class Migration(migrations.Migration):
    dependencies = [("advocacy", "0001_directory")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
