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
_PATIENT_NOUNS = {"prisoner", "hostage", "captive", "pow", "detainee", "body", "bodie", "remain", "refugee", "civilian"}
_RAISING = {"set", "schedule", "expect", "due", "slate", "poise", "suppose", "plan", "invite", "ask", "urge",
            "allow", "permit", "force", "compel", "require", "authorize", "authorise", "say", "report", "believe",
            "tell", "encourage", "oblige", "mandate", "tip", "likely"}
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
    "THREATEN": ("against", "on", "with", "to"),
    "SANCTION": ("on", "against", "from", "upon"),
    "COERCE": ("on", "against"),
    "RETREAT": ("to", "from", "with"),
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
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not _across_paragraph(c, verb)]
    if subjects:
        # Two subjects are a misparse, mostly of a dateline ("KYIV, May 16 - Officials met"): the nearer wins.
        child = min(subjects, key=lambda c: abs(verb.i - c.i))
        if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return _relative_antecedent(verb.head)
        return child
    agent = passive_agent(verb)
    if agent is not None:
        return agent
    if depth > 0 and verb.lemma_.lower() in _RAISING:  # 'X is set to meet', 'X is expected to visit'
        raised = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:
            return raised
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    accused = accused_of(verb) if verb.dep_ == "pcomp" else _absolute_subject(verb)
    if accused is not None:
        return accused
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp":
            head = head.head
        return subject_of(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return verb.head
    return None


def _across_paragraph(subject: Token, verb: Token) -> bool:
    """A 'subject' with a line break between it and its verb is a headline run into the sentence."""
    lo, hi = sorted((subject.i, verb.i))
    return any(t.is_space and "\n" in t.text for t in subject.doc[lo:hi])


def _absolute_subject(verb: Token) -> Token | None:
    """'ended with Ukraine and Russia agreeing to ...': the noun right before a gerund after 'with' is its subject."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "pcomp", "conj"):
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "without") and prep.i < verb.i:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.right_edge.i == verb.i - 1:
                return pobj
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ in ("with", "without"):
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
    clause = next((c for c in verb.children if c.dep_ == "csubjpass"), None)  # a misparsed passive subject
    return next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None


def recipient_of(event: str, verb: Token, noun: Token | None, content_nouns: frozenset[str]) -> Token | None:
    """The recipient mention's head for an event of type `event`, triggered by verb and/or noun: the first
    candidate that is a party, or that stands for one ('Ukraine's calls' -> Ukraine)."""
    for candidate in _recipient_candidates(event, verb, noun):
        found = party_or_owner(candidate, content_nouns)
        if found is not None and event in _GIVING and _casualties(found):
            return _people_place(found) or found  # 'food aid to 300,000 people in northeast Nigeria'
        if found is not None:
            return found
    return None


_CLAIM_NOUNS = {"claim", "allegation", "report", "accusation", "suspicion", "charge"}


def _alleged_subject(noun: Token) -> Token | None:
    """'an investigation into claims that two servicemen abused children': whoever the claim is about."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("into", "of", "over", "about")):
        for claim in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _CLAIM_NOUNS):
            clause = next((c for c in claim.children if c.dep_ in ("acl", "ccomp")), None)
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
            if subject is not None and subject.pos_ != "PRON":
                return subject
    return None


def _people_place(people: Token) -> Token | None:
    """The place a counted group of people is in, which stands for them as the recipient of help."""
    return next((g for c in people.children if c.dep_ == "prep" and c.lower_ == "in"
                 for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")), None)


def _recipient_candidates(event: str, verb: Token, noun: Token | None) -> list[Token]:
    preps = _RECIPIENT_PREPS.get(event, ("against",))
    found: list[Token | None] = []
    if noun is not None:
        if event == "ACCUSE":
            found.append(_alleged_subject(noun))
        found += [_prep_object(noun, preps), _of_patient(noun, event), _clause_object(noun)]
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        if verb.lemma_.lower() in _PERMIT_VERBS:  # 'would allow the WFP to deliver food to X': the WFP is allowed
            found.append(next((g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                               for g in c.children if g.dep_ == "nsubj"), None))
        if verb.lemma_.lower() in _GIVE_VERBS or event == "AID":
            found.append(next((c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"), None))
            found.append(_prep_object(verb, ("to", "for")) or _given_to(verb))
        if event == "REQUEST":
            found.append(_demanded_subject(verb))
        if event == "CONSULT":  # 'discussed Libya with Trump': the topic is no party
            found.append(_prep_object(verb, ("with",)))
        patient = patient_of(verb)
        if patient is not None and patient.lemma_.lower() in _RESTRICTIONS:
            found.append(_prep_object(patient, ("on", "against", "of", "for", "with", "to")))
        given = patient is not None and given_owner(event, verb, patient) is not None
        if given:  # 'pledged his country's support for X': the owner gives, the 'for' object receives
            found.append(_prep_object(patient, preps))
        if patient is not None and (noun is None or patient.i != noun.i) and patient.lower_ not in _RELATIVE \
                and not (event == "ASSAULT" and _casualties(patient)) and not _own_forces(event, patient) \
                and not given:
            found.append(patient)
        found.append(_prep_object(verb, preps))
        if event in ("MOBILIZE", "THREATEN") or _own_forces(event, patient):
            found.append(_nested_object(verb, ("against",)))
        if event == "COERCE" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ORDER_VERBS:
            found.append(patient_of(verb.head))  # 'ordered the newspaper to suspend publication'
    return [t for t in found if t is not None]


_ORDER_VERBS = {"order", "force", "compel", "oblige", "instruct", "direct", "require"}


_GIVING = {"SUPPORT", "AID", "COOPERATE", "AGREE"}
_GIVING_VERBS = _GIVE_VERBS | {"express", "reaffirm", "reiterate", "voice", "declare", "announce", "confirm", "renew"}


def given_owner(event: str, verb: Token | None, given: Token | None) -> Token | None:
    """'pledged his country's support', 'expressed Egypt's solidarity': the owner of what a party gives or voices
    is the giver, never the recipient (the owner of what it welcomes is: 'welcomed Trump's decision')."""
    if event not in _GIVING or given is None:
        return None
    if verb is not None and given.head.i == verb.i and verb.lemma_.lower() not in _GIVING_VERBS:
        return None
    return next((c for c in given.children if c.dep_ == "poss"), None)
_RESTRICTIONS = {"ban", "blockade", "embargo", "sanction", "restriction", "curfew", "siege", "boycott", "tariff",
                 "moratorium", "freeze", "suspension", "limit", "cap", "veto", "quota"}
_FORCES = {"troop", "force", "forces", "army", "soldier", "men", "man", "police", "military", "brigade", "battalion",
           "unit", "personnel", "contingent", "peacekeeper", "reservist", "division", "fleet", "navy", "platoon"}


def _given_to(verb: Token) -> Token | None:
    """'returned a pendant engraved with X to Russian authorities': a 'to' phrase the parser hung on the object."""
    patient = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if patient is None:
        return None
    preps = [t for t in patient.subtree if t.dep_ == "prep" and t.lower_ == "to"]
    for prep in reversed(preps):
        found = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in _NOT_PARTIES), None)
        if found is not None:
            return found
    return None


_FREEING = {"release", "free", "return", "hand", "exchange", "swap", "repatriate", "trade", "transfer"}


def _own_forces(event: str, patient: Token | None) -> bool:
    """'mobilized troops', 'withdrew its troops from Syria', 'sent 200 troops to Liberia': the forces moved are the
    actor's own, not the recipient."""
    if patient is None or event not in ("MOBILIZE", "RETREAT", "AID", "SANCTION") \
            or patient.head.lemma_.lower() in _FREEING:
        return False
    if _partitive(patient) or patient.lemma_.lower() in ("batch", "contingent", "group"):  # "some of its troops"
        patient = next((g for c in patient.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
                       patient)
    return patient.lemma_.lower() in _FORCES


def _in_condition(token: Token, verb: Token) -> bool:
    """Whether a token below `verb` sits in a condition clause of it ('... if western forces attacked Serbs')."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in token.children):
            return True
        token = token.head
    return False


def _nested_object(verb: Token, preps: tuple[str, ...]) -> Token | None:
    """'mobilized troops for a battle against X': the object of `preps` one phrase further down."""
    for token in verb.subtree:
        if token.dep_ == "prep" and token.lower_ in preps and token.head.i != verb.i and not _in_condition(token, verb):
            found = next((c for c in token.children if c.dep_ == "pobj" and c.ent_type_ not in _NOT_PARTIES), None)
            if found is not None:
                return found
    return None


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
    if token.dep_ == "compound" and not (token.ent_type_ or token.pos_ == "PROPN"):
        return False  # 'a prisoner exchange' is no prisoner's
    return is_party(token) and token.lower_ not in _RELATIVE


def _prep_object(head: Token, preps: tuple[str, ...]) -> Token | None:
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            pobj = next((g for g in child.children if g.dep_ == "pobj" and (
                g.ent_type_ not in _NOT_PARTIES or _partitive(g))), None)
            if pobj is not None:
                return pobj
        if child.dep_ == "prt" and child.lower_ in preps:
            pobj = next((g for g in head.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _partitive(token: Token) -> bool:
    """'hundreds of banks', 'two of the men': a number heading the group it counts."""
    return token.lower_ in _PARTITIVE_HEADS and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _clause_object(noun: Token) -> Token | None:
    """'a lawsuit accusing the cartel', 'a resolution condemning Iran': the object of the verb that spells out an
    event noun."""
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and child.lemma_.lower() in _ADDRESSING:
            found = next((g for g in child.children if g.dep_ == "dobj"), None)
            if found is not None and is_party(found):
                return found
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
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG") \
                and child.lower_.rstrip("s") not in _PATIENT_NOUNS:  # 'Prisoner Swap' in a headline
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
    limit = outside_quote(token)
    candidates = [e for e in token.doc.ents if e.label_ in types and e.end_char <= limit]
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


def clause_party(anchor: Token, noun: Token | None, skip: set[int], no_subjects: bool = False) -> Token | None:
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
        if no_subjects and token.dep_ in ("nsubj", "nsubjpass"):
            continue  # '... were killed when Russia fired': whoever fires inside the phrase is no target
        party = token.head if token.dep_ == "amod" and is_party(token.head) else party_or_owner(token)
        if party is not None:
            ranked.append((abs(token.i - anchor.i), party))
    ranked.sort(key=lambda pair: pair[0])
    return ranked[0][1] if ranked else None


_SIDE_NOUNS = {"side", "country", "party", "nation", "delegation", "state", "government", "army", "belligerent"}


def both_sides(head: Token) -> bool:
    """'both countries', 'the two sides', 'each side': the two parties of a conflict or talks, named earlier."""
    if head.lemma_.lower() not in _SIDE_NOUNS:
        return False
    return any(c.dep_ in ("det", "predet", "nummod", "amod") and c.lower_ in ("both", "two", "each", "either")
               for c in head.children)


def nationality_list(head: Token) -> list[Token]:
    """'Russian, Ukrainian and American officials': the conjoined nationality modifiers of a group noun."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "amod" and child.ent_type_ == "NORP":
            found += [child, *[c for c in child.conjuncts if c.ent_type_ in ("NORP", "GPE") and c.i > child.i]]
    unique = sorted({t.i: t for t in found}.values(), key=lambda t: t.i)
    return unique if len(unique) > 1 else []


_OPEN_QUOTES = ("“", '"', "«")
_CLOSE_QUOTES = ("”", '"', "»")


def outside_quote(token: Token) -> int:
    """Where to look back from for the referent of a pronoun: '“Putin is not ready,” he wrote' -- the speaker of
    a quotation is not someone named inside it, so the search starts before the opening quote."""
    sent = token.sent
    before = [t for t in sent if t.i < token.i]
    if len(before) < 2 or not any(t.text in _CLOSE_QUOTES for t in before[-3:]):
        return token.idx
    opening = next((t for t in before if t.text in _OPEN_QUOTES), None)
    return opening.idx if opening is not None and opening.i < before[-min(3, len(before))].i else token.idx


_ACCUSING = {"accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "denounce", "fault",
             "hold", "convict", "indict", "sentence", "punish", "sanction", "thank", "praise", "credit", "commend"}


def accused_of(token: Token) -> Token | None:
    """'accused Ukraine of carrying out bombings', 'blamed Kyiv for a series of bombings': the party an act is
    pinned on is its agent.  `token` is the act (a verb under 'of'/'for' or a noun inside that phrase)."""
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "prep" and node.lower_ in ("of", "for") and head.lemma_.lower() in _ACCUSING:
            return next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and is_party(c)), None)
        if node.dep_ == "prep" and node.lower_ in ("of", "for") and head.dep_ == "dobj" \
                and head.head.lemma_.lower() in _ACCUSING:  # the parser hung 'of ...' on the accused
            return head if is_party(head) else None
        if node.dep_ not in ("pobj", "pcomp", "prep") and not (node.dep_ == "dobj" and head.dep_ == "pcomp"):
            return None
        node = head
    return None


_MEETING_NOUNS = {"talk", "talks", "negotiation", "summit", "meeting", "conference", "round", "forum", "process",
                  "format", "discussion", "consultation", "dialogue", "accord", "agreement", "deal", "declaration"}


def venue_modifier(token: Token) -> bool:
    """'the Abu Dhabi negotiations', 'the Istanbul talks': a place name modifying a meeting noun is where the
    parties met, not a party (a country or seat of government there is a party: 'the Moscow talks' stay open)."""
    if token.dep_ != "compound" or token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    if token.head.lemma_.lower() not in _MEETING_NOUNS and token.head.lower_ not in _MEETING_NOUNS:
        return False
    return actor_table().is_state_group(mention_span(token).text) is None


_MEDIATING = {"broker", "mediate", "facilitate", "sponsor", "arrange", "convene", "organise", "organize"}


def mediated(verb: Token | None) -> bool:
    """'talks brokered by Turkey': the agent of a mediating verb is the mediator, not a side of the talks."""
    return verb is not None and verb.lemma_.lower() in _MEDIATING and passive_agent(verb) is not None


AWAY_VERBS = frozenset({"withdraw", "pull", "retreat", "expel", "evacuate", "oust", "drive", "push", "remove", "leave",
                        "flee", "withdrawal", "evict", "deport"})


_TELLING = {"inform", "tell", "warn", "assure", "notify", "remind", "advise", "promise", "signal", "caution", "brief"}


def addressee(anchor: Token) -> Token | None:
    """'Washington informed Kyiv that it would not sign': the party told of an act is its recipient."""
    if anchor.dep_ != "ccomp" or anchor.head.lemma_.lower() not in _TELLING:
        return None
    return next((c for c in anchor.head.children if c.dep_ in ("dobj", "dative") and is_party(c)), None)


_CALLING = {"call", "phone", "telephone", "ring"}


def called_party(anchor: Token) -> Token | None:
    """'X called Erdogan to apologize', 'phoned Y to express support for Z': the party called is the recipient of
    what the call was for."""
    if anchor.dep_ not in ("advcl", "xcomp") or anchor.head.lemma_.lower() not in _CALLING:
        return None
    return next((c for c in anchor.head.children if c.dep_ in ("dobj", "oprd") and is_party(c)), None)


_ADDRESSING = _ACCUSING | {"urge", "demand", "ask", "call", "order", "warn", "threaten", "target", "invite", "press",
                           "request", "require", "allow", "direct", "instruct", "ban", "bar", "reject", "reward"}


_UNDERGOING = {"face", "receive", "draw", "meet", "attract", "suffer", "endure", "incur", "weather"}


def undergone(noun: Token | None) -> tuple[Token, Token] | None:
    """'came under pressure from Washington', 'faces criticism from the U.N.': the 'from' party acts on the
    clause subject.  Returns (actor, recipient)."""
    if noun is None:
        return None
    source = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                   for g in c.children if g.dep_ == "pobj" and is_party(g)), None)
    if source is None:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        verb = noun.head.head
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in _UNDERGOING:
        verb = noun.head
    else:
        return None
    target = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    return (source, target) if target is not None else None


PLACE_HEADS = frozenset({"town", "city", "village", "province", "region", "district", "capital", "enclave", "port",
                         "settlement", "suburb", "suburbs", "outskirts", "oblast", "county", "sector", "neighbourhood",
                         "neighborhood", "centre", "center", "heart", "island", "peninsula", "municipality", "state"})


def named_apposition(head: Token) -> Token:
    """'his Iranian counterpart, Mostafa Najjar': the name in apposition to a common noun names the party."""
    if head.pos_ != "NOUN":
        return head
    return next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), head)


def reporter(anchor: Token, reporting_verbs: Any) -> Token | None:
    """'He said the forces would be destroyed': whoever reports an agentless threat makes it."""
    token = anchor
    for _ in range(4):
        if token.dep_ not in ("ccomp", "conj") or token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_.lower() in reporting_verbs:
            return next((c for c in token.children if c.dep_ == "nsubj"), None)
    return None


def quote_speaker(pronoun: Token) -> Span | None:
    """'Zelensky accused Putin of ... “Putin is not ready,” he wrote': the he/she after a quotation is the last
    person named as a subject before it (the speaker), not the last person named."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    limit = outside_quote(pronoun)
    if limit == pronoun.idx:
        return None
    people = [e for e in pronoun.doc.ents if e.label_ == "PERSON" and e.end_char <= limit]
    return next((e for e in reversed(people) if e.root.dep_ in ("nsubj", "nsubjpass")), None)


def place_of(token: Token) -> Token:
    """'the eastern town of Kramatorsk' -> Kramatorsk: the name a place noun introduces, else the token."""
    if token.lemma_.lower() not in PLACE_HEADS:
        return token
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), token)


def without_possessor(span: Span) -> Span:
    """"Russia's Belgorod Oblast" -> "Belgorod Oblast": the place itself, without its owner."""
    cut = next((t.i + 1 for t in span if t.dep_ == "case" and t.head.dep_ == "poss" and t.i + 1 < span.end), None)
    return span.doc[cut:span.end] if cut is not None else span


def complement_party(anchor: Token) -> Token | None:
    """'refused to meet with the envoy', 'agreed to help the army': the party the complement act is done to."""
    verb = next((c for c in anchor.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    patient = patient_of(verb) if lemma in _SOCIAL_VERBS else None
    if lemma in _PERMIT_VERBS:  # 'refused to allow two airlines to land': the party allowed
        patient = patient_of(verb) or next((g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                                            for g in c.children if g.dep_ == "nsubj"), None)
    if lemma in _ANSWER_VERBS:  # 'refused to respond to a request from 20 MPs': who asked
        asked = _prep_object(verb, ("to",)) or patient_of(verb)
        patient = asked if asked is None or is_party(asked) else _prep_object(asked, ("from", "by", "of"))
    found = patient or _prep_object(verb, ("with", "against"))
    return found if found is not None and is_party(found) and found.lower_ not in _RELATIVE else None


_PERMIT_VERBS = {"allow", "permit", "let", "authorize", "authorise"}
_ANSWER_VERBS = {"respond", "reply", "answer", "heed", "comply", "accede"}
_CONDITION_MARKS = {"until", "till", "unless", "if"}


def condition_party(anchor: Token) -> Token | None:
    """'will not end the strike until the government pays', 'threatened to open the border unless the EU helps':
    the party that must meet the condition is the one the refusal or threat is addressed to."""
    for clause in anchor.children:
        if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
                                             for c in clause.children):
            continue
        agent = passive_agent(clause) or next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if agent is not None and agent.pos_ != "PRON" and is_party(agent):
            return agent
    return None


_SOCIAL_VERBS = {"meet", "see", "receive", "host", "visit", "help", "support", "join", "attack", "fight", "strike",
                 "engage", "negotiate", "talk", "recognize", "recognise", "punish", "free", "release"}
