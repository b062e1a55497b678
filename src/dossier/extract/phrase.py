"""The words of one event: its trigger with its own arguments, without the rest of the sentence.

A sentence often reports several happenings ("the envoys agreed only to swap wounded captives, and the
shelling has grown heavier since their opening meeting in March"); the
sentence is every event's evidence, but what names each one is a smaller part of it.  Cross-document
matching compares these phrases, so that the other clauses of a long sentence do not dilute the wording
two reports of one happening share.

For a verb the phrase is its clause: the verb and its dependents, minus the clauses it governs that
report something else (complements, adverbial and relative clauses, conjoined verbs, parataxis).  For an
event noun it is the noun phrase ("the first round of talks in May"), minus relative clauses; when a
light verb carries the noun ("carried out strikes"), the light verb's clause.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_VERBS = ("VERB", "AUX")
# dependents that start another clause: what they report is another event's business
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "mark"})
# ... and, right under the event's own head, its conjuncts (another happening, "praised X and condemned Y")
HEAD_DEPS = frozenset({"conj", "cc", "appos"})


def event_phrase(trigger: Token, verb: Token | None = None) -> Span:
    """The event's own words: from the first to the last token of its clause (or noun phrase)."""
    head = verb if verb is not None else trigger
    tokens = _clause_tokens(head)
    if trigger.i not in {t.i for t in tokens}:  # a noun under a clause the walk skipped: keep it whole
        tokens += _clause_tokens(trigger)
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return trigger.doc[trigger.i : trigger.i + 1]
    return trigger.doc[min(t.i for t in words) : max(t.i for t in words) + 1]


def _bare_participle(verb: Token) -> bool:
    """A participle clause with neither its own subject, nor a subordinator, nor a reported clause ('killing two',
    'wounding four'; not 'saying it had no choice')."""
    return verb.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "csubj", "ccomp") for c in verb.children)


def _clause_tokens(head: Token) -> list[Token]:
    out: list[Token] = [head]
    stack = [c for c in head.children if c.dep_ not in HEAD_DEPS and not _other_clause(c)]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if not _other_clause(c))
    return out


def _other_clause(token: Token) -> bool:
    if token.dep_ == "advcl" and _bare_participle(token):
        return False  # 'struck the city, killing two': the consequence is part of the happening
    if token.dep_ in CLAUSE_DEPS:
        return True
    return token.dep_ == "acl" and token.pos_ in _VERBS
