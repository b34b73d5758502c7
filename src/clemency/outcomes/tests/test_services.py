"""`clemency data import`: a newer export loads whole or not at all, with every bad cell reported."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from clemency.audit.models import AuditEvent
from clemency.outcomes import services
from clemency.outcomes.models import Dataset, Execution, Source
from clemency.outcomes.public import execution_datasets

from .conftest import published
from .test_sources import DPIC_HEADER

GOOD = (
    DPIC_HEADER + "01/30/2025,A,61,m,Black,x,TX,S,Lethal Injection,No,No,No,No,Harris\n"
    "02/07/2025,B,42,m,Black,x,AL,S,Nitrogen,No,No,No,No,Dallas\n"
)
BAD = GOOD + "02/31/2025,C,70,m,White,x,TX,S,Lethal Injection,No,No,No,No,McLennan\n"


def test_the_shipped_record_is_loaded_by_migrate(public_record):
    assert set(Dataset.objects.values_list("source", flat=True)) == {s.value for s in Source}
    assert Dataset.objects.get(source=Source.NRE_EXONERATIONS).row_count == 3497


def test_a_good_export_becomes_the_newest_dataset_with_its_audit_event(public_record, cast):
    report = services.import_export("dpic-executions", GOOD.encode(), actor=cast.admin, file_name="new.csv")
    assert report.written and report.dataset is not None
    assert report.dataset.row_count == 2 and report.dataset.last_date.isoformat() == "2025-02-07"
    assert Execution.objects.filter(dataset=report.dataset).count() == 2
    event = AuditEvent.objects.get(action="outcomes.dataset.import")
    assert event.actor == cast.admin and event.after["rows"] == 2
    # It reaches furthest, so the charts now draw it.
    assert execution_datasets()[0] == report.dataset


def test_one_bad_cell_writes_nothing_and_names_the_cell(public_record, cast):
    before = Dataset.objects.count(), Execution.objects.count()
    report = services.import_export("dpic-executions", BAD.encode(), actor=cast.admin, file_name="bad.csv")
    assert not report.written
    assert [(c.row, c.column, c.value) for c in report.bad_cells] == [(4, "Date", "02/31/2025")]
    assert (Dataset.objects.count(), Execution.objects.count()) == before
    assert not AuditEvent.objects.filter(action="outcomes.dataset.import").exists()


def test_only_valid_rows_records_the_skipped_rows_with_the_dataset(public_record, cast):
    report = services.import_export(
        "dpic-executions", BAD.encode(), actor=cast.admin, file_name="bad.csv", only_valid_rows=True
    )
    assert report.dataset is not None and report.dataset.row_count == 2
    assert report.dataset.skipped_rows == ["line 4: Date '02/31/2025': not a date written MM/DD/YYYY"]


def test_a_failure_while_writing_leaves_no_half_written_dataset(public_record, cast, monkeypatch):
    before = Dataset.objects.count(), Execution.objects.count()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "record_event", broken)
    with pytest.raises(RuntimeError):
        services.import_export("dpic-executions", GOOD.encode(), actor=cast.admin, file_name="new.csv")
    assert (Dataset.objects.count(), Execution.objects.count()) == before


def test_the_command_reports_every_bad_cell_of_the_real_dpic_export_and_writes_nothing(public_record):
    path = published("dpic_execution_database_1977-2019-02.csv")
    before = Dataset.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1,493 good rows read .*6 bad cells in 3 rows. Nothing written"):
        call_command("data", "import", "dpic-executions", str(path), stderr=err)
    assert "line 1452, column 'Date', value '': empty: the date is required" in err.getvalue()
    assert Dataset.objects.count() == before


def test_the_command_loads_the_real_registry_spreadsheet(public_record):
    out = io.StringIO()
    call_command(
        "data", "import", "nre-exonerations", str(published("nre_publicspreadsheet_may2024.csv")), stdout=out
    )
    assert "3,497 good rows read (Windows-1252). Loaded" in out.getvalue()
    assert Dataset.objects.filter(source=Source.NRE_EXONERATIONS).count() == 2


def test_the_command_refuses_a_file_in_another_format(public_record, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Name,When\nA,today\n", encoding="utf-8")
    with pytest.raises(CommandError, match="The header lacks the columns"):
        call_command("data", "import", "nre-exonerations", str(path))


def test_the_command_loads_the_shipped_copy_where_a_source_has_none(db):
    Dataset.objects.all().delete()
    out = io.StringIO()
    call_command("data", "import", "--shipped", stdout=out)
    assert Dataset.objects.filter(shipped=True).count() == 3
    call_command("data", "import", "--shipped", stdout=out)
    assert "nothing loaded" in out.getvalue() and Dataset.objects.count() == 3
