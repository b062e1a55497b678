"""Whether an event happened: occurred, planned, hypothetical or negated (PLOVER's auxiliary modes).

The status is read off the trigger's own clause and the chain of verbs that embed it without starting a new
statement ("did not appear to come closer to signing" is negated; "is set to meet" is planned; "could
potentially hold" is hypothetical).  A reporting verb ends the chain: "said it would free" is the future
of the saying, so planned rather than hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

# Dependencies through which an embedding verb's modality reaches the trigger.
_CHAIN_DEPS = {"xcomp", "prep", "pcomp", "pobj", "acomp", "dobj", "advmod", "attr", "oprd", "amod", "compound",
               "conj", "nsubjpass", "nsubj", "appos"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
_HYPOTHETICAL_AUX = {"could", "might", "may", "should"}
_PLANNING = {"plan", "schedule", "set", "due", "expect", "intend", "prepare", "aim", "hope", "want", "seek",
             "propose", "poise", "slate", "consider", "mull", "weigh", "look", "agree", "decide", "vow", "pledge",
             "promise", "threaten", "offer", "ready", "willing", "eager", "likely"}
_HYPOTHETICAL_WORDS = {"potentially", "possibly", "perhaps", "maybe", "possible", "potential", "hypothetical",
                       "conceivably", "theoretically"}
_PLANNED_MODIFIERS = {"planned", "upcoming", "proposed", "forthcoming", "scheduled", "future", "expected",
                      "next", "prospective", "possible", "potential", "mooted"}
_NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "without"}
_FAILURE = {"fail", "refuse", "decline", "reject", "deny", "avoid", "stop", "cancel", "abandon", "postpone"}
_SUBORDINATE_IF = {"if", "unless", "whether"}
_FUTURE_TIME = {"tomorrow", "next"}


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    future: bool = False  # will / going to / planned
    hypothetical: bool = False
    reported_future: bool = False  # "would" under a reporting verb: the future of the saying
    past: bool = False

    @property
    def status(self) -> str:
        if self.negated:
            return "negated"
        if self.hypothetical:
            return "hypothetical"
        if self.future or self.reported_future:
            return "planned"
        return "occurred"


def modality(trigger: Token, reporting_lemmas: frozenset[str], governor: Token | None = None) -> Modality:
    """The modality of an event whose trigger is `trigger`; `governor` is the verb carrying a nominal trigger."""
    negated = future = hypothetical = reported_future = past = False
    if trigger.pos_ in ("NOUN", "PROPN"):
        negated, future, hypothetical = _noun_markers(trigger)
    start = governor or trigger
    for token in _chain(start, reporting_lemmas):
        marks = _verb_markers(token, embedding=token.i != start.i)
        negated |= marks["negated"]
        future |= marks["future"]
        hypothetical |= marks["hypothetical"]
        past |= marks["past"] and token.i == start.i
        if marks["would"]:
            if _under_reporting(token, reporting_lemmas):
                reported_future = True
            else:
                hypothetical = True
    return Modality(negated, future, hypothetical, reported_future, past)


def _noun_markers(noun: Token) -> tuple[bool, bool, bool]:
    negated = any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod") for c in noun.children)
    future = any(c.lower_ in _PLANNED_MODIFIERS and c.dep_ in ("amod", "compound", "advmod") for c in noun.children)
    hypothetical = any(c.lower_ in ("possible", "potential", "hypothetical") for c in noun.children)
    return negated, future, hypothetical and not future


def _chain(start: Token, reporting_lemmas: frozenset[str]) -> list[Token]:
    """The trigger's verb and the verbs above it, up to (not including) a reporting verb or a new clause."""
    chain = [start]
    current = start
    while current.head.i != current.i and len(chain) < 8:
        head = current.head
        if head.lemma_.lower() in reporting_lemmas and head.pos_ in ("VERB", "AUX"):
            break
        if current.dep_ not in _CHAIN_DEPS:
            break
        if current.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children):
            break  # 'did not address X but accused Y': the contrast ends the first verb's negation
        if current.dep_ in ("nsubj", "nsubjpass") and head.pos_ not in ("VERB", "AUX"):
            break
        chain.append(head)
        current = head
    return chain


def _verb_markers(token: Token, embedding: bool) -> dict[str, bool]:
    children = list(token.children)
    marks = [(c.dep_, c.lower_) for c in children]  # read once: spaCy builds each string on every access
    lowers = {w for _, w in marks}
    aux = {w for d, w in marks if d in ("aux", "auxpass")}
    lemma = token.lemma_.lower()
    return {
        "negated": any(d == "neg" or (w in ("never",) and d == "advmod") for d, w in marks)
        or (embedding and lemma in _FAILURE),
        "future": bool(aux & _FUTURE_AUX) or _going_to(token) or (embedding and lemma in _PLANNING)
        or any(w in _FUTURE_TIME or any(g.lower_ == "next" for g in c.children)  # a future time, read last
               for c, (d, w) in zip(children, marks, strict=True) if d in ("npadvmod", "advmod", "prep", "tmod")),
        "hypothetical": bool(aux & _HYPOTHETICAL_AUX) or bool(lowers & _HYPOTHETICAL_WORDS)
        or any(d == "mark" and w in _SUBORDINATE_IF for d, w in marks)
        or (token.dep_ == "advcl" and bool(lowers & _SUBORDINATE_IF)),
        "would": "would" in aux or "'d" in aux,
        "past": token.tag_ in ("VBD", "VBN") or bool(aux & {"did", "had", "has", "have"}),
    }


def _going_to(token: Token) -> bool:
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def _under_reporting(token: Token, reporting_lemmas: frozenset[str]) -> bool:
    current = token
    for _ in range(4):
        if current.head.i == current.i:
            return False
        if current.head.lemma_.lower() in reporting_lemmas:
            return True
        current = current.head
    return False


def in_condition(token: Token, stop: Token | None = None) -> bool:
    """Whether `token` sits in an 'if' / 'unless' clause below `stop` ('ready to help defend X if it is attacked')."""
    current = token
    for _ in range(10):
        if (stop is not None and current.i == stop.i) or current.head.i == current.i:
            return False
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATE_IF for c in current.children):
            return True
        current = current.head
    return False


def ultimatum(verb: Token) -> bool:
    """'will withdraw its force unless ...': an act promised on a condition the other side must meet."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in verb.children)
