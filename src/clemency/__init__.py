"""Clemency: an open platform for clemency and post-conviction teams."""

import os

__version__ = "0.1.0"

# Polars' allocator (jemalloc) reads this when Polars loads, so it is set here, before anything
# imports Polars; a value the user has set wins. By default the allocator hands memory back to the
# system half a second after it is freed, but a screen frees and reallocates a batch's worth of
# memory every second or so, and on a virtual machine every page handed back costs a page fault
# (in the guest and the host) when it is used again. Keeping freed memory for 3 s took a 10M screen
# from about 1.0M to 0.8M page faults and 0.9 CPU-s less system time, with the same peak memory
# (measured over four alternated pairs of runs; see the screening README).
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:3000,muzzy_decay_ms:0")
