"""What every benchmark shares: where ../shared is, running the referee, writing results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "benchmarks" / "results"


def require_shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        sys.exit(f"benchmark needs the evaluation sets: {SHARED}/eval not found (set DOSSIER_SHARED)")
    return SHARED


def score(task: str, gold: Path, pred: Path, *, per_doc: bool = False) -> dict[str, Any]:
    """Run ../shared/eval/score.py and return its JSON line; `per_doc` passes its per-document lines on."""
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), task, str(gold), str(pred)]
    done = subprocess.run([*cmd, "--per-doc"] if per_doc else cmd, capture_output=True, text=True, check=True)
    if per_doc:
        sys.stderr.write(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def write_result(name: str, result: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, ensure_ascii=False))
    print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
    return path


def dossier(*args: str) -> str:
    """Run the `dossier` command on this checkout; its stdout, or exit with its last error lines."""
    done = subprocess.run([sys.executable, "-m", "dossier", *args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        sys.exit(f"dossier {args[0]} failed: {done.stderr.strip()[-500:]}")
    return done.stdout
