"""Near-duplicate articles: MinHash signatures of word shingles, grouped through an LSH index.

A syndicated copy of an agency story differs from the original by the outlet's own header, footer or
headline and by light edits; its normalised body still shares most of its word 5-grams with the
original, so the Jaccard similarity of the two shingle sets stays high while two different articles
on one story share few 5-grams.  `signature` is what the store keeps per document; `DedupIndex`
groups documents whose estimated Jaccard similarity reaches the threshold.  Groups are the connected
components of the "near-duplicate" relation, so they do not depend on the order or batching of
`add` calls.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dossier.record import normalize_body

NUM_PERM = 128
SEED = 20250516
SCHEME = "affine32"  # 32-bit hash values: a signature is NUM_PERM * 4 bytes
SHINGLE = 5
_WORD = re.compile(r"\w+")
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def shingles(body: str, size: int = SHINGLE) -> set[bytes]:
    """Word `size`-grams of the normalised body; a body shorter than that is one shingle."""
    words = _WORD.findall(normalize_body(body))
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(body: str) -> bytes:
    """The MinHash signature of a body, as bytes to persist (little-endian uint32, NUM_PERM values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(sorted(shingles(body)))
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def _lean(sig: bytes) -> LeanMinHash:
    values = np.frombuffer(sig, dtype="<u4")
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, this one {len(values)}")
    return LeanMinHash(seed=SEED, hashvalues=values.astype(np.uint64), scheme=SCHEME)


class DedupIndex:
    """Incremental near-duplicate grouping; every document's group is known as soon as it is added."""

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        # The LSH only proposes candidates; a lower banding threshold misses fewer true pairs near
        # `threshold`, and each candidate is then checked against `threshold` itself.
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.2), num_perm=NUM_PERM)
        self._hashes: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._order

    def add(self, doc_id: str, sig: bytes) -> str | None:
        """Add a document; return the representative (earliest added member) of its group, else None."""
        if doc_id in self._order:
            rep = self._find(doc_id)
            return rep if self._size[rep] > 1 else None
        self._order[doc_id] = len(self._order)
        self._parent[doc_id] = doc_id
        self._size[doc_id] = 1
        values = np.frombuffer(sig, dtype="<u4")
        if np.array_equal(values, _EMPTY):
            return None  # an empty body is nobody's copy
        minhash = _lean(sig)
        for other in self._lsh.query(minhash):
            if self._hashes[other].jaccard(minhash) >= self.threshold:
                self._union(other, doc_id)
        self._hashes[doc_id] = minhash
        self._lsh.insert(doc_id, minhash)
        rep = self._find(doc_id)
        return rep if rep != doc_id else None

    def groups(self) -> list[list[str]]:
        """Groups of two or more near-duplicates, each sorted by id, ordered by their first id."""
        members: dict[str, list[str]] = {}
        for doc_id in self._order:
            members.setdefault(self._find(doc_id), []).append(doc_id)
        return sorted((sorted(group) for group in members.values() if len(group) > 1), key=lambda g: g[0])

    def representative(self, doc_id: str) -> str:
        return self._find(doc_id)

    def _find(self, doc_id: str) -> str:
        root = doc_id
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[doc_id] != root:  # path compression
            self._parent[doc_id], doc_id = root, self._parent[doc_id]
        return root

    def _union(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        first, second = sorted((root_a, root_b), key=self._order.__getitem__)
        self._parent[second] = first
        self._size[first] += self._size.pop(second)
