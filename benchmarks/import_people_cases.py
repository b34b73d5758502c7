"""Benchmark: `import people-cases` of a synthetic CSV (validation alone, then validation and writing).

Rows are synthetic (numbered names, valid identifiers, one federal conviction with a charge and a
sentence each). It runs on a fresh SQLite database in a temporary directory and writes its figures
to benchmarks/results/import_people_cases.json.

    .venv/bin/python benchmarks/import_people_cases.py [--rows 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "import_people_cases.json"
HEADER = (
    "given_name,family_name,birth_date,bop_register_number,custody_status,case_title,jurisdiction,"
    "docket_number,offense_date,conviction_date,sentencing_date,statute,offense_category,sentence_type,"
    "sentence_term_days,custody_start_date,offense_level,criminal_history_points\n"
)


def synthetic_csv(rows: int) -> bytes:
    lines = [HEADER]
    for n in range(rows):
        lines.append(
            f"Given{n:05d},Family{n:05d},1970-01-{1 + n % 28:02d},{n:05d}-{n % 1000:03d},in_custody,Case {n},"
            f"federal,1:05-cr-{n:05d},2004-03-01,2005-01-10,2005-04-02,21 U.S.C. 841(b)(1)(A),drug,term,"
            f"{3650 + n % 365},2004-03-02,{20 + n % 20},{n % 10}\n"
        )
    return "".join(lines).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        os.environ["CLEMENCY_VAR_DIR"] = var_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clemency.web.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        from clemency.accounts.models import Team
        from clemency.cases.importing import import_people_cases, validate_file

        team = Team.objects.create(name="Benchmark team")
        data = synthetic_csv(args.rows)
        started = time.perf_counter()
        report = validate_file(data, team=team)
        validate_seconds = time.perf_counter() - started
        assert report.ok, report.errors[:3]
        started = time.perf_counter()
        report = import_people_cases(data, team=team, actor=None)
        import_seconds = time.perf_counter() - started
        assert report.written and report.cases_created == args.rows
    figures = {
        "benchmark": "import people-cases",
        "rows": args.rows,
        "bytes": len(data),
        "validate_seconds": round(validate_seconds, 3),
        "validate_and_write_seconds": round(import_seconds, 3),
        "rows_per_second_written": round(args.rows / import_seconds, 1),
        "database": "sqlite",
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
