"""`clemency campaigns_housekeeping`: run hourly (cron or a systemd timer).

Expires signatures unconfirmed for 7 days, erases address hashes older than 24 hours, and anonymises
signers of campaigns closed longer than their retention period.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from clemency.campaigns import services, signing


class Command(BaseCommand):
    help = "Expire old signature links, forget address hashes after 24 hours, anonymise closed campaigns."

    def handle(self, *args: Any, **options: Any) -> None:
        result = signing.expire_and_forget()
        anonymised = services.anonymise_due()
        self.stdout.write(
            f"{result['expired']} unconfirmed signature(s) expired; "
            f"{result['address_hashes_erased']} address hash(es) erased; "
            f"{anonymised} campaign(s) anonymised."
        )
