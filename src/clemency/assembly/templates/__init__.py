"""DOCX templates (built by build_templates.py) and their generator."""
