"""The spaCy pipeline, loaded once."""

from dossier.nlp.model import ModelMissing, load_nlp

__all__ = ["ModelMissing", "load_nlp"]
