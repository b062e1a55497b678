"""Dossier: a sourced, dated record of a developing news story."""

__version__ = "0.1.0"
