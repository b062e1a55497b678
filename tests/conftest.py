"""Shared test helpers: the ../shared folder when CI has it, running the real CLI, the spaCy pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "corpus"


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the checkout")


def dossier(*args: str, stdin: bytes | None = None, cwd: Path | None = None, timeout: int = 600):
    """Run the installed command line in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "dossier", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
    )


def jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def record_schema() -> dict:
    return json.loads((ROOT / "src" / "dossier" / "data" / "record.schema.json").read_text())


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once for the whole run."""
    from dossier.nlp import ModelMissing, load_nlp

    try:
        return load_nlp()
    except ModelMissing:
        pytest.skip("spaCy English model not installed")


def statements_in(nlp, text: str, **kwargs) -> list[dict]:
    from dossier.extract.statements import find_statements

    return find_statements(nlp(text), **kwargs)


def only(statements: list[dict], fragment: str) -> dict:
    """The one statement whose quotation holds `fragment`."""
    hits = [s for s in statements if fragment in s["quote"]["text"]]
    assert len(hits) == 1, f"{fragment!r} in {[s['quote']['text'] for s in statements]}"
    return hits[0]
