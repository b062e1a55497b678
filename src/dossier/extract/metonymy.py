"""Seats of government that stand for their state: "Moscow says", "a deal with Kyiv", "Washington's position".

The literal city is meant where something happens in it or to it: "strikes on Kyiv", "a briefing in Kyiv",
"Kyiv's mayor".  The decision reads the dependency parse around the name; anything unclear stays literal.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

ATTACKS = frozenset({
    "attack", "strike", "airstrike", "raid", "barrage", "assault", "bombardment", "bombing", "shelling", "fire",
    "launch", "hit", "target", "pound", "shell", "bomb", "missile", "drone", "rocket", "damage", "rock", "shake",
    "batter", "blast", "explosion", "offensive", "advance", "march", "siege", "encircle", "capture", "seize",
    "defend", "liberate", "occupy", "evacuate", "blackout", "outage",
})
MOTION = frozenset({
    "visit", "trip", "journey", "travel", "fly", "flight", "arrive", "return", "come", "go", "move", "drive",
    "flee", "leave", "head", "train", "road", "route", "relocate", "evacuate", "bring", "send", "deliver",
    "reach", "enter", "land",
})
PLACE_NOUNS = frozenset({
    "mayor", "resident", "people", "citizen", "inhabitant", "population", "street", "district", "centre", "center",
    "outskirt", "suburb", "metro", "airport", "skyline", "sky", "building", "apartment", "hospital", "school",
    "region", "oblast", "city", "downtown", "neighbourhood", "neighborhood", "station", "square", "bridge",
    "air", "defence", "defense", "infrastructure", "power", "water", "heating", "grid", "residential", "area",
    "time", "court", "university", "zoo", "mall", "church", "cathedral", "embankment", "river",
})
LOCATIVE = frozenset({
    "in", "at", "near", "outside", "around", "across", "over", "into", "inside", "throughout", "within", "above",
    "beyond", "toward", "towards", "via", "through", "past",
})
INSTITUTIONAL = frozenset({"regime", "government", "authorities", "leadership", "administration", "side"})


def stands_for_state(span: Span) -> bool:
    """Whether the seat of government named by `span` acts for its state here."""
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Moscow and Kyiv exchanged": Kyiv takes Moscow's role
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text in ("'s", "’s", "'", "’"):
        return _possessor(token, nxt)
    dep = token.dep_
    head = token.head
    if dep == "nsubj":
        return True
    if dep == "nsubjpass":
        return head.lemma_.lower() not in ATTACKS
    if dep in ("nmod", "poss"):  # "which Washington ... support" parsed as a noun modifier
        return head.lemma_.lower() not in PLACE_NOUNS
    if dep == "compound":
        return head.lemma_.lower() in INSTITUTIONAL
    if dep in ("dobj", "dative"):
        return head.lemma_.lower() not in ATTACKS | MOTION
    if dep == "pobj":
        return _object_of(head)
    return False


def _possessor(token: Token, marker: Token) -> bool:
    owned = marker.head if marker.head.i != token.i else token.head
    return owned.lemma_.lower() not in PLACE_NOUNS


def _object_of(prep: Token) -> bool:
    word = prep.lower_
    governor = prep.head.lemma_.lower()
    if word in LOCATIVE:
        return False
    if word in ("on", "against", "upon"):
        return governor not in ATTACKS
    if word in ("to", "for", "from"):
        return governor not in MOTION
    if word == "of":
        return governor not in PLACE_NOUNS | ATTACKS
    return word in ("with", "by", "between", "among", "about", "than", "like")
