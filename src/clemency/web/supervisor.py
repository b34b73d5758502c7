"""What `clemency serve` runs: the web server, and a background worker kept alive beside it.

The web server is the site: if it stops, everything stops. The worker is not: when it dies (killed,
out of memory, a crash in LibreOffice) the site keeps serving, the jobs it held are marked failed
with the reason, the temporary folder it worked in (LibreOffice and screening scratch files) is
removed with whatever it left there, and a new worker starts after a back-off that doubles with each
quick death (1 s, 2 s, 4 s ... at most a minute) and resets once a worker has lived a minute.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

FIRST_BACK_OFF_SECONDS = 1.0
MAX_BACK_OFF_SECONDS = 60.0
HEALTHY_AFTER_SECONDS = 60.0


@dataclass
class WorkerSlot:
    """One worker process, its id in the task queue, and its own temporary folder."""

    command: Callable[[str], Sequence[str]]
    scratch_root: Path
    number: int = 0
    process: subprocess.Popen[bytes] | None = None
    worker_id: str = ""
    scratch: Path | None = None
    started_at: float = 0.0
    back_off: float = FIRST_BACK_OFF_SECONDS
    restart_at: float = 0.0
    deaths: list[int] = field(default_factory=list)

    def start(self, env: dict[str, str]) -> None:
        self.number += 1
        self.worker_id = f"serve-{os.getpid()}-{self.number}"
        self.scratch = self.scratch_root / self.worker_id
        self.scratch.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Every temporary folder the worker (and LibreOffice under it) makes lands in its own folder,
        # so a worker that dies without cleaning up leaves nothing behind once the folder goes.
        child_env = {**env, "TMPDIR": str(self.scratch), "TMP": str(self.scratch), "TEMP": str(self.scratch)}
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            list(self.command(self.worker_id)), env=child_env, start_new_session=True)
        self.started_at = time.monotonic()

    def clean_up(self) -> None:
        """Stop whatever the dead worker started (LibreOffice), and remove its temporary folder."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


class Supervisor:
    def __init__(self, web: Sequence[str], worker: Callable[[str], Sequence[str]] | None, *,
                 env: dict[str, str], scratch_root: Path,
                 on_worker_death: Callable[[str, str], object] = lambda worker_id, reason: None,
                 log: Callable[[str], None] = logger.warning) -> None:
        self.web_command = list(web)
        self.env = env
        self.slot = WorkerSlot(worker, scratch_root) if worker is not None else None
        self.on_worker_death = on_worker_death
        self.log = log
        self.web: subprocess.Popen[bytes] | None = None
        self.stopping = False

    def start(self) -> None:
        self.web = subprocess.Popen(self.web_command, env=self.env)  # noqa: S603 - our own command
        if self.slot is not None:
            self.slot.start(self.env)

    def step(self) -> bool:
        """Look after the children once; False when the web server has stopped (so must we)."""
        assert self.web is not None
        if self.web.poll() is not None:
            return False
        slot = self.slot
        if slot is None or slot.process is None:
            return True
        now = time.monotonic()
        if slot.restart_at:
            if now >= slot.restart_at:
                slot.restart_at = 0.0
                slot.start(self.env)
                self.log(f"background worker started again ({slot.worker_id})")
            return True
        code = slot.process.poll()
        if code is None:
            if now - slot.started_at > HEALTHY_AFTER_SECONDS:
                slot.back_off = FIRST_BACK_OFF_SECONDS
            return True
        slot.deaths.append(code)
        how = f"was killed by signal {-code}" if code < 0 else f"exited with status {code}"
        reason = (f"The background worker stopped while this job ran (it {how}). Nothing was kept; "
                  "try again.")
        self.log(f"background worker {slot.worker_id} {how}; the site keeps serving, its jobs are marked "
                 f"failed, and a new worker starts in {slot.back_off:g} s")
        slot.clean_up()
        try:
            self.on_worker_death(slot.worker_id, reason)
        except Exception:  # the site must not stop because the bookkeeping failed; the log says why
            logger.exception("could not mark the jobs of worker %s failed", slot.worker_id)
        slot.restart_at = now + slot.back_off
        slot.back_off = min(MAX_BACK_OFF_SECONDS, slot.back_off * 2)
        return True

    def stop(self) -> None:
        self.stopping = True
        children = [c for c in (self.web, self.slot.process if self.slot else None) if c is not None]
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        if self.slot is not None:
            self.slot.clean_up()

    def run(self, interval: float = 1.0) -> None:
        self.start()
        try:
            while not self.stopping and self.step():
                time.sleep(interval)
        finally:
            self.stop()
