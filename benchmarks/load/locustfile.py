"""50 clinicians browsing, searching and updating cases (see run.py). Every acknowledged update is
written to LOAD_ACKS_FILE at the end, so run.py can prove none was lost.

FastHttpUser (geventhttpclient) rather than HttpUser (requests): the load generator shares the
server's two cores, and it spends several times less CPU a request."""

from __future__ import annotations

import itertools
import json
import os
import random
import uuid
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, between, events, task

SEED = json.loads(Path(os.environ["LOAD_SEED_FILE"]).read_text(encoding="utf-8"))
ACKS: list[dict[str, object]] = []
TIMINGS: list[tuple[str, float, bool]] = []  # (name, milliseconds, failed) of every request
LAST_PAGE = max(1, int(SEED["cases"]) // 50)
_numbers = itertools.count()


@events.request.add_listener
def _time(request_type: str, name: str, response_time: float, exception: object, **kwargs: object) -> None:
    TIMINGS.append((f"{request_type} {name}", float(response_time), exception is not None))


class Clinician(FastHttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.index = next(_numbers) % len(SEED["usernames"])
        self.rng = random.Random(self.index)  # noqa: S311 - load pattern, not a secret
        self.client.get("/login/", name="login page")
        token = self._cookie("csrftoken")
        with self.client.post(
            "/login/",
            {
                "login": SEED["usernames"][self.index],
                "password": SEED["password"],
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": self.host + "/login/"},
            name="sign in",
            catch_response=True,
        ) as response:
            if not self._cookie("sessionid"):
                response.failure("sign-in failed")
        # Each user updates its own slice of cases, so the last acknowledged value per case is known.
        self.own_cases = [
            case_id
            for case_id in range(SEED["case_id_min"], SEED["case_id_max"] + 1)
            if case_id % len(SEED["usernames"]) == self.index
        ][:2000]

    def _cookie(self, name: str) -> str:
        return next((cookie.value or "" for cookie in self.client.cookiejar if cookie.name == name), "")

    def _page(self) -> int:
        # Most browsing is of the first pages; now and then someone pages deep into the list.
        return min(LAST_PAGE, 1 + int(self.rng.expovariate(1 / 5)))

    def _case_id(self) -> int:
        return self.rng.randint(SEED["case_id_min"], SEED["case_id_max"])

    @task(4)
    def case_list(self) -> None:
        self.client.get(f"/cases/?page={self._page()}", name="/cases/ (page)")

    @task(4)
    def case_detail(self) -> None:
        self.client.get(f"/cases/{self._case_id()}/", name="/cases/[id]/")

    @task(2)
    def search(self) -> None:
        query = urlencode({"q": self.rng.choice(SEED["search_terms"])})
        self.client.get(f"/cases/search/?{query}", name="/cases/search/")

    @task(2)
    def api_list(self) -> None:
        self.client.get(f"/api/cases/?page={self._page()}", name="/api/cases/ (page)")

    @task(1)
    def dashboard(self) -> None:
        self.client.get("/", name="/ (dashboard)")

    # The outcome pages (issue 20): the team's results over its petitions, with and without a filter, the
    # public record's pages, and the same figures through the API.
    @task(1)
    def outcomes_team(self) -> None:
        query = self.rng.choice(["", "?jurisdiction=us", "?filed_after=2025-01-01", "?pathway=us-wi.pardon"])
        self.client.get(f"/outcomes/team/{query}", name="/outcomes/team/")

    @task(1)
    def outcomes_public(self) -> None:
        path = self.rng.choice(
            [
                "/outcomes/federal/",
                "/outcomes/executions/",
                "/outcomes/exonerations/",
                "/outcomes/states/",
                "/outcomes/exonerations/?jurisdiction=Texas",
            ]
        )
        self.client.get(path, name="/outcomes/ (public record)")

    @task(1)
    def outcomes_api(self) -> None:
        self.client.get("/api/outcomes/team/", name="/api/outcomes/team/")

    @task(2)
    def update_case(self) -> None:
        case_id = self.rng.choice(self.own_cases)
        summary = f"load update {uuid.uuid4().hex}"
        with self.client.patch(
            f"/api/cases/{case_id}/",
            json={"summary": summary},
            headers={"X-CSRFToken": self._cookie("csrftoken"), "Referer": self.host + "/"},
            name="PATCH /api/cases/[id]/",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and response.json().get("summary") == summary:
                ACKS.append({"case_id": case_id, "summary": summary, "user": self.index})
                response.success()
            else:
                response.failure(f"update not acknowledged: {response.status_code}")


@events.test_stop.add_listener
def _write_acks(environment: object, **kwargs: object) -> None:
    Path(os.environ["LOAD_ACKS_FILE"]).write_text(json.dumps(ACKS), encoding="utf-8")
    Path(os.environ["LOAD_TIMINGS_FILE"]).write_text(json.dumps(TIMINGS), encoding="utf-8")
