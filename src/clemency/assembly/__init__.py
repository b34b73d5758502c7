"""Documents and exhibit bundles: case variables + DOCX templates -> DOCX/PDF; files -> one bundle.

A pure library: no Django. The platform maps its models to `CaseContext` and calls
`render_docx`, `docx_to_pdf` and `build_bundle`.
"""

from clemency.assembly.bundle import (
    BundleResult,
    ExhibitSource,
    Skipped,
    SourceDigest,
    TocEntry,
    build_bundle,
)
from clemency.assembly.catalog import (
    TEMPLATES,
    Applicability,
    TemplateSpec,
    applicable_templates,
    get_template,
)
from clemency.assembly.context import SENSITIVE_FIELDS, CaseContext, schema_variables
from clemency.assembly.errors import AssemblyError, ConversionError, RedactionError, TemplateError
from clemency.assembly.loading import ContextError, context_from_dict, explanation_from_results
from clemency.assembly.pdf import docx_to_pdf
from clemency.assembly.render import render_docx, render_pdf
from clemency.assembly.unknowns import apply_answers, unknown_variables

__all__ = [
    "SENSITIVE_FIELDS",
    "TEMPLATES",
    "Applicability",
    "AssemblyError",
    "BundleResult",
    "CaseContext",
    "ContextError",
    "ConversionError",
    "ExhibitSource",
    "RedactionError",
    "TemplateError",
    "TemplateSpec",
    "Skipped",
    "SourceDigest",
    "TocEntry",
    "applicable_templates",
    "apply_answers",
    "build_bundle",
    "context_from_dict",
    "docx_to_pdf",
    "explanation_from_results",
    "get_template",
    "render_docx",
    "render_pdf",
    "schema_variables",
    "unknown_variables",
]
