"""Cross-document entity linking: one canonical entity per real actor across all articles.

The records already give canonical ids where the gazetteer knows the name ('person:dmitry-peskov').
What is left are the names only one article's NER saw: a surname alone ('Tkachenko' for 'Tymur
Tkachenko'), a transliteration ('Zelenskyy'), a title used as a name ('the Kremlin spokesman').
They are linked here, among entities of one type whose countries do not conflict:

- a one-word person name joins the one multi-word person whose last name it is (fuzzy);
- two names of one type join when rapidfuzz finds them near-identical (transliterations);
- a name that is a title joins the one person who held that title in the same year ('the Kremlin
  spokesman' in 2025 is Peskov), from the roles the records give;
- the alias file (`data/aliases.yaml`, plus the file named by DOSSIER_ALIASES) merges ids or names
  the rules miss and splits ids the rules should keep apart.

The canonical id of a group is the id of its fullest name (most words, then shortest, then smallest
id), so it does not change with the order documents arrive in.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

FUZZY = 92  # rapidfuzz ratio for two full names of one type to be one entity
SURNAME_FUZZY = 90  # ratio for a one-word name against a full name's last word
_SPACE = re.compile(r"\s+")


@dataclass
class EntityRow:
    """One entity id as the records give it, with what linking looks at."""

    id: str
    name: str
    type: str
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    years: set[str] = field(default_factory=set)  # publication years of the documents naming it


@dataclass
class Aliases:
    merge: list[dict[str, Any]] = field(default_factory=list)
    split: list[list[str]] = field(default_factory=list)


def load_aliases(extra: str | Path | None = None) -> Aliases:
    """The default alias file shipped with Dossier, plus the user's (DOSSIER_ALIASES or `extra`)."""
    found = Aliases()
    texts = [resources.files("dossier").joinpath("data/aliases.yaml").read_text(encoding="utf-8")]
    user = extra or os.environ.get("DOSSIER_ALIASES")
    if user:
        try:
            texts.append(Path(user).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ValueError(f"{user}: cannot read the alias file ({exc.strerror})") from None
    for text in texts:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{user}: not a valid alias file ({str(exc).splitlines()[0]})") from None
        if not isinstance(data, dict):
            raise ValueError(f"{user}: an alias file is a mapping with `merge` and `split` lists")
        found.merge += [m for m in data.get("merge") or [] if isinstance(m, dict)]
        found.split += [list(s) for s in data.get("split") or [] if isinstance(s, list)]
    return found


def norm(name: str) -> str:
    text = _SPACE.sub(" ", name.lower().replace("’", "'")).strip()
    return text.removeprefix("the ")


def link(rows: Iterable[EntityRow], aliases: Aliases | None = None) -> dict[str, str]:
    """Map every entity id to its canonical id."""
    rows = sorted(rows, key=lambda r: r.id)
    aliases = aliases or Aliases()
    by_id = {r.id: r for r in rows}
    uf = _UnionFind(by_id)
    apart = _splits(aliases)
    for a, b in _candidate_pairs(rows):
        uf.union(a.id, b.id, apart)
    _link_titles(rows, uf, apart)
    _apply_merges(rows, aliases, uf, apart)
    groups: dict[str, list[str]] = {}
    for r in rows:
        groups.setdefault(uf.find(r.id), []).append(r.id)
    out = {}
    for root, members in groups.items():
        canonical = uf.prefer.get(root) or _canonical(members, by_id, uf.titles)
        out.update(dict.fromkeys(members, canonical))
    return out


def _splits(aliases: Aliases) -> set[frozenset[str]]:
    return {frozenset((a, b)) for ids in aliases.split for a in ids for b in ids if a != b}


def _candidate_pairs(rows: list[EntityRow]) -> Iterable[tuple[EntityRow, EntityRow]]:
    """Pairs of one type, blocked by the first letter of the last name, that the name rules accept."""
    blocks: dict[tuple[str, str], list[EntityRow]] = {}
    for r in rows:
        words = norm(r.name).split()
        if words:
            blocks.setdefault((r.type, words[-1][:1]), []).append(r)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _countries_agree(a, b) and _names_match(a, b, block):
                    yield a, b


def _countries_agree(a: EntityRow, b: EntityRow) -> bool:
    return not (a.country and b.country and a.country != b.country)


def _names_match(a: EntityRow, b: EntityRow, block: list[EntityRow]) -> bool:
    na, nb = norm(a.name), norm(b.name)
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    if len(wa) > 1 and len(wb) > 1:
        return fuzz.ratio(na, nb) >= FUZZY and fuzz.ratio(wa[-1], wb[-1]) >= SURNAME_FUZZY
    if a.type != "PERSON" or len(wa) == len(wb):
        return False
    short, full = (wa, b) if len(wa) == 1 else (wb, a)
    if fuzz.ratio(short[0], norm(full.name).split()[-1]) < SURNAME_FUZZY:
        return False
    # a surname alone is linked only when one full name in the corpus carries it
    fulls = [r for r in block if r.type == "PERSON" and len(norm(r.name).split()) > 1
             and fuzz.ratio(short[0], norm(r.name).split()[-1]) >= SURNAME_FUZZY]
    return len({norm(r.name) for r in fulls}) == 1


def _link_titles(rows: list[EntityRow], uf: _UnionFind, apart: set[frozenset[str]]) -> None:
    """A name that is a title ('Kremlin spokesman') joins the one person holding it that year."""
    holders: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        if r.type == "PERSON" and len(r.name.split()) > 1:
            for role in r.roles:
                for year in r.years or {""}:
                    holders.setdefault((norm(role), year), set()).add(r.id)
    for r in rows:
        for year in r.years or {""}:
            people = holders.get((norm(r.name), year), set()) - {r.id}
            if len(people) == 1:
                uf.union(r.id, next(iter(people)), apart)
                uf.titles.add(r.id)


def _apply_merges(rows: list[EntityRow], aliases: Aliases, uf: _UnionFind, apart: set[frozenset[str]]) -> None:
    by_name: dict[str, list[str]] = {}
    for r in rows:
        by_name.setdefault(norm(r.name), []).append(r.id)
    for entry in aliases.merge:
        target = str(entry.get("canonical") or "")
        ids = [str(i) for i in entry.get("ids") or []]
        ids += [i for name in entry.get("names") or [] for i in by_name.get(norm(str(name)), [])]
        present = [i for i in [target, *ids] if i in uf.parent]
        for other in present[1:]:
            uf.union(present[0], other, apart, forced=True)
        if target in uf.parent:
            uf.prefer[uf.find(target)] = target


def _canonical(members: list[str], by_id: dict[str, EntityRow], titles: set[str]) -> str:
    def rank(i: str) -> tuple[bool, int, int, str]:
        name = by_id[i].name
        return (i in titles, -len(name.split()), len(name), i)

    return min(members, key=rank)


class _UnionFind:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}
        self.prefer: dict[str, str] = {}
        self.titles: set[str] = set()  # ids that are titles of a person: never a group's canonical id

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str, apart: set[frozenset[str]], *, forced: bool = False) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if not forced and apart:
            ga, gb = self.members(a), self.members(b)
            if any(frozenset((x, y)) in apart for x in ga for y in gb):
                return
        first, second = sorted((ra, rb))
        self.parent[second] = first
        if second in self.prefer:
            self.prefer.setdefault(first, self.prefer.pop(second))

    def members(self, x: str) -> list[str]:
        root = self.find(x)
        return [i for i in self.parent if self.find(i) == root]
