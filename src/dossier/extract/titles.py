"""Titles of office: the lexicon in data/titles.yaml, role keys, and title phrases found around names.

A role key is a title reduced to what identifies the office once the country is known:
"Russia's Foreign Minister" -> ("foreign minister", "RUS"); "the Kremlin spokesman" -> ("kremlin spokesperson",
"RUS").  Names of states and nationalities become the country; names of institutions stay in the key and
lend it their country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from dossier.nlp.ruler import Gazetteer

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that"})
CONNECTORS = frozenset({"and", "&"})
# Offices at the head of a state or government: what "the Russian leader" may mean.
STATE_KINDS = frozenset({"country", "capital", "norp"})
LEADER_ROLES = ("leader", "supreme leader", "president", "prime minister", "chancellor", "emir", "king", "premier")


@dataclass(frozen=True, eq=False)  # hashed by identity: caches are keyed on it
class Lexicon:
    heads: dict[str, str]  # head word -> sector
    modifiers: frozenset[str]
    sector_words: dict[str, str]
    synonyms: tuple[tuple[re.Pattern[str], str], ...]
    unresolvable: frozenset[str]
    ministries: dict[str, tuple[str, str]]  # "defence" -> ("Ministry of Defence", "MIL")

    def is_head(self, token: Token) -> bool:
        return token.lower_ in self.heads

    def is_title_word(self, token: Token) -> bool:
        return token.lower_ in self.heads or token.lower_ in self.modifiers

    def sector(self, words: list[str]) -> str | None:
        for word in words:
            if word in self.sector_words:
                return self.sector_words[word]
        for word in reversed(words):
            if word in self.heads:
                return self.heads[word]
        return None

    def normalise(self, text: str) -> str:
        text = " " + re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip() + " "
        for pattern, replacement in self.synonyms:
            text = pattern.sub(f" {replacement} ", text)
        return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("dossier.data").joinpath("titles.yaml").read_text(encoding="utf-8"))
    synonyms = tuple(
        (re.compile(rf" {re.escape(src)} "), dst)
        for src, dst in sorted(data["synonyms"].items(), key=lambda kv: -len(kv[0]))
    )
    return Lexicon(
        heads={str(k): str(v) for k, v in data["heads"].items()},
        modifiers=frozenset(str(m) for m in data["modifiers"]),
        sector_words={str(k): str(v) for k, v in data["sector_words"].items()},
        synonyms=synonyms,
        unresolvable=frozenset(data["unresolvable"]),
        ministries={str(k): (str(v[0]), str(v[1])) for k, v in data["ministries"].items()},
    )


@dataclass
class Title:
    """A title phrase in the text: its span (determiner excluded), role key, country and sector."""

    span: Span
    key: str
    country: str | None
    sector: str | None

    @property
    def text(self) -> str:
        return self.span.text


def describe(span: Span, gaz: Gazetteer, lex: Lexicon) -> Title | None:
    """Role key, country and sector of a title phrase; None when it has no head word."""
    country = None
    kept: list[str] = []
    for token in span:
        entry = gaz.entry(token.ent_kb_id_) if token.ent_kb_id_ else None
        if entry is not None and entry.kind in STATE_KINDS:
            country = country or entry.country
            continue
        if entry is None and token.text in gaz.demonyms:
            country = country or gaz.demonyms[token.text] or None
            continue
        if token.text in POSSESSIVE or token.lower_ in DETERMINERS:
            continue
        if entry is not None and entry.label == "ORG":
            country = country or entry.country
        kept.append(token.text)
    words = [w.lower() for w in kept]
    if not any(w in lex.heads for w in words):
        return None
    key = lex.normalise(" ".join(kept))
    return Title(span=span, key=key, country=country, sector=lex.sector(words))


def title_before(doc: Doc, start: int, gaz: Gazetteer, lex: Lexicon) -> Span | None:
    """The title run right before token `start`: "Kremlin adviser and chief peace negotiator" (Medinsky)."""
    i = start - 1
    first = start
    seen_head = False
    while i >= 0:
        token = doc[i]
        if token.is_sent_end:
            break
        joins = token.lower_ in CONNECTORS and i + 1 < start and first == i + 1
        # a plain lower-case word may qualify a head already seen: "former culture minister"
        qualifies = seen_head and token.is_lower and token.is_alpha and token.pos_ in ("NOUN", "ADJ")
        if _title_token(token, gaz, lex) or joins or qualifies:
            seen_head = (seen_head or lex.is_head(token)) and not joins  # each joined title needs its own head
            first = i
            i -= 1
            continue
        break
    while first < start and (doc[first].lower_ in CONNECTORS | DETERMINERS or doc[first].text in POSSESSIVE):
        first += 1
    if first == start:
        return None
    span = doc[first:start]
    span = after_possessor(span)
    if not any(lex.is_head(t) for t in span):
        return None
    return span


def _title_token(token: Token, gaz: Gazetteer, lex: Lexicon) -> bool:
    if token.text in POSSESSIVE:
        return True
    if token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_:
        return True  # "Secretary-General"
    if token.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        return True
    if token.lower_ in {"of", "the", "for", "on", "to", "in"}:
        return False
    if lex.is_title_word(token):
        return token.is_title or token.is_lower or token.is_upper
    return token.text in gaz.demonyms


title_run = title_before  # the run ending at (before) a token index: for title-only references, index + 1


def after_possessor(span: Span) -> Span:
    """Drop a person who owns the title: "U.S. President Donald Trump's special envoy" -> "special envoy"."""
    doc = span.doc
    cut = span.start
    for token in span:
        if token.text in POSSESSIVE and token.i > span.start and doc[token.i - 1].ent_type_ == "PERSON":
            cut = token.i + 1
    return doc[cut:span.end]


def trim_determiners(span: Span) -> Span:
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].lower_ in DETERMINERS:
        start += 1
    end = span.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]
