"""Check the text cleaner on the five seed articles (../shared/seeds, gold ../shared/gold/seeds.jsonl).

    python benchmarks/clean_text_seeds.py

For every seed: each `body_must_include` snippet must be in the body, no `body_must_exclude`
snippet may be, `body_max_occurrences` must hold, and title / outlet / authors must match the gold
where it has them.  Comparison uses the normalisation of ../shared/eval/score_seeds.py.
Prints one line per failure and a summary; exit status 1 when anything fails.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from dossier.clean.text import clean_text  # noqa: E402


def norm(s: str | None) -> str:
    s = (s or "").lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def check(gold: dict, text: str) -> list[str]:
    out = clean_text(text)
    body = norm(out.body)
    fails = [f"include lost: {s!r}" for s in gold.get("body_must_include", []) if norm(s) not in body]
    fails += [f"boilerplate kept: {s!r}" for s in gold.get("body_must_exclude", []) if norm(s) in body]
    for rule in gold.get("body_max_occurrences", []):
        n = body.count(norm(rule["text"]))
        if n > rule["max"]:
            fails.append(f"{n} copies of {rule['text']!r} (max {rule['max']})")
    if norm(out.title) != norm(gold.get("title")):
        fails.append(f"title {out.title!r} != {gold.get('title')!r}")
    if gold.get("outlet") and norm(out.outlet) != norm(gold["outlet"]):
        fails.append(f"outlet {out.outlet!r} != {gold['outlet']!r}")
    if not gold.get("outlet") and out.outlet:
        fails.append(f"(note) outlet {out.outlet!r} where gold has none")
    if sorted(map(norm, out.authors)) != sorted(map(norm, gold.get("authors") or [])):
        fails.append(f"authors {out.authors} != {gold.get('authors')}")
    gold_pub = gold.get("published") or {}
    if gold_pub.get("method") == "metadata" and out.published.date != gold_pub.get("date"):
        fails.append(f"published {out.published.date} != {gold_pub.get('date')}")
    return fails


def main() -> int:
    gold_path = SHARED / "gold" / "seeds.jsonl"
    if not gold_path.exists():
        print(f"error: {gold_path} not found; expected ../shared next to the repo", file=sys.stderr)
        return 2
    golds = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = 0
    for gold in golds:
        if gold["id"] == "_corpus":
            continue
        text = (SHARED / "seeds" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        fails = check(gold, text)
        total += sum(1 for f in fails if not f.startswith("(note)"))
        print(f"{gold['id']}: {'ok' if not fails else ''}")
        for f in fails:
            print(f"   {f}")
    print(f"failures: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
