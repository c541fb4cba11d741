"""Islet: source-linked knowledge about pancreatic neuroendocrine tumors, from NCI's PDQ."""

__version__ = "0.1.0"
