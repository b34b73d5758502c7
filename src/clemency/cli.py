"""The one console script, `clemency`: Django's management command for this project.

Every command (`clemency migrate`, `clemency serve`, `clemency explain`, `clemency screen`, ...)
is a management command, so the platform and the libraries share one entry point.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clemency.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["clemency", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
