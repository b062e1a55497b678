"""Event triggers: the verbs and nouns of a sentence that name a PLOVER event, typed by data/plover_patterns.yaml.

A verb is looked up by lemma and particle ("call on", "pull out"); a light verb hands over to the event noun it
governs ("launched strikes", "held talks").  An event noun counts when it is a clause's subject or root, has an
agent of its own ("Russia's strikes", "Russian airstrikes"), or sits in a conjunction or partitive ("a wave
of strikes") that does.  Triggers inside the complement of a verbal act ("agreed to withdraw", "rejected calls
for a ceasefire") are that act's content: they set its mode instead of becoming events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dossier.extract.plover_lexicon import VERBAL_ACTS, Lexicon, Rule, lexicon

_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
_LIGHT_PREPS = ("in", "on", "into", "to", "with", "for", "under")
_PARTITIVE = {"wave", "series", "round", "string", "spate", "barrage", "day", "days", "week", "weeks", "number",
              "part", "set", "batch", "kind", "type", "flurry", "volley", "salvo", "campaign", "rounds", "lot",
              "resumption", "start", "outbreak", "cycle", "surge", "escalation", "night", "hours", "months", "some",
              "one", "many", "most", "several", "dozens", "hundreds", "thousands", "all", "none"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "ROOT", "csubj")
_CONTENT_DEPS = ("xcomp", "ccomp", "dobj", "attr", "oprd", "acomp", "dative")
_CONTENT_PREPS = ("for", "to", "of", "on", "over", "about", "against", "with", "in", "into", "from", "as")
_ALLEGATION_KEEPS = ("ASSAULT", "COERCE")  # the deeds an accusation or praise names are events of their own
# Verbs whose object is an event that happened ('followed an attack', 'condemned the raids').
_PRESUPPOSING = {"follow", "mark", "see", "report", "confirm", "condemn", "denounce", "praise", "hail", "applaud",
                 "celebrate", "commend", "laud"}
_TIME_PREPS = {"since", "after", "before", "following"}
_PEOPLE_SUBJECTS = {"protester", "demonstrator", "student", "worker", "resident", "people", "thousand", "hundred",
                    "crowd", "activist", "farmer", "teacher", "employee", "villager", "supporter", "citizen",
                    "opposition", "union", "woman", "man", "doctor", "nurse", "miner", "driver", "trader", "youth",
                    "group"}


@dataclass
class Trigger:
    token: Token  # the word that names the event (verb or noun)
    event: str
    mode: str | None
    verb: Token | None  # the verb whose arguments are the event's (the trigger or its light verb)
    noun: Token | None  # the event noun, when the event is named by one
    content: list[Trigger] = field(default_factory=list)
    speaker: Token | None = None  # who demands it, for an obligation reported as speech ("X said Y must ...")
    background_memo: str | None = field(default=None, repr=False, compare=False)  # background_kind, once read

    @property
    def anchor(self) -> Token:
        return self.verb if self.verb is not None else self.token


def sentence_triggers(sent: Span | list[Token], lex: Lexicon) -> list[Trigger]:
    """The independent triggers of a sentence (its span, or its tokens in order)."""
    found: dict[int, Trigger] = {}
    verbs: list[Token] = []
    for token in sent:
        trigger = None
        pos = token.pos_
        if pos in ("VERB", "AUX"):
            verbs.append(token)
        if pos == "VERB" or (pos == "AUX" and token.lemma_ != "be"):
            trigger = verb_trigger(token, lex)
        elif pos == "AUX" and token.dep_ == "ROOT":
            trigger = _copular_trigger(token, lex)
        elif pos in ("NOUN", "PROPN") and token.i not in found:
            trigger = noun_trigger(token, lex, found)
        elif pos == "ADJ":
            trigger = adjective_trigger(token, lex)
        if trigger is not None and trigger.token.i not in found:
            found[trigger.token.i] = trigger
    _mark_obligations(verbs, found, lex)
    return _attach_content(list(found.values()), lex)


def adjective_trigger(adj: Token, lex: Lexicon) -> Trigger | None:
    """'is willing to withdraw', 'ready to host': an adjective that commits its subject to its complement."""
    rules = lex.adjectives.get(adj.lemma_.lower()) or lex.adjectives.get(adj.lower_)
    if not rules or adj.dep_ not in ("acomp", "oprd", "amod", "xcomp"):
        return None
    if not any(c.dep_ in ("xcomp", "prep") for c in adj.children):
        return None
    rule = _first_rule(rules, set(), set(), None, light=False)
    if rule is None or rule.event is None:
        return None
    verb = adj.head if adj.head.pos_ in ("VERB", "AUX") else None
    return Trigger(adj, rule.event, rule.mode, verb, None)


_OBLIGATION = {"must", "should"}


def _mark_obligations(verbs: list[Token], found: dict[int, Trigger], lex: Lexicon) -> None:
    """'X said Y must withdraw' is X's demand on Y: REQUEST, with the act demanded as its content.  `verbs`: the
    sentence's verbs and auxiliaries, in order."""
    for token in verbs:
        if token.pos_ not in ("VERB", "AUX") or not _obliged(token):
            continue
        speaker_verb = _reporting_head(token, lex)
        if speaker_verb is None:
            continue
        speaker = next((c for c in speaker_verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        inner = found.pop(token.i, None)
        request = Trigger(token, "REQUEST", None, token, None, speaker=speaker)
        if inner is not None:
            request.content.append(inner)
        found[token.i] = request


def _obliged(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ == "have" and any(c.lower_ == "to" for c in verb.children)


def _reporting_head(verb: Token, lex: Lexicon) -> Token | None:
    current = verb
    for _ in range(3):
        if current.dep_ not in ("ccomp", "conj", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in lex.reporting_verbs or current.lemma_.lower() in ("conclude", "insist", "warn"):
            return current
    return None


def verb_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma, repaired where the tagger's lemma is not a word the lexicon knows ('staged' -> 'stag')."""
    lemma = verb.lemma_.lower()
    if lemma in lex.verbs or lemma in lex.light_verbs:
        return lemma
    word = verb.lower_
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""),
                         ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            guess = word[: -len(suffix)] + repl
            if guess in lex.verbs or guess in lex.light_verbs:
                return guess
    return lemma


def verb_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    lemma = verb_lemma(verb, lex)
    if lemma not in lex.verb_heads and lemma not in lex.light_verbs:
        return None
    if _state_participle(verb):
        return None
    light = _light_noun_trigger(verb, lex) if lemma in lex.light_verbs else None
    if light is not None and not _via_prep(light, verb):
        return light
    own = _own_verb_trigger(verb, lemma, lex)  # 'provided aid in cooperation with': the verb's act comes first
    return own if own is not None and own.event else light


def _state_participle(verb: Token) -> bool:
    """'all of whom were wounded, ill or under 25': a passive participle with no agent, listed with adjectives,
    describes a state of its subject, not an act."""
    if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.pos_ == "ADJ" for c in verb.conjuncts)


def _via_prep(trigger: Trigger, verb: Token) -> bool:
    token = trigger.token
    for _ in range(6):
        if token.i == verb.i or token.head.i == token.i:
            return False
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def _own_verb_trigger(verb: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    """The verb's own rule; a Trigger with no event when the lexicon says this use is not an event.  What a rule
    tests of the parse is read only when some rule of the key tests it (most test nothing)."""
    objects: set[str] | None = None
    subject: str | None = None
    features: tuple[bool, bool] | None = None
    have_subject = False
    for key in _phrasal_keys(verb, lemma):
        rules = lex.verbs.get(key)
        if rules is None:
            continue
        if objects is None and any(r.obj or r.not_obj for r in rules):
            objects = _object_lemmas(verb)
        if not have_subject and any(r.subj for r in rules):
            subject, have_subject = _subject_lemma(verb), True
        if features is None and any(r.no_obj or r.needs_obj for r in rules):
            features = (any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children),
                        any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children))
        direct, transitive = features or (False, False)
        rule = _first_rule(rules, objects if objects is not None else set(), set(), subject, light=False,
                           direct=direct, transitive=transitive)
        if rule is not None:
            return Trigger(verb, rule.event or "", rule.mode, verb, None)
    return None


def noun_trigger(noun: Token, lex: Lexicon, found: dict[int, Trigger]) -> Trigger | None:
    if noun.lemma_.lower() not in lex.noun_heads and noun.lower_ not in lex.noun_heads:
        return None
    rule = noun_rule(noun, lex, light=False)
    if rule is None or rule.event is None:
        return None
    carrier = _free_relative_carrier(noun, lex)
    if carrier is not None:  # 'plan to carry out what he said would be the largest exchange'
        return Trigger(noun, rule.event, rule.mode, carrier, noun)
    if _governed_by_light_verb(noun, lex) or not _noun_counts(noun, found):
        return None
    return Trigger(noun, rule.event, rule.mode, None, noun)


def _free_relative_carrier(noun: Token, lex: Lexicon) -> Token | None:
    """'X plan to carry out what officials said would be the largest exchange', 'held what they called talks':
    the event noun a free relative ('what ...') ends on is the object of the light verb the relative hangs on."""
    if noun.dep_ not in ("attr", "oprd") or noun.head.lemma_.lower() not in ("be", "call", "describe", "term"):
        return None
    token, seen_what = noun.head, False
    for _ in range(4):
        seen_what = seen_what or any(c.lower_ == "what" and c.dep_ in ("nsubj", "dobj", "attr") for c in token.children)
        head = token.head
        if token.dep_ not in ("ccomp", "dobj", "xcomp") or head.i == token.i:
            return None
        if seen_what and head.pos_ == "VERB" and verb_lemma(head, lex) in lex.light_verbs:
            return head
        token = head
    return None


def noun_rule(noun: Token, lex: Lexicon, light: bool, verb: Token | None = None) -> Rule | None:
    args = _noun_args(noun)
    subject = _subject_lemma(verb) if verb is not None else None
    for key in _noun_keys(noun):
        rules = lex.nouns.get(key)
        if rules is None:
            continue
        if not _subject_is_government(verb):
            rules = tuple(r for r in rules if not r.gov_subject_only)
        rule = _first_rule(rules, set(), args, subject, light)
        if rule is not None:
            return rule
    return None


def _light_noun_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    for noun in _light_objects(verb):
        rule = noun_rule(noun, lex, light=True, verb=verb)
        if rule is not None and rule.event:
            return Trigger(noun, rule.event, rule.mode, verb, noun)
    return None


def _copular_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """'is in contact with', 'is under attack': a state named by a light event noun after 'be' and a preposition."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "under", "on"):
            continue
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            rule = noun_rule(noun, lex, light=True, verb=verb)
            if rule is not None and rule.event:
                return Trigger(noun, rule.event, rule.mode, verb, noun)
    return None


_HAPPENING = {"happen", "occur", "begin", "start", "end", "continue", "resume", "conclude", "open", "close",
              "erupt", "intensify", "last", "break", "take", "get", "go", "proceed", "collapse", "stall"}


def reported_happening(trigger: Trigger) -> bool:
    """'talks took place in Vienna', 'fighting erupted', 'the summit was held': a verb of occurrence reports the
    event its subject names (directly or through a partitive: 'two rounds of talks'); 'praised the raids', the
    event its object names."""
    noun = trigger.noun
    if noun is None:
        return False
    subject = noun
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in _PARTITIVE:
        subject = noun.head.head
    head = subject.head
    if subject.dep_ == "nsubjpass":
        return head.lemma_.lower() in ("hold", "conduct", "stage", "launch", "carry", "complete", "schedule")
    if _presupposed(noun):
        return True
    return subject.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in _HAPPENING


def _light_objects(verb: Token) -> list[Token]:
    nouns = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _LIGHT_PREPS:
            nouns.extend(g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    return [n for noun in nouns for n in [*_through_partitive(noun), *noun.conjuncts]]


def _through_partitive(noun: Token) -> list[Token]:
    """'a series of strikes' -> strikes; a noun that is not partitive stands for itself."""
    if noun.lemma_.lower() in _PARTITIVE or noun.lower_ in _PARTITIVE:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                inner = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if inner is not None:
                    return [inner, noun]
    return [noun]


def _governed_by_light_verb(noun: Token, lex: Lexicon) -> bool:
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.lemma_.lower() in _PARTITIVE and head.dep_ in _OBJECT_DEPS:
            head = head.head
    elif noun.dep_ == "conj":
        return _governed_by_light_verb(noun.head, lex)
    return head.pos_ in ("VERB", "AUX") and verb_lemma(head, lex) in lex.light_verbs and noun in _light_objects(head)


def _noun_counts(noun: Token, found: dict[int, Trigger]) -> bool:
    """Whether an event noun reports an event here rather than naming a topic ('the war', 'peace talks' as a subject
    of discussion)."""
    if noun.dep_ in _SUBJECT_DEPS or _has_agent(noun):
        return True
    if noun.dep_ == "conj" and (noun.head.i in found or _has_agent(noun.head) or noun.head.dep_ in _SUBJECT_DEPS):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
        holder = head.head
        if holder.lemma_.lower() in _PARTITIVE or holder.lower_ in _PARTITIVE:
            return (holder.dep_ in _SUBJECT_DEPS or noun.dep_ == "ROOT" or _has_agent(holder)
                    or holder.dep_ == "dobj" or time_reference(noun))
    if noun.dep_ == "appos" and noun.head.dep_ in _SUBJECT_DEPS:
        return True
    return _presupposed(noun) or time_reference(noun)


def _presupposed(noun: Token) -> bool:
    """'the shelling followed an attack', 'praised the raids': the object of a verb that takes its event as
    having happened (and its conjuncts: 'praised the raids and a separate attack')."""
    for _ in range(4):
        if noun.dep_ != "conj" or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _PRESUPPOSING


def time_reference(noun: Token) -> bool:
    """'since the first round of talks in March', 'after the raid on the depot': an event named to place another
    in time is a happening of its own (background_kind calls it an adjunct)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PARTITIVE:
        noun, head = head.head, head.head.head
    return noun.dep_ == "pobj" and head.lower_ in _TIME_PREPS


def _has_agent(noun: Token) -> bool:
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her", "our"):
            return True
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return True
    return False


_TIME_ENTS = ("DATE", "TIME")


def _phrasal_keys(verb: Token, lemma: str) -> list[str]:
    """Lookup keys, most specific first; a preposition that only dates the act ('called on Friday') is no particle."""
    particles, preps, objects = [], [], []
    for c in verb.children:  # one pass: spaCy builds the children and their strings on every access
        dep = c.dep_
        if dep == "prt":
            particles.append(c.lower_)
        elif dep in ("prep", "agent", "dative"):
            if not any(g.dep_ == "pobj" and g.ent_type_ in _TIME_ENTS for g in c.children):
                preps.append(c.lower_)
        elif dep == "dobj":
            objects.append(c.lemma_.lower())
    keys = [f"{lemma} {p} {q}" for p in particles for q in preps]
    keys += [f"{lemma} {p}" for p in particles]
    keys += [f"{lemma} {o}" for o in objects]
    keys += [f"{lemma} {q}" for q in preps]
    keys.append(lemma)
    return keys


def _noun_keys(noun: Token) -> list[str]:
    lemma = noun.lemma_.lower()
    keys = [f"{c.lower_} {lemma}" for c in noun.children if c.dep_ in ("compound", "amod")]
    keys += [f"{lemma} of {g.lower_}" for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    keys += [lemma, noun.lower_]
    return keys


def _noun_args(noun: Token) -> set[str]:
    args = set()
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "nummod"):
            args.add(child.lemma_.lower())
            args.add(child.lower_)
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    args.add(pobj.lemma_.lower())
                    args.add(pobj.lower_)
                    args.update(g.lemma_.lower() for g in pobj.children if g.dep_ in ("compound", "poss", "amod"))
    return args


_PARTY_ENTS = ("PERSON", "ORG", "GPE", "NORP")


def _object_lemmas(verb: Token) -> set[str]:
    """The object words the lexicon's `obj` lists test, with two marks: '@party' for a named party as the direct
    object ('called Erdogan'), '@predicative' for a second, predicative object ('called him a liar')."""
    objects: set[str] = set()
    direct = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    if any(c.ent_type_ in _PARTY_ENTS for c in direct):
        objects.add("@party")
    if len(direct) > 1 or any(c.dep_ in ("ccomp", "acomp") for c in verb.children):
        objects.add("@predicative")
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS:
            objects.update(_noun_and_compounds(child))
        elif child.dep_ in ("prep", "dative"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    objects.update(_noun_and_compounds(pobj))
    return objects


def _noun_and_compounds(noun: Token) -> set[str]:
    words = {noun.lemma_.lower(), noun.lower_}
    for conj in noun.conjuncts:
        words.update({conj.lemma_.lower(), conj.lower_})
    words.update(c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod"))
    if noun.lemma_.lower() in _PARTITIVE:
        for inner in _through_partitive(noun):
            words.add(inner.lemma_.lower())
    return words


def _subject_lemma(verb: Token | None) -> str | None:
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in verb.children):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # '... gathered to protest'
    if subject is None:
        return None
    if subject.ent_type_ == "NORP" and subject.tag_ in ("NNPS", "NNS"):
        return "people"  # 'Palestinians protested'
    return subject.lemma_.lower()


def _subject_is_government(verb: Token | None) -> bool:
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() not in _PEOPLE_SUBJECTS


def _first_rule(rules: tuple[Rule, ...], objects: set[str], args: set[str], subject: str | None,
                light: bool, direct: bool = False, transitive: bool = False) -> Rule | None:
    return next((r for r in rules if r.applies(objects, args, subject, light, direct, transitive)), None)


def _attach_content(triggers: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Move triggers that are the content of a verbal act into that act; return the independent ones."""
    by_token = {t.token.i: t for t in triggers}
    ordered = sorted(triggers, key=lambda t: _depth(t.anchor))
    owner: dict[int, Trigger] = {}
    for act in ordered:
        if act.event not in VERBAL_ACTS or act.token.i in owner:
            continue
        region = _content_region(act)
        for other in ordered:
            if other is act or other.token.i in owner or other.token.i not in region:
                continue
            if act.event == "ACCUSE" and other.event in _ALLEGATION_KEEPS:
                continue
            if act.event == "SUPPORT" and other.event in _ALLEGATION_KEEPS and other.noun is not None \
                    and _presupposed(other.noun):
                continue  # 'praised the raids': the raids happened, not 'backed a decision to ban X'
            owner[other.token.i] = act
            act.content.append(other)
    return [t for i, t in by_token.items() if i not in owner]


def _content_region(act: Trigger) -> set[int]:
    heads: list[Token] = []
    if act.token.pos_ == "ADJ" or act.speaker is not None:
        return {t.i for c in act.token.children if c.dep_ in ("xcomp", "prep", "ccomp") for t in c.subtree} | (
            {t.i for t in act.token.subtree} - {act.token.i} if act.speaker is not None else set())
    if act.verb is not None and act.noun is None:
        heads = [c for c in act.verb.children if c.dep_ in _CONTENT_DEPS or _infinitive_advcl(c)
                 or (c.dep_ in ("prep", "agent") and c.lower_ in _CONTENT_PREPS)]
    noun = act.noun
    if noun is not None:
        heads += [c for c in noun.children if c.dep_ in ("prep", "acl", "relcl", "ccomp", "xcomp")]
        if act.verb is not None:
            heads += [c for c in act.verb.children if c.dep_ in ("xcomp", "ccomp")
                      or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and noun not in c.subtree)]
    region = {t.i for h in heads for t in h.subtree}
    # a relative clause inside the content reports a fact of its own ("an exchange, during which each side
    # released 300 prisoners")
    doc = act.token.doc
    facts = {t.i for i in region if doc[i].dep_ == "relcl" for t in doc[i].subtree}
    return region - facts


def _infinitive_advcl(token: Token) -> bool:
    """'have sworn to fight', parsed as an adverbial clause: a subjectless to-infinitive is the act's content."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


_BACKGROUND_MARKS = {"since", "after", "before", "when", "while", "as", "until", "once", "following", "because"}
_BACKGROUND_PREPS = {"since", "after", "before", "following", "amid", "during", "despite"}


def _names_event(noun: Token) -> bool:
    """An event noun, or a noun in its phrase ('strikes on Dnipro, which killed': the clause often hangs on the
    place)."""
    nouns = lexicon().nouns
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return any(n.lemma_.lower() in nouns for n in (noun, *_through_partitive(noun)))


def background(trigger: Trigger) -> bool:
    """Whether the event is mentioned as background rather than reported: inside a relative clause or a noun's
    participle ('the diplomat it arrested', 'activists jailed last year'), a temporal or causal adjunct ('since
    Russia launched its invasion', 'after days of fighting', 'following the killing of'), or an adjectival
    participle ('the occupied town')."""
    return bool(background_kind(trigger))


def background_kind(trigger: Trigger) -> str:
    """'' for a reported event; 'adjunct' for one in a temporal or causal adjunct (another happening than the
    one reported); 'relative' for one in a relative clause or participle (often the same happening retold)."""
    if trigger.background_memo is None:  # asked several times per event (salience, merging, confidence)
        trigger.background_memo = _background_kind(trigger.anchor)
    return trigger.background_memo


def _background_kind(token: Token) -> str:
    if token.dep_ == "amod" and token.pos_ == "VERB":
        return "relative"
    for _ in range(12):
        if token.head.i == token.i:
            return ""
        dep, head = token.dep_, token.head
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON") and not _names_event(head):
            return "relative"  # but 'a barrage of rockets, which killed three' tells of the barrage itself
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in token.children):
            return "adjunct"
        if dep in ("pobj", "pcomp") and head.lower_ in _BACKGROUND_PREPS:
            return "adjunct"
        token = head
    return ""
