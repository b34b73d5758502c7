"""`make load`: the platform under 50 concurrent clinicians for 2 minutes, on PostgreSQL with 100,000
cases, served by gunicorn on 127.0.0.1. Figures go to benchmarks/results/load.json.

Environment: LOAD_DATABASE_URL (default postgres://root@127.0.0.1:5432/clemency_load; the database is
dropped and re-created), LOAD_CASES (100000), LOAD_USERS (50), LOAD_SECONDS (120),
LOAD_SPAWN_RATE (users signing in a second, 5), LOAD_WORKERS (gunicorn workers, 2 x CPUs + 1).

The users sign in at LOAD_SPAWN_RATE a second (each sign-in is a deliberately slow password hash,
about 0.2 CPU-s), and the run lasts LOAD_SECONDS after the last of them has started: every user is
at work for the whole measured time, and the sign-in burst is inside the figures, not before them.
"""

from __future__ import annotations

import csv
import json
import math
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results" / "load.json"
BIN = Path(sys.executable).parent
TARGET_P95_MS = 300


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _recreate_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _run(command: list[str], env: dict[str, str]) -> None:
    print("$", " ".join(command), file=sys.stderr)
    subprocess.run(command, env=env, check=True, cwd=ROOT)


def _wait_until_up(url: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own 127.0.0.1 server
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {timeout_s} s")


def _stats(prefix: Path) -> dict[str, object]:
    rows = list(csv.DictReader((prefix.parent / f"{prefix.name}_stats.csv").open(encoding="utf-8")))
    endpoints = {}
    aggregated: dict[str, object] = {}
    for row in rows:
        figures = {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "median_ms": float(row["Median Response Time"]),
            "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"]),
            "max_ms": float(row["Max Response Time"]),
            "requests_per_s": round(float(row["Requests/s"]), 2),
        }
        if row["Name"] == "Aggregated":
            aggregated = figures
        else:
            endpoints[f"{row['Type']} {row['Name']}"] = figures
    return {"aggregated": aggregated, "endpoints": endpoints}


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)


def _pages_and_api(timings_file: Path) -> dict[str, object]:
    """p95 over the pages and API calls a working clinician makes; signing in (a deliberately slow
    password hash, once a day) is reported on its own."""
    timings = json.loads(timings_file.read_text(encoding="utf-8"))
    work = [t for t in timings if "sign in" not in t[0] and "login page" not in t[0]]
    sign_in = [t[1] for t in timings if "sign in" in t[0]]
    times = [t[1] for t in work]
    return {
        "requests": len(work),
        "errors": sum(1 for t in work if t[2]),
        "p50_ms": _percentile(times, 0.50),
        "p95_ms": _percentile(times, 0.95),
        "p99_ms": _percentile(times, 0.99),
        "sign_in_p95_ms": _percentile(sign_in, 0.95),
    }


def _lost_writes(database_url: str, acks_file: Path) -> dict[str, int]:
    import psycopg

    acks = json.loads(acks_file.read_text(encoding="utf-8"))
    last: dict[int, str] = {}
    for ack in acks:  # each user writes its own cases one at a time, so the last ack per case is final
        last[int(ack["case_id"])] = str(ack["summary"])
    with psycopg.connect(database_url) as connection:
        stored = dict(
            connection.execute(
                "SELECT id, summary FROM cases_case WHERE id = ANY(%s)", [list(last)]
            ).fetchall()
        )
        audited = connection.execute(
            "SELECT count(*) FROM audit_auditevent WHERE object_type = 'cases.case' AND action LIKE %s",
            ["%update%"],
        ).fetchone()[0]
    lost = sum(1 for case_id, summary in last.items() if stored.get(case_id) != summary)
    return {
        "acknowledged_updates": len(acks),
        "cases_updated": len(last),
        "lost_writes": lost,
        "update_audit_events": int(audited),
    }


def main() -> None:
    database_url = os.environ.get("LOAD_DATABASE_URL", "postgres://root@127.0.0.1:5432/clemency_load")
    cases = int(os.environ.get("LOAD_CASES", "100000"))
    users = int(os.environ.get("LOAD_USERS", "50"))
    seconds = int(os.environ.get("LOAD_SECONDS", "120"))
    workers = int(os.environ.get("LOAD_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
    try:
        spawn_rate = float(os.environ.get("LOAD_SPAWN_RATE", "5"))
    except ValueError:
        raise SystemExit("LOAD_SPAWN_RATE: expected a number of users a second, such as 5") from None
    if not spawn_rate > 0:
        raise SystemExit("LOAD_SPAWN_RATE: must be more than 0 users a second")
    ramp_seconds = math.ceil(users / spawn_rate)
    port = _free_port()
    work = Path(tempfile.mkdtemp(prefix="clemency-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CLEMENCY_VAR_DIR": str(work / "var"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "clemency.web.settings",
        # 50 clinicians sign in from one address within seconds: lift the per-address sign-in limit.
        "LOGIN_RATE_LIMIT": "10000/m/ip",
        "LOG_LEVEL": "WARNING",
        "LOAD_SEED_FILE": str(work / "seed.json"),
        "LOAD_ACKS_FILE": str(work / "acks.json"),
        "LOAD_TIMINGS_FILE": str(work / "timings.json"),
    }
    _recreate_database(database_url)
    _run([str(BIN / "clemency"), "migrate", "--noinput", "-v", "0"], env)
    started = time.monotonic()
    _run(
        [
            str(BIN / "python"),
            str(ROOT / "benchmarks/load/seed.py"),
            "--cases",
            str(cases),
            "--users",
            str(users),
            "--out",
            str(work / "seed.json"),
        ],
        env,
    )
    seed_seconds = round(time.monotonic() - started, 1)
    _run([str(BIN / "clemency"), "collectstatic", "--noinput", "-v", "0"], env)
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            str(BIN / "python"),
            "-m",
            "gunicorn",
            "clemency.web.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/healthz")
        prefix = work / "locust"
        _run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "benchmarks/load/locustfile.py"),
                "--headless",
                "-u",
                str(users),
                "-r",
                str(spawn_rate),
                "-t",
                f"{ramp_seconds + seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--exit-code-on-error",
                "0",
            ],
            env,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    stats = _stats(prefix)
    writes = _lost_writes(database_url, work / "acks.json")
    aggregated = stats["aggregated"]
    assert isinstance(aggregated, dict)
    working = _pages_and_api(work / "timings.json")
    result = {
        "benchmark": "load: browse, search, update under concurrent users",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        # Other work on the machine during the run skews the figures: say how busy it was.
        "load_average_1_5_15_min_at_end": [round(x, 2) for x in os.getloadavg()],
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "setup": {
            "database": "postgresql",
            "cases": cases,
            "users": users,
            "seconds_with_every_user_at_work": seconds,
            "sign_ins_per_second": spawn_rate,
            "ramp_seconds": ramp_seconds,
            "gunicorn_workers": workers,
            "seed_seconds": seed_seconds,
            "think_time_s": [0.5, 2.0],
        },
        "targets": {"p95_ms": TARGET_P95_MS, "errors": 0, "lost_writes": 0},
        "pages_and_api": working,
        "all_requests_including_sign_in": aggregated,
        "writes": writes,
        "meets_targets": {
            "p95": working["p95_ms"] < TARGET_P95_MS,
            "errors": aggregated["failures"] == 0,
            "lost_writes": writes["lost_writes"] == 0,
        },
        "endpoints": stats["endpoints"],
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("pages_and_api", "writes", "meets_targets")}, indent=2))
    if os.environ.get("LOAD_KEEP_DATABASE") != "1":
        import psycopg

        parsed = urlparse(database_url)
        with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{parsed.path.lstrip("/")}" WITH (FORCE)')


if __name__ == "__main__":
    main()
