"""The web UI, JSON API and shareable HTML report over a Dossier store (read-only)."""
