"""`make load-campaign`: a campaign going viral. The public page and signing under load on PostgreSQL,
served as in production (gunicorn, DEBUG off), the load generator on the same machine, with the
figures beside a static file served by the same server. Results: benchmarks/results/campaign_load.json.

Three phases of CAMPAIGN_LOAD_SECONDS each (default 120): a static file (the ceiling), the public
campaign page (cached in the shared cache, Redis where REDIS_URL is set; the count a counter), and
signing (a POST per new supporter). Then every acknowledged signature is looked up in the database,
and the campaign's pending and confirmed counters are compared with the rows.

Targets from the issue: the page at 1,000 requests a second or more with p95 under 100 ms; signing at
100 a second or more with p95 under 300 ms; zero lost signatures; exact counts.

Environment: CAMPAIGN_LOAD_DATABASE_URL (default postgres://root@127.0.0.1:5432/clemency_campaign_load;
dropped and re-created), CAMPAIGN_LOAD_SECONDS (120), CAMPAIGN_LOAD_CONCURRENCY (open requests, 32),
CAMPAIGN_LOAD_WORKERS (gunicorn workers, 2 x CPUs + 1), REDIS_URL (optional).
"""

from __future__ import annotations

import asyncio
import json
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
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "campaign_load.json"
BIN = Path(sys.executable).parent
SLUG = "spare-corwin-haldane"  # a demo campaign (fictional)
STATIC_PATH = "/static/campaigns/public.css"
TARGETS = {"page_requests_per_s": 1000, "page_p95_ms": 100, "sign_requests_per_s": 100, "sign_p95_ms": 300}


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


async def _request(port: int, raw: bytes) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # to the end: gunicorn's sync workers close after each response
    finally:
        writer.close()
    return int(status_line.split()[1]) if status_line else 0


def _get(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()


def _sign(email: str, state: str) -> bytes:
    body = urlencode(
        {
            "name": "Load Tester",
            "email": email,
            "zip_code": "53703",
            "state": state,
            "comment": "",
            "website": "",
            "altcha": "",
        }
    ).encode()
    head = (
        f"POST /c/{SLUG}/sign/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _phase(
    port: int, seconds: float, concurrency: int, make: object, ok: set[int]
) -> dict[str, object]:
    """`concurrency` requests open at all times for `seconds`; the latency of each, and what failed."""
    latencies: list[float] = []
    errors = 0
    acknowledged: list[str] = []
    stop = time.monotonic() + seconds
    counter = iter(range(10**9))

    async def user() -> None:
        nonlocal errors
        while time.monotonic() < stop:
            number = next(counter)
            raw, key = make(number)  # type: ignore[operator]
            started = time.perf_counter()
            try:
                status = await _request(port, raw)
            except OSError:
                status = 0
            latencies.append((time.perf_counter() - started) * 1000)
            if status in ok:
                if key:
                    acknowledged.append(key)
            else:
                errors += 1

    began = time.monotonic()
    await asyncio.gather(*(user() for _ in range(concurrency)))
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)

    def pct(fraction: float) -> float:
        return (
            round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)
            if ordered
            else float("nan")
        )

    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": round(elapsed, 1),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": pct(0.5),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "acknowledged": acknowledged,
    }


def _check_signatures(database_url: str, acknowledged: list[str]) -> dict[str, object]:
    import psycopg

    with psycopg.connect(database_url) as connection:
        campaign_id, pending_counter, confirmed_counter = connection.execute(
            "SELECT id, pending_count, confirmed_count FROM campaigns_campaign WHERE slug = %s", [SLUG]
        ).fetchone()
        stored = {
            row[0]
            for row in connection.execute(
                "SELECT email FROM campaigns_signature WHERE campaign_id = %s", [campaign_id]
            )
        }
        by_status = dict(
            connection.execute(
                "SELECT status, count(*) FROM campaigns_signature WHERE campaign_id = %s GROUP BY status",
                [campaign_id],
            ).fetchall()
        )
    lost = [email for email in acknowledged if email not in stored]
    return {
        "acknowledged": len(acknowledged),
        "stored_for_campaign": len(stored),
        "lost": len(lost),
        "by_status": by_status,
        "pending_counter": pending_counter,
        "pending_rows": by_status.get("pending", 0),
        "confirmed_counter": confirmed_counter,
        "confirmed_rows": by_status.get("confirmed", 0),
        "counts_exact": pending_counter == by_status.get("pending", 0)
        and confirmed_counter == by_status.get("confirmed", 0),
    }


def main() -> None:
    database_url = os.environ.get(
        "CAMPAIGN_LOAD_DATABASE_URL", "postgres://root@127.0.0.1:5432/clemency_campaign_load"
    )
    seconds = float(os.environ.get("CAMPAIGN_LOAD_SECONDS", "120"))
    concurrency = int(os.environ.get("CAMPAIGN_LOAD_CONCURRENCY", "32"))
    workers = int(os.environ.get("CAMPAIGN_LOAD_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
    _recreate_database(database_url)
    var_dir = Path(tempfile.mkdtemp(prefix="campaign-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CLEMENCY_VAR_DIR": str(var_dir),
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "clemency.web.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "CLEMENCY_DEMO_HINT": "0",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CLEMENCY_TESTING", None)
    clemency = str(BIN / "clemency")
    _run([clemency, "migrate", "--noinput", "-v", "0"], env)
    _run([clemency, "seed_demo"], env)
    _run([clemency, "collectstatic", "--noinput", "-v", "0"], env)
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clemency.web.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--backlog",
            "2048",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/c/{SLUG}/")
        run_id = secrets.token_hex(4)
        states = ["WI", "TX", "CA", "NY", "OK", "IN"]
        phases = {
            "static_file": asyncio.run(
                _phase(port, seconds, concurrency, lambda n: (_get(STATIC_PATH), ""), {200})
            ),
            "public_page": asyncio.run(
                _phase(port, seconds, concurrency, lambda n: (_get(f"/c/{SLUG}/"), ""), {200})
            ),
            "signing": asyncio.run(
                _phase(
                    port,
                    seconds,
                    concurrency,
                    lambda n: (
                        _sign(f"load-{run_id}-{n}@example.org", states[n % len(states)]),
                        f"load-{run_id}-{n}@example.org",
                    ),
                    {302},
                )
            ),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    acknowledged = phases["signing"].pop("acknowledged")
    for phase in phases.values():
        phase.pop("acknowledged", None)
    signatures = _check_signatures(database_url, acknowledged)  # type: ignore[arg-type]
    page, signing, static = phases["public_page"], phases["signing"], phases["static_file"]
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(),
        },
        "settings": {
            "seconds_per_phase": seconds,
            "concurrency": concurrency,
            "gunicorn_workers": workers,
            "cache": "redis" if os.environ.get("REDIS_URL") else "file cache under var/",
            "database": "postgresql",
        },
        "phases": phases,
        "page_to_static_ratio": round(float(page["requests_per_s"]) / float(static["requests_per_s"]), 3),  # type: ignore[arg-type]
        "signatures": signatures,
        "targets": TARGETS,
        "targets_met": {
            "page_requests_per_s": float(page["requests_per_s"]) >= TARGETS["page_requests_per_s"],  # type: ignore[arg-type]
            "page_p95_ms": float(page["p95_ms"]) < TARGETS["page_p95_ms"],  # type: ignore[arg-type]
            "sign_requests_per_s": float(signing["requests_per_s"]) >= TARGETS["sign_requests_per_s"],  # type: ignore[arg-type]
            "sign_p95_ms": float(signing["p95_ms"]) < TARGETS["sign_p95_ms"],  # type: ignore[arg-type]
            "zero_lost": signatures["lost"] == 0,
            "counts_exact": signatures["counts_exact"],
        },
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
