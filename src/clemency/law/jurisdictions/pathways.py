"""The pathways built from every jurisdiction's data file (the registry reads `PATHWAYS`)."""

from __future__ import annotations

from clemency.law.jurisdictions import built
from clemency.law.jurisdictions.dna import dna_pathways

# Clemency pathways (data/<code>.yaml), then post-conviction DNA testing (data/dna/<code>.yaml).
PATHWAYS = built()[0] + dna_pathways()
