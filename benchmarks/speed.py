"""Speed: documents per second of the full per-article pipeline vs a bare spaCy `nlp.pipe`.

    python benchmarks/speed.py [--copies 8]

The corpus is the bundled example corpus, repeated `--copies` times (each copy a distinct
article, so nothing is skipped).  The ratio extract/bare says what our stages cost on top of
the parse; later stages must keep it from dropping.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, write_result
from dossier.batch import Repeats, read_inputs, run_batches
from dossier.nlp import load_nlp
from dossier.pipeline import STAGE_SECONDS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--corpus", default=str(ROOT / "examples" / "corpus"))
    args = parser.parse_args()

    inputs = read_inputs([args.corpus])
    articles = [
        replace(a, origin=f"{a.origin}#{n}", id=f"{a.id or 'doc'}-{n}")
        for n in range(args.copies)
        for a in inputs.articles
    ]
    nlp = load_nlp()
    nlp("warm up the model before timing.")

    start = time.perf_counter()
    states = [s for batch in run_batches(articles, repeats=Repeats(articles)) for s in batch]
    extract_s = time.perf_counter() - start
    bodies = [s.record.body for s in states if s.record is not None]

    start = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=16):
        pass
    bare_s = time.perf_counter() - start

    n = len(bodies)
    result = {
        "benchmark": "speed",
        "documents": n,
        "characters": sum(len(b) for b in bodies),
        "extract_docs_per_s": round(n / extract_s, 2),
        "bare_spacy_docs_per_s": round(n / bare_s, 2),
        "ratio_extract_to_bare": round((n / extract_s) / (n / bare_s), 3),
        "stage_share_of_extract": {name: round(sec / extract_s, 3) for name, sec in STAGE_SECONDS.most_common()},
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    write_result("speed", result)


if __name__ == "__main__":
    main()
