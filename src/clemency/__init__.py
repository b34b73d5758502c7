"""Clemency: an open platform for clemency and post-conviction teams."""

__version__ = "0.1.0"
