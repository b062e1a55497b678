"""PLOVER event coding: who did what to whom, where, when, with what casualties, and whether it happened.

    find_events(doc, entities=None, dating=None) -> [{"id": "e1", "event": "ASSAULT", "mode": "aerial", ...}]

Each event follows the record schema (`properties.events`): type and mode from data/plover_patterns.yaml
(triggers.py), actor and recipient from the parse (roles.py) as parties (parties.py: a canonical `name`, and the
`mention`, the sentence's own words for the party, None when the sentence does not name it), place resolved to GeoNames
(places.py), counts (numbers.py), status (status.py), date from `dating`, and the evidence sentence.  Within a
sentence the most salient event (the one highest in the parse) comes first.  Mentions of one type in a sentence
are one event unless their dates tell them apart, and an event whose date phrase lists several dates ('met on
3 March and 19 April') is one event per date.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.extract import roles
from dossier.extract.numbers import located_counts
from dossier.extract.parties import (
    actor_table,
    opponent,
    own_place,
    party_for_country,
    party_from_span,
    sides_besides,
    state_party,
)
from dossier.extract.phrase import event_phrase
from dossier.extract.places import Place, gazetteer, hosted, state_loc, where_place
from dossier.extract.plover_lexicon import COOPERATIVE, FORCEFUL, VERBAL_ACTS, Lexicon, lexicon
from dossier.extract.status import Modality, in_condition, modality, ultimatum
from dossier.extract.triggers import (
    Trigger,
    background,
    background_kind,
    reported_happening,
    sentence_triggers,
    time_reference,
)
from dossier.time.dating import DateRef, may_overlap

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_PARTY_NAMES = ("ORG", "NORP")  # the small model often tags towns PERSON
_LOCATIVE = {"in", "near", "at", "outside", "inside", "around", "across", "over", "within", "into", "on", "to",
             "toward", "towards", "throughout"}
_COUNT_FIELDS = {"dead": ("ASSAULT",), "injured": ("ASSAULT",), "arrested": ("COERCE",),
                 "people": ("RETREAT", "AGREE", "COOPERATE", "AID", "MOBILIZE", "CONCEDE", "PROTEST", "COERCE")}
_BOTH_SIDES = re.compile(r"^(?:the\s+)?(?:two|both)\s+(?:sides|countries|parties|nations|delegations|states)$", re.I)
_MEDIATION = re.compile(r"\b(?:mediat\w*|broker\w*|hosted\s+by|facilitat\w*)\b", re.I)
_MULTILATERAL = re.compile(r"\b(?:trilateral|multilateral|three-way|four-way|summit\s+of|conference)\b", re.I)
_THREAT_ACTS = FORCEFUL | {"PROTEST"}  # promised or planned, these are threats (PLOVER THREATEN)
_VENUE_PREPS = {"in", "at", "near", "outside", "inside"}
_MODALS_FUTURE = {"will", "would", "'ll", "’ll", "shall", "wo"}


@dataclass
class _Sent:
    """A sentence with what every event in it reads, computed once (spaCy recomputes span text and ents)."""

    span: Span
    text: str
    start_char: int
    end_char: int
    ents: list[Span]
    question: bool
    _places: list[Span] | None = None
    _tokens: list[Token] | None = None
    _words: set[str] | None = None

    @classmethod
    def of(cls, span: Span, doc_ents: list[Span], ent_starts: list[int], doc_text: str | None = None) -> _Sent:
        """`doc_ents` in text order, `ent_starts` their start tokens (bisected: long articles have many); `doc_text`
        the document's text, read once (Span.text joins its tokens on every call)."""
        text = doc_text[span.start_char:span.end_char] if doc_text is not None else span.text
        first, last = bisect_left(ent_starts, span.start), bisect_left(ent_starts, span.end)
        ents = [e for e in doc_ents[first:last] if e.end <= span.end]
        return cls(span, text, span.start_char, span.end_char, ents, text.rstrip().endswith("?"))

    @property
    def tokens(self) -> list[Token]:  # built once, on first use (a question is never read)
        if self._tokens is None:
            self._tokens = list(self.span)
        return self._tokens

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = {t.lower_ for t in self.tokens} | {t.lemma_.lower() for t in self.tokens}
        return self._words

    def place_mentions(self) -> list[Span]:
        if self._places is None:
            self._places = [e for e in self.ents if e.label_ in _PLACE_LABELS and _locative(e)]
            self._places += _untagged_places(self.tokens)
        return self._places


@dataclass
class _Article:
    doc: Doc
    entities: Any
    dating: Any
    lex: Lexicon
    prefer: tuple[str, ...]
    states: list[dict[str, Any]] = field(default_factory=list)  # state parties seen so far, latest last
    last_assault_actor: list[dict[str, Any]] = field(default_factory=list)
    recipient_heads: dict[tuple[str, int], Token | None] = field(default_factory=dict)  # (event, trigger token)


def find_events(doc: Doc, entities: Any = None, dating: Any = None) -> list[dict[str, Any]]:
    doc_ents = sorted(doc.ents, key=lambda e: e.start)  # Doc.ents builds every entity span on each call
    article = _Article(doc, entities, dating, lexicon(), _article_countries(doc, doc_ents))
    events: list[dict[str, Any]] = []
    ent_starts = [e.start for e in doc_ents]
    # the text once (Doc.text joins every token on each call); the dating of the same doc has it already
    text = dating.text if getattr(dating, "doc", None) is doc else doc.text
    for span in doc.sents:
        sent = _Sent.of(span, doc_ents, ent_starts, text)
        _note_states(article, sent)
        events.extend(_sentence_events(sent, article))
    _count_uncounted_mentions(events)
    for number, event in enumerate(events, start=1):
        event["id"] = f"e{number}"
    return events


_DEADLY = re.compile(r"\b(?:deadly|deadliest|lethal|fatal)\b", re.I)


def _count_uncounted_mentions(events: list[dict[str, Any]]) -> None:
    """Counts belong to the event they describe, and an article often names an event once without its count and
    once with it.  An attack called deadly with no count ('... after launching a deadly attack on Kyiv') takes the
    casualties the article reports for the same attack (same attacker, place and day), when it reports one set.
    An agreement with no count takes the people count of the same parties' agreement in the next sentence, on the
    same day ('swaps agreed during the talks.  Both countries agreed to release over 1,000 prisoners')."""
    counted = [e for e in events if e["event"] == "ASSAULT" and (e["size"]["dead"] or e["size"]["injured"])]
    starts = sorted({e["text_info"]["start"] for e in events})
    following = dict(pairwise(starts))
    for event in events:
        if any(event["size"].values()):
            continue
        if event["event"] == "ASSAULT" and _DEADLY.search(event["text_info"]["text"]):
            sizes = {(e["size"]["dead"], e["size"]["injured"]) for e in counted if _same_attack(event, e)}
            if len(sizes) == 1:
                event["size"]["dead"], event["size"]["injured"] = sizes.pop()
        elif event["event"] == "AGREE" and event["actor"]:
            parties = {p["name"] for p in event["actor"]}
            nxt = following.get(event["text_info"]["start"])
            same = [e for e in events if e["text_info"]["start"] == nxt and e["event"] == "AGREE"
                    and e["size"]["people"] and e["date"]["value"] == event["date"]["value"]
                    and {p["name"] for p in e["actor"]} == parties]
            if len(same) == 1:
                event["size"]["people"] = same[0]["size"]["people"]


def _same_attack(a: dict[str, Any], b: dict[str, Any]) -> bool:
    place_a, place_b = a["event_loc"] or {}, b["event_loc"] or {}
    return (place_a.get("geonameid") is not None and place_a.get("geonameid") == place_b.get("geonameid")
            and a["date"]["value"] == b["date"]["value"] and bool(a["actor"]) and bool(b["actor"])
            and _same_actors(a, b))


def _sentence_events(sent: _Sent, article: _Article) -> list[dict[str, Any]]:
    if sent.question:
        return []
    triggers = sorted(sentence_triggers(sent.tokens, article.lex), key=_salience)  # tokens: built once per sentence
    events = [_event(t, sent, article) for t in triggers]
    events = _merge_same_type(events)
    if events:  # the count patterns are slow; a sentence with no event has nothing to count for
        _assign_counts(events, located_counts(sent.text), sent.start_char)
    events = [e for e in events if _supported(e)]
    events = [one for event in events for one in _per_date(event)]
    for event in events:
        event.pop("_trigger", None)
        event.pop("_when", None)
    return events


def _per_date(event: dict[str, Any]) -> list[dict[str, Any]]:
    """'met in Vienna on 3 March and 19 April' reports two meetings: one event per date listed in the event's own
    date phrase, with the same evidence, parties and place."""
    when: list[DateRef] = event["_when"]
    if len(when) < 2:
        return [event]
    trigger = event.pop("_trigger")
    copies = []
    for ref in when:
        one = copy.deepcopy(event)
        one["date"], one["_when"], one["_trigger"] = _date_field(ref), [ref], trigger
        copies.append(one)
    return copies


def _supported(event: dict[str, Any]) -> bool:
    """Whether an event is reported rather than a topic: a rhetorical question reports nothing, and an event noun
    with no verb of its own needs an actor, a verb of occurrence ('talks took place'), or a count or place that
    ties it to something that happened.  One named in passing to place another in time ('after days of
    fighting') needs a date of its own phrase ('since the first round of talks in March') or parties the
    sentence names, not an attacker carried over from an earlier sentence."""
    trigger: Trigger = event["_trigger"]
    if trigger.verb is not None or reported_happening(trigger):
        return True
    tied = any(event["size"].values()) or (event["event"] == "ASSAULT" and event["event_loc"] is not None)
    if trigger.noun is not None and time_reference(trigger.noun):
        return tied or event["_when"][0].via == "phrase" or any(p["mention"] for p in event["actor"])
    return tied or bool(event["actor"])


def _event(trigger: Trigger, sent: _Sent, article: _Article) -> dict[str, Any]:
    lex = article.lex
    when = _dates(trigger, article)
    mood = modality(trigger.token, lex.reporting_verbs, _governor(trigger))
    event, mode = _recode(trigger, mood, lex)
    actor_heads = roles.conjuncts(trigger.speaker) if trigger.speaker is not None else _actor_heads(trigger)
    recipient_head = (_obliged_subject(trigger) if trigger.speaker is not None
                      else roles.called_party(trigger.anchor)  # 'called Erdogan to convey support for Turkey'
                      or _recipient_head(event, trigger, article))
    undergone = roles.undergone(trigger.noun) if trigger.speaker is None else None
    if undergone is not None:  # 'came under pressure from X': X acts on the subject
        actor_heads, recipient_head = roles.conjuncts(undergone[0]), undergone[1]
    if not actor_heads and event == "THREATEN":  # 'he said they would be destroyed'
        actor_heads = [h for h in [roles.reporter(trigger.anchor, lex.reporting_verbs)] if h is not None]
    actors = _parties(actor_heads, article)
    if event == "CONSULT" and roles.mediated(trigger.verb):  # 'talks brokered by Turkey': the sides talked
        actors = sides_besides(actors, article.states)
    recipient_head = recipient_head or roles.addressee(trigger.anchor) or next(
        (h for c in trigger.content if (h := roles.recipient_of(c.event, c.verb, c.noun, lex.content_nouns))),
        None) or roles.complement_party(trigger.anchor)  # 'refused to meet the envoy': the act's recipient
    if recipient_head is None and (trigger.verb is not None or actor_heads):
        skip = {t.i for h in actor_heads for t in h.subtree}
        if event == "CONSULT":  # where the parties meet is the venue, not a party
            skip |= {t.i for e in sent.place_mentions() for t in e}
        if event == "AGREE":  # 'agreed during talks in Istanbul': nor where they agree
            skip |= {t.i for e in sent.place_mentions() if e.root.head.lower_ in _VENUE_PREPS for t in e}
        given = trigger.noun if trigger.noun is not None else roles.patient_of(trigger.anchor)
        giver = roles.given_owner(event, trigger.verb, given)  # 'expressed Egypt's support for X'
        skip |= {t.i for t in giver.subtree} if giver is not None else set()
        recipient_head = roles.clause_party(trigger.anchor, trigger.noun, skip, no_subjects=event == "ASSAULT")
    if recipient_head is None and event in ("REJECT", "THREATEN"):  # 'will not end the strike until X pays'
        recipient_head = roles.condition_party(trigger.anchor)
    recipients = _parties(roles.conjuncts(recipient_head) if recipient_head is not None else [], article)
    place, recipients = _place_and_targets(trigger, event, sent, recipients, article)
    if event == "CONSULT" and place:  # where the parties meet is the venue, not a party
        venue = {place.get("resolved_place"), place.get("extracted_place")}
        recipients = [r for r in recipients if r["name"] not in venue]
    recipients = [own_place(r, actors) for r in recipients]
    if event == "CONSULT" and trigger.token.lemma_ == "host" and trigger.noun is None:
        actors, recipients = recipients, actors
    if event == "RETREAT" and mode == "release" and not actors and trigger.noun is not None:
        actors = article.states[-2:][::-1]  # an exchange with no named sides is between the two sides
    if event == "ASSAULT":
        actors = _carry_assault_actor(actors, article)
        place = place or state_loc(recipients)  # 'drone attacks on Russian airfields' happened in Russia
        recipients = recipients or _target_country(place, actors, article.prefer)
    recipients = [r for r in recipients if r["name"] not in {a["name"] for a in actors}]
    if event in ("AID", "MOBILIZE") or mode == "visit":  # aid to a place goes to it; a visit is hosted by it
        place, recipients = hosted(place, recipients, recipient_head, article.prefer)
    if event == "CONSULT":
        mode = _consult_mode(trigger, mode, actors, recipients, place, sent)
    if event == "ASSAULT" and mode is None:
        mode = _assault_mode(trigger, sent, lex)
    actors, recipients = _with_mentions(actors), _with_mentions(recipients)
    return {
        "id": "",
        "event": event,
        "mode": mode,
        "context": list(lex.contexts.get(event, ())),
        "actor": actors,
        "recipient": recipients,
        "event_loc": place,
        "date": _date_field(when[0]),
        "size": {"dead": None, "injured": None, "arrested": None, "people": None},
        "status": _status(event, trigger.event, mood),
        "text_info": _evidence(sent),
        "phrase": _phrase(trigger),
        "confidence": _confidence(trigger, actors, recipients),
        "_trigger": trigger,
        "_when": when,
    }


def _with_mentions(parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every party carries `mention`, the sentence's words for it, or None when the sentence does not name it
    (an attacker carried over from an earlier sentence, the other side of the article's conflict)."""
    return [p if "mention" in p else {**p, "mention": None} for p in parties]


def _obliged_subject(trigger: Trigger) -> Token | None:
    return next((c for c in trigger.token.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _assault_mode(trigger: Trigger, sent: _Sent, lex: Lexicon) -> str | None:
    """The weapon named nearest the attack: its own phrase first, then the sentence."""
    doc = sent.span.doc
    clause = [doc[i] for i in _clause_tokens(trigger)]
    own = {t.lower_ for t in clause} | {t.lemma_.lower() for t in clause}
    return _weapon_mode(own, lex) or _weapon_mode(sent.words, lex)  # the sentence's words only when needed


def _weapon_mode(words: set[str], lex: Lexicon) -> str | None:
    return next((mode for mode, cues in lex.assault_modes if words & cues), None)


def _governor(trigger: Trigger) -> Token | None:
    """The verb whose modality a nominal event takes: its light verb, or the verb it is subject or object of."""
    if trigger.verb is not None:
        return trigger.verb
    noun = trigger.token
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _recode(trigger: Trigger, mood: Modality, lex: Lexicon) -> tuple[str, str | None]:
    """PLOVER codes refusals and promises by what is said, not by the act named: 'will not lift' is REJECT,
    'will release' is AGREE, 'will strike' is THREATEN.  Verbal acts take their mode from their content."""
    event, mode = trigger.event, trigger.mode
    modal_future = _has_future_modal(trigger)
    if event in COOPERATIVE and _failed(trigger):
        return "REJECT", lex.content_modes["REJECT"].get(event)
    if mood.negated and event in COOPERATIVE and event != "AGREE" and (modal_future or event == "COOPERATE"):
        return "REJECT", lex.content_modes["REJECT"].get(event)  # 'will not lift', 'is not cooperating'
    if mood.negated and event == "AGREE" and modal_future:
        return "REJECT", "yield"
    if not mood.negated and (modal_future or mood.future) and event in _THREAT_ACTS and not mood.hypothetical:
        return "THREATEN", lex.content_modes["THREATEN"].get(event)
    if not mood.negated and (modal_future or mood.future) and event not in VERBAL_ACTS and ultimatum(trigger.anchor):
        return "THREATEN", lex.content_modes["THREATEN"].get(event)
    forceful = next((c for c in trigger.content if c.event in _THREAT_ACTS
                     and not in_condition(c.anchor, trigger.anchor)
                     and (background(trigger) or not background(c))), None)
    if event == "AGREE" and forceful is not None and not mood.negated:
        return "THREATEN", lex.content_modes["THREATEN"].get(forceful.event)
    if event in lex.content_modes and mode is None:
        mode = _content_mode(trigger, lex)
    return event, mode


def _failed(trigger: Trigger) -> bool:
    """'failed to reach agreement': the event is named by a verb of failure right above it."""
    anchor = trigger.anchor
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in ("fail", "refuse", "decline")


def _has_future_modal(trigger: Trigger) -> bool:
    anchor = trigger.anchor
    for token in (anchor, anchor.head):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS_FUTURE for c in token.children):
            return True
        if token.i == anchor.head.i and anchor.dep_ not in ("xcomp", "conj"):
            break
    return False


def _content_mode(trigger: Trigger, lex: Lexicon) -> str | None:
    modes = lex.content_modes.get(trigger.event, {})
    for inner in sorted(trigger.content, key=lambda t: t.token.i):
        if inner.event in modes:
            return modes[inner.event]
    words = {t.lemma_.lower() for t in _content_tokens(trigger)}
    allowed = set(modes.values())
    for mode, cues in lex.content_words:
        if mode in allowed and words & cues:
            return mode
    return None


def _content_tokens(trigger: Trigger) -> list[Token]:
    anchor = trigger.noun if trigger.noun is not None else trigger.anchor
    return [t for t in anchor.subtree if t.i != anchor.i]


def _status(event: str, original: str, mood: Modality) -> str:
    if event == "REJECT" and original != "REJECT":
        return "negated"  # 'will never discuss': a refusal, and the act refused did not happen
    if event in ("THREATEN", "AGREE") and original not in ("THREATEN", "AGREE"):
        return "occurred" if not mood.hypothetical else "hypothetical"
    return mood.status


def _actor_heads(trigger: Trigger) -> list[Token]:
    head: Token | None = None
    if trigger.verb is None:  # a noun trigger, or an adjective one ('eager to talk') with neither
        head = roles.noun_actor(trigger.noun) or roles.accused_of(trigger.noun) if trigger.noun is not None else None
        if head is None and trigger.event == "CONSULT" and trigger.noun is not None and time_reference(trigger.noun):
            head = _timing_subject(trigger.noun)
    else:
        head = roles.subject_of(trigger.verb)
        if head is not None and trigger.event == "AGREE" and _names_agreed_act(head, trigger.verb):
            head = roles.subject_of(trigger.verb.head)  # '..., part of a series of swaps agreed at the talks'
        if head is None and trigger.noun is not None:
            head = roles.noun_actor(trigger.noun)
    if head is None or roles.venue_modifier(head):
        return []
    if roles.is_weapon(head) and not _has_state_modifier(head):
        owner = roles.noun_actor(head)
        return roles.conjuncts(owner) if owner is not None else []
    party = head if roles.is_weapon(head) else roles.party_or_owner(head)  # 'Russian drones' are Russia's military
    if party is None:
        party = _producer(head)
    return roles.conjuncts(party) if party is not None else []


def _timing_subject(noun: Token) -> Token | None:
    """'The two sides have argued since the first round of talks': talks named to place a clause in time, with
    no parties of their own, were held by the sentence's parties: the nearest subject above them that is a party
    ('the two sides have found little ..., while the fighting has intensified since the talks')."""
    token = noun
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            subject = roles.subject_of(token)
            if subject is not None and roles.is_party(subject):
                return subject
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _names_agreed_act(subject: Token, verb: Token) -> bool:
    """'X exchanged soldiers, part of a series of swaps agreed during talks' (parsed with 'part' as the subject of
    'agreed'): a subject that is no party and names an act (through 'part/series of') is what was agreed, and
    the parties are those of the clause the agreement hangs on."""
    if verb.dep_ not in ("advcl", "conj") or roles.is_party(subject):
        return False
    heads = lexicon().noun_heads
    return any(t.lemma_.lower() in heads or t.lower_ in heads for t in subject.subtree if t.pos_ == "NOUN")


def _producer(thing: Token) -> Token | None:
    """'X put out a report accusing Y': an event whose subject is a thing someone made is that maker's act."""
    if thing.dep_ in ("dobj", "pobj") and thing.head.pos_ in ("VERB", "AUX", "ADP"):
        verb = thing.head if thing.dep_ == "dobj" else thing.head.head
        subject = roles.subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.i != thing.i:
            return roles.party_or_owner(subject)
    return None


def _has_state_modifier(token: Token) -> bool:
    return any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in token.children)


def _parties(heads: list[Token], article: _Article) -> list[dict[str, Any]]:
    parties = []
    for head in heads:
        mention = _mention_words(head)
        for party in _party(head, article):
            if party["name"] and party["name"] not in {p["name"] for p in parties}:
                parties.append({**party, "mention": mention})  # a copy: state parties are shared
    return parties


def _mention_words(head: Token) -> str:
    """The words of the sentence that name a party ('the Nigerian army' for Nigeria); a pronoun whose reporter
    the sentence names is named by the reporter ('Washington said it would ...')."""
    if head.pos_ == "PRON":
        matrix = _matrix_subject(head)
        return roles.mention_span(matrix).text if matrix is not None else head.text
    return roles.mention_span(roles.named_apposition(head)).text


def _party(head: Token, article: _Article) -> list[dict[str, Any]]:
    if head.pos_ == "PRON":
        matrix = _matrix_subject(head)
        return _party(matrix, article) if matrix is not None else _pronoun_party(head, article)
    head = roles.named_apposition(head)
    span = roles.mention_span(head)
    if _BOTH_SIDES.match(span.text) or roles.both_sides(head):
        return article.states[-2:][::-1]
    nationalities = roles.nationality_list(head)
    if nationalities and actor_table().is_state_group(f"{nationalities[0].text} {head.text}"):
        return [state_party(f"{n.text} {head.text}", article.entities) for n in nationalities]
    return [party_from_span(span, article.entities, _mention_name(span))]


def _matrix_subject(pronoun: Token) -> Token | None:
    """'Washington informed Ukraine that it would not ...': a subject pronoun in a reported clause is the
    reporter when they agree in kind (person for he/she, not a person for it/they)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ccomp":
        return None
    matrix = next((c for c in pronoun.head.head.children if c.dep_ == "nsubj"), None)
    if matrix is None or matrix.pos_ == "PRON":
        return None
    person = matrix.ent_type_ == "PERSON"
    return matrix if (pronoun.lower_ in ("he", "she")) == person else None


def _pronoun_party(pronoun: Token, article: _Article) -> list[dict[str, Any]]:
    quoted_by = roles.quote_speaker(pronoun)  # '“...,” he wrote': the last person who was a subject before
    if quoted_by is not None:
        return [party_from_span(quoted_by, article.entities, _mention_name(quoted_by))]
    if article.entities is not None and hasattr(article.entities, "before"):
        types = ("PERSON",) if pronoun.lower_ in ("he", "she", "him", "her", "his") else ("GPE", "ORG", "NORP")
        entity = article.entities.before(roles.outside_quote(pronoun), types)
        if entity is not None:
            return [{"entity_id": getattr(entity, "id", None), "name": getattr(entity, "name", ""),
                     "country": getattr(entity, "country", None), "sector": getattr(entity, "sector", None)}]
    if pronoun.lower_ in ("they", "them", "their") and article.states:
        return [article.states[-1]]
    found = roles.resolve_pronoun(pronoun)
    return [party_from_span(found, None, _mention_name(found))] if found is not None else []


def _mention_name(span: Span) -> str:
    """A person's name inside a titled mention ('Kremlin spokesman Dmitry Peskov' -> 'Dmitry Peskov').  Read off
    the tokens' entity tags: Span.ents rebuilds every entity of the document on each call."""
    tokens = list(span)
    if not tokens or tokens[-1].ent_type_ == "ORG":
        return span.text
    end = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].ent_type_ == "PERSON"), None)
    if end is None or end != len(tokens) - 1:  # 'the Juarez drug cartel' is not Juarez
        return span.text
    start = end
    while start > 0 and tokens[start].ent_iob_ == "I" and tokens[start - 1].ent_type_ == "PERSON":
        start -= 1
    return span[start:end + 1].text


def _place_and_targets(
    trigger: Trigger, event: str, sent: _Sent, recipients: list[dict[str, Any]], article: _Article
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The event place; a town attacked or seized is the event's place, and its country the recipient."""
    target = _recipient_place(trigger, event, article)
    if target is not None:
        mention, place = target
        country = party_for_country(place.country_code) if place.country_code and place.kind != "country" else None
        if country is not None:
            country["_place"] = _tidy_name(mention.split(",")[0])  # the place itself, if the country is the actor
            country["mention"] = mention
            named = {_tidy_name(mention.split(",")[0]), place.resolved_place}
            recipients = [country if r["name"] in named or r["name"].endswith(_tidy_name(mention.split(",")[0]))
                          else r for r in recipients] or [country]
        return place.as_event_loc(mention), _unique(recipients)
    located = _locative_place(trigger, sent, article)
    if located is not None:
        mention, place = located
        return (place.as_event_loc(mention) if place else _unresolved(mention)), recipients
    return None, recipients


def _recipient_head(event: str, trigger: Trigger, article: _Article) -> Token | None:
    """roles.recipient_of, read once per event: the recipient and the place attacked both ask for it."""
    key = (event, trigger.token.i)
    if key not in article.recipient_heads:
        article.recipient_heads[key] = roles.recipient_of(event, trigger.verb, trigger.noun,
                                                          article.lex.content_nouns)
    return article.recipient_heads[key]


def _recipient_place(trigger: Trigger, event: str, article: _Article) -> tuple[str, Place] | None:
    if event not in ("ASSAULT", "COERCE", "MOBILIZE", "CONSULT", "PROTEST"):
        return None
    head = _recipient_head(event, trigger, article)
    if head is None:
        return None
    for target in map(roles.place_of, roles.conjuncts(head)):
        span = roles.without_possessor(roles.mention_span(target))
        if not (target.ent_type_ in _PLACE_LABELS or (target.pos_ == "PROPN" and target.ent_type_ not in _PARTY_NAMES)):
            continue
        if actor_table().is_state_group(span.text) and target.ent_type_ != "GPE":
            continue
        if event == "CONSULT" and target.dep_ == "pobj" and target.head.lower_ in _VENUE_PREPS:
            continue  # 'met in Istanbul': where they met, not whom
        mention = _with_admin_tail(span)
        place = gazetteer().resolve(mention, article.prefer)
        if place is not None and not (event == "CONSULT" and place.kind == "country"):
            return mention, place
    return None


def _locative_place(trigger: Trigger, sent: _Sent, article: _Article) -> tuple[str, Place | None] | None:
    """A place in a locative phrase of the trigger's clause, else of the sentence."""
    where = where_place(trigger.anchor, article.prefer)
    if where is not None:
        return where
    mentions = sent.place_mentions()
    if not mentions:
        return None
    parties = {t.i for c in trigger.anchor.children if c.dep_ == "nsubj" for t in c.subtree}
    candidates = [e for e in mentions if not any(i in parties for i in range(e.start, e.end))]
    if len(candidates) > 1:
        scope = _clause_tokens(trigger)
        candidates.sort(key=lambda e: (not any(i in scope for i in range(e.start, e.end)), e.start))
    unresolved: str | None = None
    for ent in candidates:
        mention = _with_admin_tail(ent)
        place = gazetteer().resolve(mention, article.prefer)
        if place is not None:
            return mention, place
        unresolved = unresolved or mention
    return (unresolved, None) if unresolved else None


def _untagged_places(tokens: list[Token]) -> list[Span]:
    """Proper nouns after a locative preposition that the tagger did not call places ('near Pokrovsk')."""
    spans = []
    for token in tokens:
        if token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE and not token.ent_type_:
            spans.append(roles.mention_span(token))
    return spans


def _locative(ent: Span) -> bool:
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _LOCATIVE:
        return True
    if root.dep_ in ("appos", "conj", "npadvmod", "compound") and head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
        return True
    if roles.venue_modifier(root):
        return True
    if root.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() in roles.AWAY_VERBS:
        return True  # 'withdraw its troops from the Donbas region'
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in roles.PLACE_HEADS:
        return True  # 'the northern city of Kirkuk', 'a residential sector of eastern Beirut'
    return root.dep_ in ("nsubjpass",) or ent.label_ == "FAC"


def _clause_tokens(trigger: Trigger) -> set[int]:
    anchor = trigger.anchor
    tokens = {t.i for t in anchor.subtree}
    if trigger.noun is not None:
        tokens |= {t.i for t in trigger.noun.subtree}
    return tokens


def _with_admin_tail(span: Span) -> str:
    """'Lozova' followed by ', Kharkiv Oblast' or ' in Kharkiv Oblast' keeps the admin area as a hint."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in _PLACE_LABELS:
        tail_end = end + 1
        while tail_end < len(doc) and doc[tail_end].ent_iob_ in ("B", "I") and (
                tail_end == end + 1 or doc[tail_end].ent_iob_ == "I"):
            tail_end += 1
        if tail_end < len(doc) and doc[tail_end].lower_ in ("oblast", "region", "province"):
            tail_end += 1
        return f"{span.text}, {doc[end + 1:tail_end].text}"
    return span.text


def _unresolved(mention: str) -> dict[str, Any]:
    return {"extracted_place": mention, "resolved_place": None, "geonameid": None, "lat": None, "lon": None,
            "country_code": None, "admin1": None}


def _target_country(place: dict[str, Any] | None, actors: list[dict[str, Any]],
                    prefer: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """An attack on a place in another country than the attacker's is an attack on that country; an attack on no
    named place, by one side of the article's conflict, is on the other side."""
    if not place or not place.get("country_code"):
        return opponent(actors, prefer)
    country = party_for_country(place["country_code"])
    if country is None or country["country"] in {a.get("country") for a in actors}:
        return []
    return [country]


def _carry_assault_actor(actors: list[dict[str, Any]], article: _Article) -> list[dict[str, Any]]:
    """An attack with no named attacker ('Odesa was hit by glide bombs') takes the attacker of the article's
    previous attack; the article's first named attacker is remembered for the next."""
    if actors:
        article.last_assault_actor = actors
        return actors
    return [{**a, "mention": None} for a in article.last_assault_actor]  # not named in this sentence


def _consult_mode(trigger: Trigger, mode: str | None, actors: list[dict[str, Any]],
                  recipients: list[dict[str, Any]], place: dict[str, Any] | None, sent: _Sent) -> str | None:
    if mode in ("visit", "phone"):
        return mode
    text = sent.text
    parties = actors + recipients
    if _MULTILATERAL.search(text) or len(parties) >= 3:
        return "multilateral"
    if _MEDIATION.search(text):
        return "third-party"
    countries = {p.get("country") for p in parties if p.get("country")}
    if place and place.get("country_code") and countries:
        iso3 = (party_for_country(place["country_code"]) or {}).get("country")
        if iso3 and iso3 not in countries:
            return "third-party"
    return mode


def _dates(trigger: Trigger, article: _Article) -> list[DateRef]:
    """The event's date, or its dates when its date phrase lists several ('on 3 March and 19 April')."""
    if article.dating is None:
        return [DateRef(None, None)]
    token = trigger.anchor
    dates = article.dating.dates_of(token.idx, token.idx + len(token.text))
    noun = trigger.noun
    if dates[0].source != "text" and noun is not None and noun.i != token.i:
        # the light verb's clause is undated, the noun's own is not: 'carry out what officials said would be
        # the largest exchange this weekend'
        own = article.dating.dates_of(noun.idx, noun.idx + len(noun.text))
        if own[0].source == "text":
            return own
    return dates


def _date_field(ref: DateRef) -> dict[str, Any]:
    return {"value": ref.value, "source": ref.source}


def _phrase(trigger: Trigger) -> dict[str, Any]:
    """The event's own words within its sentence (extract/phrase.py): what cross-document matching compares."""
    span = event_phrase(trigger.token, trigger.verb)
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


def _evidence(sent: _Sent) -> dict[str, Any]:
    """The sentence without the blank lines spaCy keeps at its end."""
    text = sent.text.rstrip()
    return {"start": sent.start_char, "end": sent.start_char + len(text), "text": text}


def _confidence(trigger: Trigger, actors: list[dict[str, Any]], recipients: list[dict[str, Any]]) -> float:
    score = 0.55 if trigger.noun is not None and trigger.verb is None else 0.7
    score += 0.2 if actors else 0.0
    score += 0.05 if recipients else 0.0
    score -= 0.25 if background(trigger) else 0.0  # a mention in passing, not the report
    return round(min(score, 0.95), 2)


def _salience(trigger: Trigger) -> tuple[bool, int, int, int]:
    """Reported events before background mentions (triggers.background: 'since Russia launched its invasion',
    'the activist it arrested'), then higher in the parse first.  Complements of reporting and raising verbs
    ('said', 'is set to') and prepositions do not count as levels; an adverbial clause ('... to protest X')
    counts two."""
    lex = lexicon()
    depth = 0
    token = trigger.anchor
    while token.head.i != token.i and depth < 50:
        dep = token.dep_
        token = token.head
        lemma = token.lemma_.lower()
        if dep in ("prep", "pobj"):
            continue
        if dep in ("xcomp", "ccomp") and (lemma in lex.reporting_verbs or lemma in lex.transparent_verbs):
            continue
        depth += 2 if dep in ("advcl", "relcl", "acl") else 1
    if _purpose_of_call(trigger):
        depth -= 3  # 'called Y to congratulate him': the call carries the act
    verbal = 0 if trigger.verb is not None and trigger.verb.i == trigger.token.i else 1
    return background(trigger), depth, verbal, trigger.token.i


def _purpose_of_call(trigger: Trigger) -> bool:
    anchor = trigger.anchor
    return (trigger.event in VERBAL_ACTS and anchor.dep_ in ("advcl", "xcomp")
            and anchor.head.lemma_.lower() in ("call", "phone", "telephone", "ring"))


def _merge_same_type(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per type and actor in a sentence: 'launched strikes ... the strikes killed' is one attack.  A
    background mention ('since the invasion began') is another event than the one reported."""
    kept: list[dict[str, Any]] = []
    for event in events:
        past = background_kind(event["_trigger"]) == "adjunct"
        twin = next((k for k in kept if k["event"] == event["event"] and _same_actors(k, event)
                     and (background_kind(k["_trigger"]) == "adjunct") == past and not _told_apart(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        for key in ("recipient", "actor"):
            twin[key] = twin[key] or event[key]
        twin["event_loc"] = twin["event_loc"] or event["event_loc"]
        twin["mode"] = twin["mode"] or event["mode"]
    return kept


def _told_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two mentions of one type in a sentence are two happenings when their dates cannot be one day: both dated
    by the text ('the shelling on Monday followed an attack on Saturday'), or the later one dated by its own
    phrase after an undated one ('praised the raids, and a separate attack that happened on Thursday').  An
    undated mention after a dated one retells it ('ambushed the convoy on Sunday, and the attack killed four')."""
    date_a, date_b = a["_when"][0], b["_when"][0]
    if date_a.value is None or date_b.value is None or may_overlap(date_a.value, date_b.value):
        return False
    if date_a.source == date_b.source == "text":
        return True
    later = max(a, b, key=lambda e: e["_trigger"].token.i)
    return later["_when"][0].via == "phrase"


def _same_actors(a: dict[str, Any], b: dict[str, Any]) -> bool:
    names_a = {p["name"] for p in a["actor"]}
    names_b = {p["name"] for p in b["actor"]}
    return not names_a or not names_b or bool(names_a & names_b)


def _assign_counts(events: list[dict[str, Any]], counts: dict[str, tuple[int, int] | None], offset: int) -> None:
    """Each count goes to the event of a fitting type whose trigger is nearest to the number."""
    dead = counts.get("dead")
    for field_name, types in _COUNT_FIELDS.items():
        found = counts.get(field_name)
        if found is None:
            continue
        value, at = found
        if field_name == "people" and dead is not None and dead[0] == value:
            continue
        fitting = [e for e in events if e["event"] in types]
        if fitting:
            target = min(fitting, key=lambda e: abs(e["_trigger"].token.idx - offset - at))
            target["size"][field_name] = value


def _article_countries(doc: Doc, ents: list[Span] | None = None) -> tuple[str, ...]:
    """ISO2 codes of the countries an article names, most named first (to rank same-named places); `ents` the
    document's entities in text order, when the caller has them."""
    table = actor_table()
    counts: dict[str, int] = {}
    for ent in doc.ents if ents is None else ents:
        if ent.label_ in ("GPE", "NORP"):
            country = table.country_in(ent.text)
            if country is not None:
                counts[country.iso2] = counts.get(country.iso2, 0) + 1
    return tuple(sorted(counts, key=lambda c: -counts[c]))


def _note_states(article: _Article, sent: _Sent) -> None:
    """Remember the states a sentence names, for 'the two sides' and 'they' later on."""
    table = actor_table()
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        text = sent.text[ent.start_char - sent.start_char:ent.end_char - sent.start_char]  # ent.text, not rejoined
        country = table.is_state_group(text) or table.country_in(text)
        if country is None:
            continue
        party = {"entity_id": None, "name": country.name, "country": country.iso3, "sector": "GOV"}
        article.states = [s for s in article.states if s["name"] != country.name] + [party]


def _tidy_name(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)


def _unique(parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for party in parties:
        if party["name"] not in seen:
            seen.add(party["name"])
            out.append(party)
    return out
