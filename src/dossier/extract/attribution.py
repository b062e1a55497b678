"""Who is speaking: the subject of a cue, its mention span, and the canonical name behind it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from dossier.extract.reporting import Lexicon

SPEAKER_ENTS = ("PERSON", "ORG", "GPE", "NORP")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we", "you"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERITING_DEPS = ("conj", "xcomp", "advcl", "pcomp")  # clauses that share their head's subject
MENTION_EXCLUDED_DEPS = ("appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "prep")
MENTION_PREPS = ("of", "for", "at", "from", "with")
MAX_SUBJECT_HOPS = 4


class EntityLike(Protocol):
    id: str
    name: str
    type: str


class EntityIndexLike(Protocol):
    def at(self, start: int, end: int) -> Any: ...

    def before(self, pos: int, types: tuple[str, ...] = ("PERSON",)) -> Any: ...


@dataclass
class Speaker:
    head: Token
    start: int
    end: int
    text: str
    name: str | None = None
    entity_id: str | None = None
    kind: str = "person"  # person | group | thing: what a later pronoun may refer back to

    def as_dict(self) -> dict[str, Any]:
        return {"entity_id": self.entity_id, "name": self.name or self.text,
                "mention": {"start": self.start, "end": self.end, "text": self.text}}


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a cue verb and whether it was inherited from a governing clause ("..., saying")."""
    current = verb
    for hops in range(MAX_SUBJECT_HOPS):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and (hops or child.dep_ != "nsubjpass"):
                return child, hops > 0
        if current.i == verb.i and _is_passive(verb):
            return _agent(verb), False
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head, True
        if current.dep_ not in INHERITING_DEPS or current.head.i == current.i:
            return None, False
        current = current.head
    return None, False


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def is_speaker_like(token: Token, lex: Lexicon, *, broad: bool, any_noun: bool = False) -> bool:
    """People, organisations, places acting as governments, pronouns and role nouns; not "experience"."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if any_noun and token.pos_ == "NOUN":
        return True
    if lower in lex.pronouns:
        return lower not in RELATIVE_PRONOUNS or _antecedent_noun(token) is not None
    if token.ent_type_ in SPEAKER_ENTS or token.pos_ == "PROPN":
        return True
    if lemma in lex.nouns or lower in lex.nouns:
        return True
    return broad and (lemma in lex.evidence_nouns or lower in lex.evidence_nouns)


def _antecedent_noun(relative: Token) -> Token | None:
    clause = relative.head
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return clause.head
    return None


def mention_tokens(head: Token) -> list[Token]:
    """The speaker's noun phrase without appositions, relative clauses or trailing punctuation."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ not in MENTION_EXCLUDED_DEPS:
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod") or _is_naming_prep(child):
            tokens.extend(child.subtree)
        elif child.dep_ in MENTION_EXCLUDED_DEPS:
            break
    tokens = sorted(set(tokens), key=lambda t: t.i)
    return _contiguous_around(tokens, head)


def _is_naming_prep(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ in MENTION_PREPS and not any(t.is_punct for t in child.subtree)


def _contiguous_around(tokens: list[Token], head: Token) -> list[Token]:
    indices = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in indices and not head.doc[start - 1].is_punct:
        start -= 1
    while end + 1 in indices and not head.doc[end + 1].is_punct:
        end += 1
    return [head.doc[i] for i in range(start, end + 1)]


def make_speaker(head: Token, text: str) -> Speaker:
    tokens = mention_tokens(head)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Speaker(head=head, start=start, end=end, text=text[start:end], kind=_speaker_kind(head))


def _speaker_kind(head: Token) -> str:
    lower = head.lower_
    if lower in PERSON_PRONOUNS or head.ent_type_ == "PERSON":
        return "person"
    if lower in PLURAL_PRONOUNS or head.tag_ in ("NNS", "NNPS") or head.ent_type_ == "NORP":
        return "group"
    if lower in THING_PRONOUNS or head.ent_type_ in ("ORG", "GPE"):
        return "thing"
    return "person" if head.pos_ in ("PROPN", "NOUN") and head.tag_ in ("NNP", "NN") else "group"


class SpeakerNamer:
    """Canonical names: entity index first, then the text's own entities, appositions and antecedents."""

    def __init__(self, doc: Doc, entities: EntityIndexLike | None, sentences: list[Span]) -> None:
        self.doc = doc
        self.text = doc.text
        self.sentence_starts = [s.start_char for s in sentences]
        self.entities = entities
        self.ents = list(doc.ents)
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.people = [ent for ent in self.ents if ent.label_ == "PERSON" and len(ent) > 1]
        self.recent: list[Speaker] = []  # named speakers in text order, for pronouns

    def name(self, speaker: Speaker) -> None:
        head = speaker.head
        if head.lower_ in RELATIVE_PRONOUNS:
            antecedent = _antecedent_noun(head)
            if antecedent is not None:
                self._copy(speaker, self._named(make_speaker(antecedent, self.text)))
                return
        if head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            self._resolve_pronoun(speaker)
            return
        self._named(speaker)
        self.recent.append(speaker)

    def remember(self, speaker: Speaker) -> None:
        if speaker.head.pos_ != "PRON":
            self.recent.append(speaker)

    def _named(self, speaker: Speaker) -> Speaker:
        entity = self._entity_at(speaker.start, speaker.end)
        if entity is not None:
            speaker.name, speaker.entity_id = entity.name, entity.id
            speaker.kind = _kind_of_type(getattr(entity, "type", ""), speaker.kind)
            return speaker
        speaker.name = self._name_from_text(speaker)
        return speaker

    def _entity_at(self, start: int, end: int) -> Any:
        if self.entities is None:
            return None
        try:
            return self.entities.at(start, end)
        except (AttributeError, TypeError, ValueError):
            return None

    def _name_from_text(self, speaker: Speaker) -> str:
        head = speaker.head
        ent = self.ent_at.get(head.i)
        if ent is None or ent.label_ not in ("PERSON",):
            appositive = self._appositive_person(head)
            if appositive is not None:
                return self._full_person_name(appositive)
        if ent is not None and ent.label_ in SPEAKER_ENTS:
            return self._full_person_name(ent) if ent.label_ == "PERSON" else _strip_possessive(ent.text)
        return speaker.text

    def _full_person_name(self, ent: Span) -> str:
        """'Peskov' -> 'Dmitry Peskov' when the article names him in full somewhere."""
        text = _strip_possessive(ent.text)
        if len(text.split()) > 1:
            return text
        surname = text.lower()
        for person in self.people:
            full = _strip_possessive(person.text)
            if full.split()[-1].lower() == surname:
                return full
        return text

    def _resolve_pronoun(self, speaker: Speaker) -> None:
        lower = speaker.head.lower_
        wanted = "person" if lower in PERSON_PRONOUNS else "thing" if lower in THING_PRONOUNS else "group"
        if lower in ("i", "we", "you"):
            speaker.name = speaker.text
            return
        antecedent = self._recent_speaker(speaker.start, wanted)
        if antecedent is not None:
            self._copy(speaker, antecedent)
            return
        types = ("PERSON",) if wanted == "person" else ("ORG", "GPE", "NORP")
        entity = self._entity_before(speaker.start, types)
        if entity is not None:
            speaker.name, speaker.entity_id = entity.name, entity.id
            return
        ent = next((e for e in reversed(self.ents) if e.end_char <= speaker.start and e.label_ in types), None)
        speaker.name = self._full_person_name(ent) if ent is not None else speaker.text

    def _recent_speaker(self, pos: int, wanted: str) -> Speaker | None:
        # Only speakers from the last few sentences: "he" rarely reaches further back.
        window_start = self._sentence_start_before(pos, sentences=3)
        for candidate in reversed(self.recent):
            if candidate.start >= pos or candidate.start < window_start:
                continue
            if candidate.kind == wanted or (wanted == "group" and candidate.kind == "thing"):
                return candidate
        return None

    def _sentence_start_before(self, pos: int, sentences: int) -> int:
        index = bisect_right(self.sentence_starts, pos)
        return self.sentence_starts[index - sentences] if index >= sentences else 0

    def _entity_before(self, pos: int, types: tuple[str, ...]) -> Any:
        if self.entities is None:
            return None
        try:
            return self.entities.before(pos, types=types)
        except (AttributeError, TypeError, ValueError):
            return None

    def _appositive_person(self, head: Token) -> Span | None:
        for child in head.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                return self.ent_at.get(child.i)
        if head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
            return self.ent_at.get(head.head.i)
        return None

    @staticmethod
    def _copy(target: Speaker, source: Speaker) -> None:
        target.name, target.entity_id, target.kind = source.name or source.text, source.entity_id, source.kind


def _kind_of_type(entity_type: str, default: str) -> str:
    return {"PERSON": "person", "ORG": "thing", "GPE": "thing", "NORP": "group"}.get(entity_type, default)


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
