"""Story clustering: which story each document of a mixed store belongs to.

Reports of one story share its specific vocabulary, the names of the people, organisations and places
involved, and the dates; two stories of the same kind (two earthquakes, two office shootings) share
the generic vocabulary but differ in names, places and dates.  Each document becomes a TF-IDF vector
over its content words, its entity names and the years and months of its explicit dates.

Raw cosine similarity depends on length: a one-sentence report is far from every other document,
while long reports of two stories of one kind share much generic vocabulary.  So each similarity is
scaled by the two documents' own neighbourhoods (local scaling, as in self-tuning spectral
clustering): s(i, j) / sqrt(r_i * r_j), where r_i is i's mean similarity to its NEIGHBOURS nearest
documents, at least FLOOR.  Average-linkage agglomerative clustering on 1 - scaled similarity, cut at
DISTANCE, gives the stories: two groups merge when their members are on average at least 55% as
similar as each member is to its own close neighbours.

Cost: vectors are sparse and pairs are compared block-wise (O(n^2) products, O(block * n) memory).
Average linkage never merges two groups unless some pair across them is closer than the cut, so the
connected components of that pair graph are clustered separately with the same result; only the
largest component's dense distance matrix is held at once.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from spacy.lang.en.stop_words import STOP_WORDS

DISTANCE = 0.45  # the cut, on 1 - scaled cosine similarity, averaged over the members of two groups
NEIGHBOURS = 5  # a document's scale is its mean similarity to this many nearest documents ...
FLOOR = 0.2  # ... but at least this, so that a lone document is not scaled up to match anything
NAME_WEIGHT = 1.0  # idf multipliers of name terms and date terms against content words
DATE_WEIGHT = 1.0
METHOD = "average"
_BLOCK = 512

_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_YEAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    r"(1[89]\d\d|20\d\d)\b"
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?")


@dataclass
class StoryDoc:
    id: str
    title: str | None
    body: str
    published: str | None
    names: list[str] = field(default_factory=list)  # entity names found in the document (may be empty)


@dataclass
class Settings:
    distance: float = DISTANCE
    neighbours: int = NEIGHBOURS
    floor: float = FLOOR
    method: str = METHOD
    name_weight: float = NAME_WEIGHT
    date_weight: float = DATE_WEIGHT


def assign_stories(docs: list[StoryDoc], settings: Settings | None = None) -> dict[str, str]:
    """Map each document id to a story id, "story-" + a short hash of the story's smallest member id."""
    settings = settings or Settings()
    if not docs:
        return {}
    docs = sorted(docs, key=lambda d: d.id)  # the same stories whatever order the documents come in
    labels = cluster_labels(vectors(docs, settings), settings)
    members: dict[int, list[str]] = {}
    for doc, label in zip(docs, labels, strict=True):
        members.setdefault(int(label), []).append(doc.id)
    return {doc_id: story_id(min(ids)) for ids in members.values() for doc_id in ids}


def story_id(first_member: str) -> str:
    return "story-" + hashlib.sha256(first_member.encode("utf-8")).hexdigest()[:10]


# -- features ----------------------------------------------------------------------------------
def features(doc: StoryDoc) -> Counter[str]:
    """Term counts of one document: content words, names ("n:" terms), dates ("y:" and "m:" terms)."""
    text = f"{doc.title or ''}\n{doc.body}"
    counts: Counter[str] = Counter(content_words(text))
    counts.update(term for name in doc.names for term in name_terms(name))
    counts.update(date_terms(text, doc.published))
    return counts


def term_weight(term: str, settings: Settings) -> float:
    if term.startswith("n:"):
        return settings.name_weight
    if term.startswith(("y:", "m:")):
        return settings.date_weight
    return 1.0


def content_words(text: str) -> Iterable[str]:
    for word in _WORD.findall(text.lower()):
        word = word.removesuffix("'s").removesuffix("’s")
        if len(word) > 2 and word not in STOP_WORDS:
            yield stem(word)


def stem(word: str) -> str:
    """A light plural fold, enough to make "pirate" and "pirates" one term."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def name_terms(name: str) -> list[str]:
    """The whole name and each of its words, so "Jackson" matches "Vincent Jackson"."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(name.lower())]
    words = [w for w in words if w not in STOP_WORDS]
    if not words:
        return []
    terms = [f"n:{w}" for w in words if len(w) > 1]
    if len(words) > 1:
        terms.append("n:" + " ".join(words))
    return terms


def date_terms(text: str, published: str | None) -> list[str]:
    """Years and year-months of explicit dates in the text and of the publication date."""
    terms = [f"y:{m.group(1)}" for m in _YEAR.finditer(text)]
    for m in _MONTH_YEAR.finditer(text.lower()):
        month = _MONTHS.index(m.group(1)[:3]) + 1
        terms.append(f"m:{m.group(2)}-{month:02d}")
    if published and (iso := _ISO.match(published)):
        terms.append(f"y:{iso.group(1)}")
        if iso.group(2):
            terms.append(f"m:{iso.group(1)}-{iso.group(2)}")
    return terms


def vectors(docs: list[StoryDoc], settings: Settings) -> csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf); terms seen in one document only are dropped."""
    counts = [features(doc) for doc in docs]
    df = Counter(term for c in counts for term in c)
    vocab = {term: i for i, term in enumerate(sorted(t for t, n in df.items() if n > 1))}
    n = len(docs)
    idf = {term: (math.log((1 + n) / (1 + df[term])) + 1) * term_weight(term, settings) for term in vocab}
    rows, cols, vals = [], [], []
    for row, c in enumerate(counts):
        for term, tf in c.items():
            if term in vocab:
                rows.append(row)
                cols.append(vocab[term])
                vals.append((1 + math.log(tf)) * idf[term])
    matrix = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1 / norms[:, None]))


# -- clustering --------------------------------------------------------------------------------
def cluster_labels(matrix: csr_matrix, settings: Settings) -> np.ndarray:
    """One label per row: components of the "closer than the cut" graph, each cut by linkage."""
    n = matrix.shape[0]
    scale = neighbour_scale(matrix, settings)
    graph = close_pairs(matrix, scale, 1.0 - settings.distance)
    n_comp, comp = connected_components(graph, directed=False)
    labels = np.empty(n, dtype=np.int64)
    next_label = 0
    for c in range(n_comp):
        idx = np.flatnonzero(comp == c)
        sub = _linkage_labels(matrix[idx], scale[idx], settings) if len(idx) > 1 else np.zeros(1, dtype=np.int64)
        labels[idx] = sub + next_label
        next_label += int(sub.max()) + 1
    return labels


def _blocks(matrix: csr_matrix) -> Iterable[tuple[int, np.ndarray]]:
    """Cosine similarities of each block of rows against all rows, as dense arrays."""
    t = matrix.T.tocsc()
    for start in range(0, matrix.shape[0], _BLOCK):
        yield start, (matrix[start : start + _BLOCK] @ t).toarray()


def neighbour_scale(matrix: csr_matrix, settings: Settings) -> np.ndarray:
    """Per row, the mean similarity to its `neighbours` nearest other rows, at least `floor`."""
    n = matrix.shape[0]
    k = min(settings.neighbours, n - 1)
    scale = np.full(n, settings.floor)
    if k < 1:
        return scale
    for start, sims in _blocks(matrix):
        rows = np.arange(len(sims))
        sims[rows, rows + start] = -1.0  # not its own neighbour
        top = np.partition(sims, n - k, axis=1)[:, n - k :]
        scale[start : start + len(sims)] = np.maximum(top.mean(axis=1), settings.floor)
    return scale


def close_pairs(matrix: csr_matrix, scale: np.ndarray, min_similarity: float) -> csr_matrix:
    """The sparse graph of row pairs whose scaled similarity exceeds `min_similarity`."""
    n = matrix.shape[0]
    parts = []
    for start, sims in _blocks(matrix):
        scaled = sims / np.sqrt(np.outer(scale[start : start + len(sims)], scale))
        rows, cols = np.nonzero(scaled > min_similarity)
        parts.append((rows + start, cols))
    rows = np.concatenate([p[0] for p in parts])
    cols = np.concatenate([p[1] for p in parts])
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


def _linkage_labels(sub: csr_matrix, scale: np.ndarray, settings: Settings) -> np.ndarray:
    sims = (sub @ sub.T).toarray() / np.sqrt(np.outer(scale, scale))
    dist = 1.0 - np.clip(sims[np.triu_indices(sub.shape[0], k=1)], 0.0, 1.0)
    tree = linkage(dist, method=settings.method)
    return fcluster(tree, t=settings.distance, criterion="distance").astype(np.int64) - 1
