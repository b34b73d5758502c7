"""Errors raised by the assembly library; each names what went wrong and where."""


class AssemblyError(Exception):
    """Base class for every error this package raises on purpose."""


class TemplateError(AssemblyError):
    """A template is unknown, does not parse, or uses a variable the case schema lacks."""


class ConversionError(AssemblyError):
    """LibreOffice is missing or failed to convert a document to PDF."""


class ExhibitError(AssemblyError):
    """An uploaded exhibit cannot be read (corrupt, encrypted, empty or of an unknown kind)."""


class RedactionError(AssemblyError):
    """A redacted copy still shows a protected value; it is not released."""
