"""Actor and recipient mentions of an event trigger, read off the dependency parse.

Actor: the clause subject; the passive agent ("shelled by Russian forces"); the subject inherited by a
complement or conjoined verb; the noun a relative clause hangs on; for an event noun its possessor or
demonym modifier ("Russia's strikes", "Russian airstrikes").  Recipient: the object, the object of
"against"/"on"/"with"/"to" as the event type wants, the owner of an abstract object ("rejected Ukraine's calls"),
the subject of a demanded clause ("demanded that Ukraine withdraw").  Compound mentions become lists.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.extract.parties import actor_table

_LEFT_DEPS = {"compound", "amod", "poss", "nmod", "flat", "nummod", "quantmod", "npadvmod", "case", "punct"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
_PRONOUNS_GROUP = {"it", "its", "they", "them", "their", "we", "us", "our"}
_GIVE_VERBS = {"give", "send", "provide", "offer", "donate", "deliver", "supply", "grant", "pledge", "promise", "sell",
               "transfer", "return", "hand", "extend", "allocate", "lend", "loan", "dispatch", "release", "airlift",
               "ship", "contribute"}
_RECIPIENT_PREPS = {
    "ASSAULT": ("on", "against", "at", "upon", "targeting", "toward", "towards", "into"),
    "CONSULT": ("with", "to"),
    "COOPERATE": ("with",),
    "AGREE": ("with", "to"),
    "AID": ("to", "for", "into"),
    "REQUEST": ("on", "upon", "to", "from", "of"),
    "REJECT": ("from", "by", "of"),
    "ACCUSE": ("against", "on", "into", "of"),
    "THREATEN": ("against", "on", "with"),
    "SANCTION": ("on", "against", "from", "upon"),
    "COERCE": ("on", "against"),
    "RETREAT": ("to", "from"),
    "CONCEDE": ("to",),
    "SUPPORT": ("for", "to", "behind", "of"),
    "PROTEST": ("against", "outside", "over"),
    "MOBILIZE": ("to", "against", "near"),
}
_OWNER_PREPS = ("from", "by", "of")
_GROUP_HEADS = {"delegation", "official", "representative", "envoy", "negotiator", "diplomat", "troop", "force",
                "soldier", "lawmaker", "minister", "leader", "team", "delegate", "observer", "monitor", "expert"}
_NOT_PARTIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_PARTITIVE_HEADS = {"one", "some", "all", "many", "most", "several", "two", "three", "four", "none", "each", "both",
                    "members", "member", "dozens", "hundreds", "thousands", "group", "team", "head", "leader"}
_PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_DESCEND_DEPS = {"poss", "prep", "pobj", "compound", "amod", "appos", "conj", "agent"}
_WEAPON_WORDS = {"drone", "missile", "rocket", "bomb", "shell", "artillery", "kab", "shahed", "mortar", "grenade",
                 "strike", "attack", "fire", "barrage", "explosion", "blast", "munition", "warhead"}


def mention_span(head: Token) -> Span:
    """The noun phrase of a mention without articles, relative clauses or appositions."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS and child.left_edge.i < left:
            left = child.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("flat", "compound") or (child.dep_ == "prep" and child.lower_ == "of" and (
                _proper_of(child) or head.lower_ in _PARTITIVE_HEADS)) or (
                child.dep_ == "prep" and child.lower_ == "from" and head.lemma_.lower() in _GROUP_HEADS
                and _proper_of(child)):
            right = max(right, child.right_edge.i)
    doc = head.doc
    while left < head.i and (doc[left].dep_ in ("det", "punct", "case") or doc[left].lower_ in ("the", "a", "an")):
        left += 1
    return doc[left:right + 1]


def _proper_of(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)


def conjuncts(head: Token) -> list[Token]:
    return [head, *[c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON") and c.i > head.i]]


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The agent of a verb: its subject, passive agent, or the subject it inherits."""
    if depth > 4:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return _relative_antecedent(verb.head)
            return child
    agent = passive_agent(verb)
    if agent is not None:
        return agent
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp":
            head = head.head
        return subject_of(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return verb.head
    return None


def _relative_antecedent(head: Token) -> Token:
    """'airstrikes on Kyiv, which killed ...': a place that ends a noun's phrase is rarely what the relative
    clause is about; the noun the place hangs on is."""
    if head.ent_type_ in ("GPE", "LOC", "FAC") and head.dep_ == "pobj" and head.head.head.pos_ == "NOUN":
        return head.head.head
    return head


def passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def patient_of(verb: Token) -> Token | None:
    """The direct object, or the passive subject."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return None


def recipient_of(event: str, verb: Token, noun: Token | None, content_nouns: frozenset[str]) -> Token | None:
    """The recipient mention's head for an event of type `event`, triggered by verb and/or noun: the first
    candidate that is a party, or that stands for one ('Ukraine's calls' -> Ukraine)."""
    for candidate in _recipient_candidates(event, verb, noun):
        found = party_or_owner(candidate, content_nouns)
        if found is not None:
            return found
    return None


def _recipient_candidates(event: str, verb: Token, noun: Token | None) -> list[Token]:
    preps = _RECIPIENT_PREPS.get(event, ("against",))
    found: list[Token | None] = []
    if noun is not None:
        found += [_prep_object(noun, preps), _of_patient(noun, event)]
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        if verb.lemma_.lower() in _GIVE_VERBS or event == "AID":
            found.append(next((c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"), None))
            found.append(_prep_object(verb, ("to", "for")))
        if event == "REQUEST":
            found.append(_demanded_subject(verb))
        patient = patient_of(verb)
        if patient is not None and (noun is None or patient.i != noun.i) and patient.lower_ not in _RELATIVE \
                and not (event == "ASSAULT" and _casualties(patient)):
            found.append(patient)
        found.append(_prep_object(verb, preps))
    return [t for t in found if t is not None]


_GENERIC_PEOPLE = {"people", "person", "civilian", "resident", "passenger", "child", "man", "woman", "soldier",
                   "troop", "policeman", "member", "worker", "other"}


def _casualties(token: Token) -> bool:
    """'killed 48 people': a count of victims says who suffered, not whom the attack was aimed at."""
    counted = any(c.dep_ == "nummod" or c.like_num for c in token.children) or token.like_num
    return counted and token.lemma_.lower() in _GENERIC_PEOPLE


def is_party(token: Token) -> bool:
    """A name, a personal pronoun, or a noun for people, a group or an institution."""
    if token.pos_ == "PRON":
        return token.lower_ in _PRONOUNS_PERSON | _PRONOUNS_GROUP
    if token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.ent_type_ in _NOT_PARTIES or token.like_num:
        return False
    lemma = token.lemma_.lower()
    if lemma in _WEAPON_WORDS:
        return False
    if token.ent_type_ in _PARTY_ENTS or token.pos_ == "PROPN":
        return True
    return lemma in actor_table().party_nouns or token.lower_ in actor_table().party_nouns


def party_or_owner(token: Token, content_nouns: frozenset[str] = frozenset()) -> Token | None:
    """The token if it names a party, else the party it belongs to ('Russia's bridge', 'Russian airfields',
    'the idea of Ukraine'), searched a few steps into its own phrase; None if the phrase names no party."""
    if is_party(token) and token.lemma_.lower() not in content_nouns:
        return token
    frontier = [token]
    for _ in range(3):
        children = [c for t in frontier for c in t.children if c.dep_ in _DESCEND_DEPS]
        for child in children:
            if child.dep_ in ("poss", "compound", "amod", "pobj", "appos", "conj") and _owner_like(child):
                return child
        frontier = children
    return None


def _owner_like(token: Token) -> bool:
    if token.dep_ == "amod":
        return token.ent_type_ in ("NORP", "GPE", "ORG")
    return is_party(token) and token.lower_ not in _RELATIVE


def _prep_object(head: Token, preps: tuple[str, ...]) -> Token | None:
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            pobj = next((g for g in child.children if g.dep_ == "pobj" and g.ent_type_ not in _NOT_PARTIES), None)
            if pobj is not None:
                return pobj
        if child.dep_ == "prt" and child.lower_ in preps:
            pobj = next((g for g in head.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _of_patient(noun: Token, event: str) -> Token | None:
    """'the bombing of Russia's bridge', 'the release of prisoners': the patient of an event noun."""
    if event in ("CONSULT", "AGREE", "REQUEST", "REJECT", "COOPERATE", "AID"):
        return None
    return _prep_object(noun, ("of",))


def _demanded_subject(verb: Token) -> Token | None:
    """'demanded that Ukraine withdraw' -> Ukraine; 'urged Kyiv to' is the plain object."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def noun_actor(noun: Token) -> Token | None:
    """The agent of an event noun: 'Russia's strikes', 'Russian airstrikes', 'strikes by Russia'."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            return child
    agent = _prep_object(noun, ("by",))
    if agent is not None and agent.lemma_.lower() not in _WEAPON_WORDS:
        return agent
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return child
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    return None


def is_weapon(token: Token) -> bool:
    return token.lemma_.lower() in _WEAPON_WORDS


def resolve_pronoun(token: Token, entities: Any = None) -> Span | None:
    """The latest fitting named mention before a pronoun."""
    lower = token.lower_
    if lower in _PRONOUNS_PERSON:
        types = ("PERSON",)
    elif lower in _PRONOUNS_GROUP:
        types = ("GPE", "ORG", "NORP")
    else:
        return None
    if entities is not None and hasattr(entities, "before"):
        found = entities.before(token.idx, types)
        if found is not None:
            return _entity_span(token.doc, found)
    candidates = [e for e in token.doc.ents if e.label_ in types and e.end <= token.i]
    return candidates[-1] if candidates else None


def _entity_span(doc: Doc, entity: Any) -> Span | None:
    mention = getattr(entity, "mention", None) or getattr(entity, "span", None)
    if isinstance(mention, Span):
        return mention
    start, end = getattr(entity, "start", None), getattr(entity, "end", None)
    if isinstance(start, int) and isinstance(end, int):
        return doc.char_span(start, end, alignment_mode="expand")
    return None


_FOREIGN_CLAUSES = {"nsubj", "csubj", "agent", "advcl", "relcl", "parataxis", "punct", "mark", "cc", "npadvmod",
                    "nsubjpass"}


def clause_party(anchor: Token, noun: Token | None, skip: set[int]) -> Token | None:
    """A party named inside the event's own phrase ('agreed to send troops to help the Philippine army'), for an
    event whose argument slots hold none; names come before common nouns, nearer before farther."""
    region: list[Token] = []
    for head in {anchor, noun} - {None}:
        assert head is not None
        for child in head.children:
            if child.dep_ not in _FOREIGN_CLAUSES:
                region.extend(child.subtree)
    ranked = []
    for token in region:
        if token.i in skip or token.i in (anchor.i, noun.i if noun is not None else -1):
            continue
        if token.dep_ in ("compound", "flat") or not (token.ent_type_ in _PARTY_ENTS or token.pos_ == "PROPN"):
            continue
        party = party_or_owner(token)
        if party is not None:
            ranked.append((abs(token.i - anchor.i), party))
    ranked.sort(key=lambda pair: pair[0])
    return ranked[0][1] if ranked else None
