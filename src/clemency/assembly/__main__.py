"""`python -m clemency.assembly [--fix] [FILE.docx ...]`: the template lint (see `lint.main`)."""

from clemency.assembly.lint import main

raise SystemExit(main())
