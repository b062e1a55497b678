"""Statements: direct quotations and reported speech, with speaker, cue and implied speech act.

    find_statements(doc, entities=None, broad=False) -> list[dict]   # record.schema.json `statements`

Three passes over a parsed article:
1. every reporting cue (a verb from data/reporting_verbs.yaml, or "according to") whose speaker looks like a
   person, organisation or pronoun yields the content the parse gives it: a that-clause, an object for
   speech-act verbs ("rejected the plan"), a prepositional object ("accused Kyiv of ..."), or the clause it
   interrupts ("..., he said, ..."). Quotation marks over that content make it direct or mixed;
2. a cue with no content of its own takes the quotation next to it (`"...," he said.` / `He said: "..."`);
3. quotations still unattributed inherit the speaker of the statement just before them, of a `Name:` lead-in,
   or of a person introduced in the previous sentence.
`broad=True` also emits beliefs ("believes", "wants") and evidence ("the poll shows"), which attribution
corpora such as PolNeAR annotate; the product default is speech only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.extract.attribution import (
    EntityIndexLike,
    Speaker,
    SpeakerNamer,
    is_speaker_like,
    make_speaker,
    subject_of,
)
from dossier.extract.quotes import QuoteSpan, find_quote_spans
from dossier.extract.reporting import CueEntry, Lexicon, load_lexicon

CONTENT_DEPS = ("ccomp",)
CUE_CLAUSE_DEPS = ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "dative", "agent", "prt")
CUE_LEFT_DEPS = ("aux", "neg", "advmod")
TELL_VERBS = frozenset({"tell", "inform", "assure", "remind", "warn", "promise", "ask"})
EDGE_PUNCT = set(" \t\n,.;:—–-")
NAME_COLON = re.compile(
    r"^[ \t]*[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:"
    r"[ \t]+(?P<content>\S[^\n]*?)[\"”]?[ \t]*$",
    re.MULTILINE,
)
COLON_LABELS = frozenset({
    "update", "updated", "photo", "photos", "video", "watch", "read", "related", "note", "editor's note", "correction",
    "source", "sources", "credit", "caption", "image", "warning", "breaking", "listen", "see", "also", "q", "a",
    "subscribe", "share", "tags", "topics", "location", "published", "first published", "by", "opinion", "analysis",
    "exclusive", "live", "explainer", "factbox", "timeline", "interview", "transcript", "fact check", "q&a",
})
DASH_SIGNATURE = re.compile(r"[^\S\n]*(?P<dash>―|—|–|--|-)[^\S\n]*(?P<rest>\S.*)")
SIGNERS = ("PERSON", "ORG")
LINE_SPACE = re.compile(r"[^\S\n]+$")
INTERRUPTED_DEPS = ("advcl", "ccomp", "csubj")
LEAD_WORDS = frozenset({"that", "which", "who", "what", ","})
MIN_FLOATING_WORDS = 4
MAX_CUE_GAP = 90
MAX_OPENING_GAP = 45
DIRECT_SLACK = 0.1  # unquoted words a direct statement may carry besides the cue, relative to the quoted ones


@dataclass
class Found:
    cue_start: int
    cue_end: int
    cue: str | None
    act: str
    start: int  # content
    end: int
    speaker: Speaker | None
    confidence: float
    kind: str = "indirect"
    quote: QuoteSpan | None = None  # the quotation a direct statement is made of
    verb: Token | None = None
    follows: Found | None = field(default=None, repr=False)  # the statement a floating quote continues


@dataclass
class Context:
    doc: Doc
    lex: Lexicon
    quotes: list[QuoteSpan]
    broad: bool
    text: str = ""
    sentences: list[Span] = field(default_factory=list)  # doc.sents is recomputed on every access
    sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.doc.text
        self.sentences = list(self.doc.sents)
        self.sentence_starts = [s.start for s in self.sentences]

    def sentence_of(self, token: Token) -> Span:
        return self.sentences[bisect_right(self.sentence_starts, token.i) - 1]

    def quote_around(self, pos: int) -> QuoteSpan | None:
        return next((q for q in self.quotes if q.start <= pos < q.end), None)

    def quotes_in(self, start: int, end: int) -> list[QuoteSpan]:
        return [q for q in self.quotes if q.start < end and q.end > start]


def find_statements(doc: Doc, entities: EntityIndexLike | None = None, *, broad: bool = False) -> list[dict]:
    """Direct, indirect and mixed statements of `doc` in text order, as record `statements` dicts."""
    ctx = Context(doc, load_lexicon(), [], broad)
    ctx.quotes = find_quote_spans(ctx.text)
    found = _dedupe([f for tok in doc if (f := _from_cue(tok, ctx)) is not None])
    found += _name_colon_lines(ctx, found)
    found += _floating_quotes(ctx, found)
    found.sort(key=lambda f: (f.start, f.end))
    _name_speakers(ctx, entities, found)
    return [_as_record(i, f, ctx) for i, f in enumerate(found, 1)]


# --- pass 1 and 2: cues -----------------------------------------------------------------------------------


def _from_cue(token: Token, ctx: Context) -> Found | None:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return _from_according_to(token, ctx)
    if token.lower_ == "in" and ctx.broad:
        return _from_in_source(token, ctx)
    if token.pos_ not in ("VERB", "AUX") and not (token.pos_ == "NOUN" and token.tag_ == "VBZ"):
        return None
    entry = ctx.lex.entry_for(token)
    if entry is None or not entry.allows(ctx.broad) or ctx.quote_around(token.idx) is not None:
        return None
    subject, inherited = subject_of(token)
    any_noun = entry.core or ctx.broad
    if subject is not None and not is_speaker_like(subject, ctx.lex, broad=ctx.broad, any_noun=any_noun):
        return None
    if subject is None and not _is_passive_report(token):
        return None
    widen = ctx.broad and token.lemma_ not in TELL_VERBS
    content, act = _content_tokens(token, entry.widened() if widen else entry)
    speaker = make_speaker(subject, ctx.text) if subject is not None else None
    found = _with_content(token, content, ctx)
    if found is None:
        return None
    found.speaker, found.act, found.verb = speaker, act, token
    found.cue_start, found.cue_end, found.cue = _cue_phrase(token, content)
    found.confidence = _confidence(found, inherited)
    return found


def _is_passive_report(verb: Token) -> bool:
    """"It was reported that ..." : an attribution without a source."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "ccomp" for c in verb.children)


def _content_tokens(verb: Token, entry: CueEntry) -> tuple[list[Token], str]:
    tokens: list[Token] = []
    act = entry.act
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS:
            tokens.extend(child.subtree)
        elif child.i > verb.i and _is_complement(child, entry):
            tokens.extend(child.subtree)
            tokens.extend(t for o in objects for t in o.subtree)
        elif child.dep_ == "dobj" and child.i > verb.i and "object" in entry.takes:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.i > verb.i and child.lower_ in entry.takes:
            tokens.extend(t for t in child.subtree if t.i != child.i)
            act = entry.prep_acts.get(child.lower_, act)
            if "object" in entry.takes or child.lower_ in ("of", "for"):
                tokens.extend(t for o in objects for t in o.subtree)
    if tokens and not any(c.dep_ == "ccomp" for c in verb.children):  # "called on Kyiv to negotiate"
        tokens.extend(t for c in verb.rights if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for t in c.subtree)
    if not tokens and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        tokens = _interrupted_clause(verb)
    return _trim(sorted(set(tokens), key=lambda t: t.i), verb), act


def _interrupted_clause(verb: Token) -> list[Token]:
    """"Though X, he said, Y": the clause a parenthetical cue interrupts, with the clause the parser hung on
    the cue itself ("Though X") put back."""
    skip = {t.i for t in verb.subtree}
    for child in verb.lefts:
        if child.dep_ in INTERRUPTED_DEPS:
            skip -= {t.i for t in child.subtree}
    return [t for t in verb.head.subtree if t.i not in skip]


def _is_complement(child: Token, entry: CueEntry) -> bool:
    """"promised to leave", "urged Kyiv to talk", "called the plan a disaster"."""
    if child.dep_ == "xcomp":
        return "infinitive" in entry.takes or _is_naming(child, entry)
    return child.dep_ in ("oprd", "attr") and "naming" in entry.takes


def _is_naming(child: Token, entry: CueEntry) -> bool:
    return "naming" in entry.takes and child.pos_ in ("NOUN", "PROPN", "ADJ")


def _trim(tokens: list[Token], verb: Token) -> list[Token]:
    """Drop the cue's own clause and leading relative words ("that he said were ..." -> "were ...")."""
    if not tokens:
        return tokens
    cue_side = {t.i for t in verb.subtree} - {t.i for t in tokens}
    runs: list[list[Token]] = [[]]
    for tok in tokens:
        if runs[-1] and (tok.i != runs[-1][-1].i + 1 or tok.i - 1 in cue_side):
            runs.append([])
        runs[-1].append(tok)
    runs = [r for r in runs if not all(t.lower_ in LEAD_WORDS or t.is_punct for t in r)] or runs
    start, end = runs[0][0].i, runs[-1][-1].i
    doc = verb.doc
    while start <= end and ((doc[start].is_punct and not doc[start].is_quote) or _is_complementizer(doc[start])):
        start += 1
    while end >= start and doc[end].is_punct and not doc[end].is_quote:
        end -= 1
    return [doc[i] for i in range(start, end + 1)]


def _is_complementizer(token: Token) -> bool:
    return token.lower_ in ("that", "whether", "if") and token.dep_ == "mark"


def _with_content(verb: Token, content: list[Token], ctx: Context) -> Found | None:
    if content:
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        return _classify_by_quotes(start, end, ctx, _cue_clause(verb))
    quote = _adjacent_quote(verb, ctx)
    if quote is None:
        return None
    return Found(0, 0, None, "CLAIM", quote.start, quote.end, None, 0.0, kind="direct", quote=quote)


def _cue_clause(verb: Token) -> list[Token]:
    """The words of "the coach said" that may interrupt a quotation without making it mixed."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ in CUE_CLAUSE_DEPS:
            tokens.extend(child.subtree)
    return tokens


def _classify_by_quotes(start: int, end: int, ctx: Context, cue_clause: list[Token],
                        quotes: list[QuoteSpan] | None = None) -> Found:
    """Direct when quotations cover the content (but for an interrupting "he said"), mixed when they are part."""
    quotes = ctx.quotes_in(start, end) if quotes is None else quotes
    if quotes:
        quoted = sum(_visible_length(ctx.text, max(start, q.start), min(end, q.end)) for q in quotes)
        cue_chars = sum(_visible_length(t.text, 0, len(t.text)) for t in cue_clause if start <= t.idx < end)
        unquoted = _visible_length(ctx.text, start, end) - cue_chars - quoted
        if unquoted <= DIRECT_SLACK * quoted + 2:
            quote = max(quotes, key=lambda q: min(end, q.end) - max(start, q.start))
            if len(quotes) > 1:
                quote = quotes[0]  # the others continue it: pass 3 attaches them
            return Found(0, 0, None, "CLAIM", quote.start, quote.end, None, 0.0, kind="direct", quote=quote)
        start = min(start, min(q.open_mark for q in quotes))
        end = max(end, max(q.outer_end for q in quotes))
        return Found(0, 0, None, "CLAIM", start, end, None, 0.0, kind="mixed")
    return Found(0, 0, None, "CLAIM", start, end, None, 0.0)


def _visible_length(text: str, start: int, end: int) -> int:
    return sum(1 for ch in text[start:end] if ch.isalnum())


def _adjacent_quote(verb: Token, ctx: Context) -> QuoteSpan | None:
    """The quotation a bare cue closes (`"...," he said`) or opens (`he said: "..."`), found in the text around
    the cue rather than in the parser's sentence, which often splits a quotation from its cue."""
    verb_end = verb.idx + len(verb)
    preceding = next((q for q in reversed(ctx.quotes) if q.outer_end <= verb.idx), None)
    following = next((q for q in ctx.quotes if q.open_mark >= verb_end), None)
    if preceding is not None and _closes_into_cue(ctx.text, preceding, verb.idx):
        return preceding
    if following is not None and _opens_after_cue(ctx.text[verb_end:following.open_mark]):
        return following
    return None


def _closes_into_cue(text: str, quote: QuoteSpan, cue_start: int) -> bool:
    """`"...," he said` / `"...?" asked the mayor`: the quotation ends on a comma-like mark right before the cue."""
    gap = text[quote.outer_end:cue_start]
    inner_end = text[quote.start:quote.end].rstrip()[-1:] or "."
    comma_like = inner_end in ",?!—–-…" or gap.lstrip()[:1] == ","
    return comma_like and len(gap) <= MAX_CUE_GAP and not any(ch in gap for ch in ".!?\n\"“”")


def _opens_after_cue(gap: str) -> bool:
    """`he said: "..."` / `he told reporters, "..."`: a short stretch ending in a colon or comma."""
    stripped = gap.rstrip()
    return len(gap) <= MAX_OPENING_GAP and stripped.endswith((",", ":")) and "\n" not in stripped


def _from_according_to(token: Token, ctx: Context) -> Found | None:
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or ctx.quote_around(token.idx) is not None:
        return None
    sent = ctx.sentence_of(token)
    skip = {token.i} | {t.i for t in to.subtree}  # "According" may head the whole sentence in the parse
    content = _trim([t for t in sent if t.i not in skip], token)
    if not any(t.pos_ in ("VERB", "AUX") for t in content):  # the parser hung the clause on the source
        comma = next((t for t in sent if t.i > source.i and t.text == ","), None)
        content = _trim([t for t in sent if comma is not None and t.i > comma.i], token)
    if not content:
        return None
    content_ids = {t.i for t in content}
    cue_clause = [t for t in token.subtree if t.i not in content_ids]
    found = _classify_by_quotes(content[0].idx, content[-1].idx + len(content[-1]), ctx, cue_clause)
    found.speaker = make_speaker(source, ctx.text) if is_speaker_like(source, ctx.lex, broad=True) else None
    found.cue_start, found.cue_end = token.idx, to.idx + len(to)
    found.cue, found.act, found.verb = ctx.text[found.cue_start:found.cue_end], ctx.lex.according_act, token
    found.confidence = _confidence(found, inherited=False)
    return found


def _from_in_source(token: Token, ctx: Context) -> Found | None:
    """"In the latest survey, the governor led by 6 points": a clause-opening "In <poll/study/report>," makes
    the document the source of the rest of the clause (broad mode only)."""
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    sent = ctx.sentence_of(token)
    if source is None or token.i != sent.start or not _is_document(source, ctx.lex):
        return None
    if ctx.lex.entry_for(token.head) is not None:  # "In a statement, she said ...": the verb is the cue
        return None
    comma = next((t for t in sent if t.i > source.i and t.text == ","), None)
    if comma is None or comma.i > token.head.i or ctx.quote_around(token.idx) is not None:
        return None
    skip = {t.i for t in token.subtree}
    content = _trim([t for t in sent if t.i > comma.i and t.i not in skip], token)
    if not content:
        return None
    found = _classify_by_quotes(content[0].idx, content[-1].idx + len(content[-1]), ctx, list(token.subtree))
    found.speaker = make_speaker(source, ctx.text)
    found.cue_start, found.cue_end, found.cue = token.idx, token.idx + len(token), token.text
    found.act, found.verb = ctx.lex.according_act, token
    found.confidence = _confidence(found, inherited=False)
    return found


def _is_document(noun: Token, lex: Lexicon) -> bool:
    """A poll, study or report, not a medium of speech ("statement", "interview")."""
    lemma = noun.lemma_.lower()
    return lemma in lex.evidence_nouns and lemma not in lex.media


def _cue_phrase(verb: Token, content: list[Token]) -> tuple[int, int, str]:
    """The reporting phrase: auxiliaries and adjacent adverbs, the verb, its particle, "reporters" after
    "told", the preposition the content hangs on, and "on social media" / "in a statement"."""
    doc = verb.doc
    content_ids = {t.i for t in content}
    head = verb.head if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") else verb
    left = [c for c in head.lefts if c.dep_ in CUE_LEFT_DEPS and c.i >= head.i - 3 and _adjacent_chain(c, head)]
    start = left[0].i if left else head.i
    end = verb.i
    for child in verb.rights:
        if child.i in content_ids:
            continue
        if _extends_cue(child, verb, end):
            end = max(end, child.right_edge.i)
        elif child.dep_ == "prep" and child.i == end + 1 and content and content[0].i == child.i + 1:
            end = child.i
    end = max(end, _content_prep_end(verb, content))
    span = doc[start:end + 1]
    return span.start_char, span.end_char, span.text


def _extends_cue(child: Token, verb: Token, end: int) -> bool:
    """A particle, the addressee of "told" ("told reporters"), or the medium ("on social media")."""
    if child.dep_ == "prt":
        return True
    if child.dep_ in ("dobj", "dative") and verb.lemma_ in TELL_VERBS:
        return len(list(child.subtree)) <= 3 and child.i == end + 1
    return child.dep_ == "prep" and child.lower_ in ("on", "in") and child.i <= end + 3 and _names_medium(child)


def _adjacent_chain(child: Token, head: Token) -> bool:
    return all(t.dep_ in CUE_LEFT_DEPS or t.dep_ in ("aux", "xcomp") for t in head.doc[child.i:head.i])


def _content_prep_end(verb: Token, content: list[Token]) -> int:
    """'called on', 'calling for': the preposition right before the content belongs to the cue."""
    if content and content[0].i - 1 > verb.i:
        before = verb.doc[content[0].i - 1]
        if before.dep_ == "prep" and before.head.i == verb.i:
            return before.i
    return verb.i


def _names_medium(prep: Token) -> bool:
    media = load_lexicon().media
    return any(t.lemma_.lower() in media or t.lower_ in media for t in prep.subtree if t is not prep)


def _confidence(found: Found, inherited: bool) -> float:
    score = 0.9 if found.kind == "direct" else 0.8
    if found.speaker is None:
        score -= 0.2
    elif inherited:
        score -= 0.1
    return round(score, 2)


def _dedupe(found: list[Found]) -> list[Found]:
    """One statement per content: a second cue on the same words ("refused to acknowledge") is dropped."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: -f.confidence):
        if not any(_same_content(f, k) for k in kept):
            kept.append(f)
    return kept


def _same_content(a: Found, b: Found) -> bool:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0 and overlap >= 0.8 * max(a.end - a.start, b.end - b.start)


# --- pass 3: "NAME: ..." lines and floating quotations -------------------------------------------------


def _name_colon_lines(ctx: Context, found: list[Found]) -> list[Found]:
    """Transcript and headline attributions: `PENCE: Well, ...`, `Zelensky: Russia wants war`."""
    out = []
    for line in NAME_COLON.finditer(ctx.text):
        name_span = ctx.doc.char_span(line.start("name"), line.end("name"), alignment_mode="expand")
        start, end = line.start("content"), line.end("content")
        if name_span is None or not _is_colon_speaker(name_span, ctx) or _overlaps_any(start, end, found):
            continue
        opened = ctx.text[line.start():line.start("name")].strip()  # `"PENCE: ...` transcript paragraphs
        quotes = [q for q in ctx.quotes_in(start, end) if not opened or q.open_mark >= start]
        statement = _classify_by_quotes(start, end, ctx, [], quotes)
        if statement.kind == "direct":
            continue  # a quotation after "Name:" is left to the floating pass, which knows its exact span
        colon = line.start("content") - 1
        while ctx.text[colon] != ":":
            colon -= 1
        statement.speaker = make_speaker(name_span[-1], ctx.text)
        statement.cue_start, statement.cue_end, statement.cue = colon, colon + 1, ":"
        statement.confidence = 0.6
        out.append(statement)
    return out


def _is_colon_speaker(name: Span, ctx: Context) -> bool:
    if name.text.lower() in COLON_LABELS or name[0].lower_ in COLON_LABELS:
        return False
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in name):
        return True
    if name.text.isupper() and len(name.text) >= 3:
        return True
    if not ctx.broad:
        return False
    headline = name.start_char == _first_visible_char(ctx.text)  # `Sanders: Clinton must ...` as a title
    return headline or name[-1].pos_ == "PROPN" or name[-1].lemma_.lower() in ctx.lex.evidence_nouns


def _first_visible_char(text: str) -> int:
    return len(text) - len(text.lstrip())


def _overlaps_any(start: int, end: int, found: list[Found]) -> bool:
    return any(f.start < end and start < f.end for f in found)


# --- floating quotations --------------------------------------------------------------------------


def _floating_quotes(ctx: Context, found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for quote in ctx.quotes:
        if not quote.double or _is_claimed(quote, found) or _word_count(ctx.text, quote) < MIN_FLOATING_WORDS:
            continue
        known = sorted(found + out, key=lambda f: f.start)
        continued = _continued_in_sentence(quote, ctx, known)
        if continued is not None:
            out.append(continued)
        elif _stands_alone(ctx.text, quote):
            out.append(_attribute_floating(quote, ctx, known))
    return out


def _continued_in_sentence(quote: QuoteSpan, ctx: Context, found: list[Found]) -> Found | None:
    """`"A," he said, "B."` : B continues the statement whose cue sits between the two quotations."""
    previous = next((f for f in reversed(found) if f.end <= quote.start), None)
    if previous is None or previous.quote is None or previous.cue is None:
        return None
    gap = ctx.text[previous.quote.outer_end:quote.open_mark]
    if len(gap) > MAX_CUE_GAP or "\n" in gap or not previous.quote.outer_end <= previous.cue_start < quote.open_mark:
        return None
    return _continuation(quote, previous, confidence=previous.confidence)


def _continuation(quote: QuoteSpan, previous: Found, confidence: float) -> Found:
    return Found(previous.cue_start, previous.cue_end, previous.cue, previous.act, quote.start, quote.end,
                 previous.speaker, confidence, kind="direct", quote=quote, follows=previous)


def _is_claimed(quote: QuoteSpan, found: list[Found]) -> bool:
    return any(f.start <= quote.start < f.end or quote.start <= f.start < quote.end for f in found)


def _word_count(text: str, quote: QuoteSpan) -> int:
    return len(text[quote.start:quote.end].split())


def _stands_alone(text: str, quote: QuoteSpan) -> bool:
    """A whole sentence in quotation marks, not a title or a scare-quoted phrase inside a sentence."""
    before = text[max(0, quote.open_mark - 3):quote.open_mark].strip()
    inner = text[quote.start:quote.end].rstrip()
    opens_paragraph = LINE_SPACE.sub("", text[max(0, quote.open_mark - 20):quote.open_mark])[-1:] in ("", "\n")
    return (opens_paragraph or not before or before[-1] in ".!?:\"”") and (inner[-1:] in ".!?,…—-" or not quote.closed)


def _attribute_floating(quote: QuoteSpan, ctx: Context, found: list[Found]) -> Found:
    floating = Found(quote.open_mark, quote.open_mark, None, "CLAIM", quote.start, quote.end, None, 0.3,
                     kind="direct", quote=quote)
    lead = _colon_lead(quote, ctx)
    if lead is not None:
        floating.speaker, floating.cue, floating.confidence = make_speaker(lead, ctx.text), ":", 0.7
        return floating
    signature = _dash_signature(quote, ctx)
    if signature is not None:
        dash_start, dash_end, name = signature
        floating.speaker, floating.confidence = make_speaker(name, ctx.text), 0.7
        floating.cue_start, floating.cue_end, floating.cue = dash_start, dash_end, ctx.text[dash_start:dash_end]
        return floating
    previous = next((f for f in reversed(found) if f.end <= quote.start), None)
    if previous is not None and previous.speaker is not None and _within_paragraphs(ctx.text, previous, quote):
        return _continuation(quote, previous, confidence=0.6)
    person = _subject_of_previous_sentence(quote, ctx)
    if person is not None:
        floating.speaker, floating.confidence = make_speaker(person, ctx.text), 0.5
    return floating


def _dash_signature(quote: QuoteSpan, ctx: Context) -> tuple[int, int, Token] | None:
    """`"..." - Jane Doe` / `"..."― Jane Doe`: a name after a dash that closes the paragraph (the tokenizer
    may glue the dash to the closing mark, so the dash is found in the text)."""
    text = ctx.text
    match = DASH_SIGNATURE.match(text, quote.outer_end, _paragraph_end(text, quote.outer_end))
    if match is None:
        return None
    tail = ctx.doc.char_span(match.start("rest"), match.end("rest"), alignment_mode="expand")
    if tail is None or not 1 <= len(tail) <= 7:
        return None
    names = [t for t in tail if t.idx >= match.start("rest") and (t.pos_ == "PROPN" or t.ent_type_ in SIGNERS)]
    return (match.start("dash"), match.end("dash"), names[-1]) if names else None


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _colon_lead(quote: QuoteSpan, ctx: Context) -> Token | None:
    """`Zelensky: "..."` - a name right before a colon that opens the quotation."""
    text = ctx.text
    before = text[:quote.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = ctx.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    candidate = ctx.doc[colon.start - 1]
    if candidate.ent_type_ in ("PERSON", "ORG") or candidate.pos_ == "PROPN":
        sentence = ctx.sentence_of(candidate)
        return candidate if not any(t.pos_ == "VERB" for t in sentence if t.i < colon.start) else None
    return None


def _within_paragraphs(text: str, previous: Found, quote: QuoteSpan) -> bool:
    """The previous statement ends in this paragraph or the one before, with nothing but quotes between."""
    gap = text[previous.end:quote.open_mark]
    return gap.count("\n\n") + (gap.count("\n") - 2 * gap.count("\n\n")) <= 1 and len(gap) < 300


def _subject_of_previous_sentence(quote: QuoteSpan, ctx: Context) -> Token | None:
    span = ctx.doc.char_span(quote.open_mark, quote.outer_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    previous = ctx.sentence_of(ctx.doc[span.start - 1])
    return next((t for t in previous if t.dep_ == "nsubj" and t.ent_type_ == "PERSON"), None)


# --- naming and output ------------------------------------------------------------------------------------


def _name_speakers(ctx: Context, entities: EntityIndexLike | None, found: list[Found]) -> None:
    namer = SpeakerNamer(ctx.doc, entities, ctx.sentences)
    for f in sorted(found, key=lambda f: min(f.start, f.speaker.start if f.speaker else f.start)):
        if f.speaker is None or f.follows is not None:
            continue
        if f.speaker.name is None:
            namer.name(f.speaker)
        else:
            namer.remember(f.speaker)


def _as_record(index: int, f: Found, ctx: Context) -> dict[str, Any]:
    text = ctx.text
    lo = min(f.start, f.cue_start if f.cue else f.start, f.speaker.start if f.speaker else f.start)
    hi = max(f.end, f.cue_end if f.cue else f.end, f.speaker.end if f.speaker else f.end)
    ev_start, ev_end = _sentence_bounds(ctx, lo, hi)
    return {
        "id": f"s{index}",
        "kind": f.kind,
        "quote": {"start": f.start, "end": f.end, "text": text[f.start:f.end]},
        "speaker": f.speaker.as_dict() if f.speaker else None,
        "cue": f.cue,
        "act": f.act,
        "date": None,
        "date_source": None,
        "confidence": f.confidence,
        "evidence": {"start": ev_start, "end": ev_end, "text": text[ev_start:ev_end]},
    }


def _sentence_bounds(ctx: Context, lo: int, hi: int) -> tuple[int, int]:
    first = ctx.doc.char_span(lo, max(lo + 1, hi), alignment_mode="expand")
    if first is None or not len(first):
        return lo, hi
    return ctx.sentence_of(first[0]).start_char, ctx.sentence_of(first[-1]).end_char
