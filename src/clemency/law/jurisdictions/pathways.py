"""The pathways built from every jurisdiction's data file (the registry reads `PATHWAYS`)."""

from __future__ import annotations

from clemency.law.jurisdictions import built

PATHWAYS = built()[0]
