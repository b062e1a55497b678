"""HTML path of the cleaning stage: article body and metadata from one raw HTML page.

trafilatura does the body extraction (precision mode, with recall-mode and densest-container
fallbacks). Metadata comes from our own reading of the page, in order of trust:
JSON-LD (`NewsArticle` and kin), OpenGraph and other meta tags, the visible `<h1>` and byline,
then trafilatura's and htmldate's guesses. Every candidate goes through the validators in
`dossier.clean.metadata`. Nothing here raises on malformed or truncated HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from lxml import etree
from lxml.html import HtmlElement

from dossier.clean.cues import cue_reason
from dossier.clean.metadata import (
    clean_authors,
    clean_title,
    is_agency,
    is_boilerplate_line,
    norm_key,
    valid_pub_date,
)
from dossier.clean.teasers import Block, Kind, find_teasers
from dossier.record import Cleaned, Published, Related, Removed

__all__ = ["PageMeta", "clean_html", "page_metadata"]

MIN_BODY_WORDS = 60
_PRUNE_XPATH = [
    "//figcaption",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]",
    "//*[contains(@class, 'newsletter') and not(self::body) and not(self::article)]",
    "//*[(contains(@class, 'comment') or contains(@id, 'comments')) and not(contains(@class, 'commentary'))"
    " and not(self::body) and not(self::article) and not(self::main)]",
]
_ARTICLE_TYPES = ("article", "posting", "report")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "article.published",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "article_date_original",
    "original-publish-date",
    "og:article:published_time",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)
_DESC_META = ("og:description", "description", "twitter:description")
_SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher")
_TITLE_META = ("og:title", "twitter:title", "headline", "title")
_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author']"
    "|//*[contains(@class,'byline') or contains(@class,'author-name') or contains(@class,'author__name')"
    " or contains(@class,'AuthorName') or contains(@class,'article-author')"
    " or contains(@class,'contributor')]"
)
_WORD = re.compile(r"\w+", re.UNICODE)
_BIO_CUE = re.compile(
    r"^\s*(is|was|has been|covers|writes|joined|reports)\b|^\s*\([^)]*\)\s*is\b", re.IGNORECASE
)


# ---------------------------------------------------------------------------
# page metadata: JSON-LD, meta tags, h1, bylines
# ---------------------------------------------------------------------------
@dataclass
class PageMeta:
    """What the page says about itself, before validation."""

    ld_article: dict[str, Any] = field(default_factory=dict)
    ld_site: str | None = None
    metas: dict[str, list[str]] = field(default_factory=dict)
    h1s: list[str] = field(default_factory=list)
    html_title: str | None = None
    bylines: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)

    def meta(self, *names: str) -> list[str]:
        return [v for n in names for v in self.metas.get(n, [])]

    def first_meta(self, *names: str) -> str | None:
        values = self.meta(*names)
        return values[0] if values else None


def _text(el: HtmlElement) -> str:
    try:
        return " ".join(el.text_content().split())
    except (ValueError, TypeError):
        return ""


def _load_json(raw: str) -> Any:
    raw = raw.strip().rstrip(";")
    raw = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        return None


def _walk_ld(obj: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(obj, list):
        for item in obj:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(obj, dict):
        yield obj
        if "@graph" in obj:
            yield from _walk_ld(obj["@graph"], depth + 1)
        if isinstance(obj.get("mainEntity"), dict | list):
            yield from _walk_ld(obj["mainEntity"], depth + 1)


def _ld_types(obj: dict[str, Any]) -> list[str]:
    typ = obj.get("@type") or []
    return [str(t).lower() for t in (typ if isinstance(typ, list) else [typ])]


def _is_article(obj: dict[str, Any]) -> bool:
    return any(k in t for t in _ld_types(obj) for k in _ARTICLE_TYPES) and bool(
        obj.get("headline") or obj.get("datePublished") or obj.get("author")
    )


def _read_json_ld(tree: HtmlElement, meta: PageMeta) -> None:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        for obj in _walk_ld(_load_json(script.text or "")):
            types = _ld_types(obj)
            if not meta.ld_article and _is_article(obj):
                meta.ld_article = obj
            elif meta.ld_site is None and "website" in types and isinstance(obj.get("name"), str):
                meta.ld_site = obj["name"]


def _read_meta_tags(tree: HtmlElement, meta: PageMeta) -> None:
    for el in tree.xpath("//meta[@content]"):
        content = " ".join((el.get("content") or "").split())
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key:
                meta.metas.setdefault(key, []).append(content)


def _read_visible(tree: HtmlElement, meta: PageMeta) -> None:
    meta.h1s = [t for t in (_text(h) for h in tree.xpath("//body//h1")) if t]
    titles = tree.xpath("//title")
    meta.html_title = _text(titles[0]) if titles else None
    for el in tree.xpath(_BYLINE_XPATH)[:20]:
        text = el.get("content") or _text(el)
        if text and len(text) <= 200:
            meta.bylines.append(text)
    meta.times = [t.get("datetime") or "" for t in tree.xpath("//time[@datetime]")][:200]


def page_metadata(tree: HtmlElement) -> PageMeta:
    """Collect JSON-LD, meta tags, headings, bylines and <time> values from a parsed page."""
    meta = PageMeta()
    for reader in (_read_json_ld, _read_meta_tags, _read_visible):
        try:
            reader(tree, meta)
        except (ValueError, TypeError, etree.XPathError):
            continue
    return meta


# ---------------------------------------------------------------------------
# outlet, title
# ---------------------------------------------------------------------------
def _ld_name(value: Any) -> list[str]:
    """Names out of a JSON-LD person/organization value (string, dict or list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            return [str(n) for n in name]
        return [str(name)] if name else []
    if isinstance(value, list):
        return [n for v in value for n in _ld_name(v)]
    return []


def _outlet(meta: PageMeta, url: str | None, extracted: str | None) -> str | None:
    publisher = _ld_name(meta.ld_article.get("publisher"))
    candidates = [meta.first_meta("og:site_name"), meta.ld_site, *publisher[:1], extracted]
    for cand in candidates:
        if cand and not cand.startswith(("http", "@")) and len(cand) <= 80:
            return cand.strip()
    if url:
        host = urlparse(url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


def _overlap(a: str, b: str) -> float:
    wa, wb = set(norm_key(a).split()), set(norm_key(b).split())
    return len(wa & wb) / max(1, len(wa | wb))


def _pick_h1(meta: PageMeta, refs: list[str], outlet: str | None) -> str | None:
    h1s = [h for h in meta.h1s if 1 < len(h.split()) <= 40 and norm_key(h) != norm_key(outlet)]
    if not h1s:
        return None
    if not refs:
        return h1s[0]
    best = max(h1s, key=lambda h: max(_overlap(h, r) for r in refs))
    if len(h1s) > 1 and max(_overlap(best, r) for r in refs) < 0.2:
        return None
    for ref in refs:  # an h1 with a one- or two-word section label glued on ("News Headline ...")
        prefix = norm_key(best)[: -len(norm_key(ref)) or None]
        if norm_key(best).endswith(norm_key(ref)) and 0 < len(prefix.split()) <= 2:
            return ref
    return best


def _title(meta: PageMeta, outlet: str | None, extracted: str | None) -> str | None:
    headline = meta.ld_article.get("headline")
    refs = [clean_title(t, outlet) for t in [
        headline if isinstance(headline, str) else None,
        *meta.meta(*_TITLE_META)[:2],
        extracted,
        meta.html_title,
    ] if t]
    refs = [r for r in refs if r]
    title = _pick_h1(meta, refs, outlet) or (refs[0] if refs else None)
    return clean_title(title, outlet) if title else None


# ---------------------------------------------------------------------------
# authors
# ---------------------------------------------------------------------------
def _ld_authors(meta: PageMeta) -> tuple[list[str], list[str]]:
    """(person names, organization names) from the JSON-LD article's author field."""
    value = meta.ld_article.get("author")
    items = value if isinstance(value, list) else [value] if value else []
    people: list[str] = []
    orgs: list[str] = []
    for item in items:
        names = _ld_name(item)
        is_org = isinstance(item, dict) and "organization" in " ".join(_ld_types(item))
        (orgs if is_org else people).extend(names)
    return people, orgs


def _meta_authors(meta: PageMeta) -> list[str]:
    return [v for v in meta.meta(*_AUTHOR_META) if not v.startswith(("http", "www.", "@"))]


_TEXT_BYLINE = re.compile(r"(?:^|\s)by\s+([A-Z][^\n]{2,120})")


def _visible_byline(meta: PageMeta, top_lines: list[str], outlet: str | None) -> list[str]:
    """Names from the first byline element that gives any, else from a "By ..." line near the top."""
    for text in meta.bylines:
        names = clean_authors([text], outlet)
        if names:
            return names
    for line in top_lines:
        m = _TEXT_BYLINE.search(line)
        if m and len(line.split()) <= 16:
            names = clean_authors([m.group(1)], outlet)
            if names:
                return names
    return []


def _choose_authors(
    meta: PageMeta, outlet: str | None, extracted: str | None, top_lines: list[str]
) -> list[str]:
    """Structured authors (JSON-LD, meta), checked against the visible byline.

    The visible byline wins when it names at least one structured author (it is what readers
    see, and it keeps co-authors that JSON-LD sometimes drops) or when there is no structured one.
    """
    people, orgs = _ld_authors(meta)
    banned = {norm_key(p) for p in _ld_name(meta.ld_article.get("publisher")) if not is_agency(p)}

    def valid(cands: list[str]) -> list[str]:
        return [n for n in clean_authors(cands, outlet) if norm_key(n) not in banned]

    structured = valid(people) or valid(_meta_authors(meta))
    visible = [n for n in _visible_byline(meta, top_lines, outlet) if norm_key(n) not in banned]
    keys = {norm_key(n) for n in structured}
    if visible and (not structured or keys & {norm_key(n) for n in visible}):
        return visible
    return structured or valid([extracted] if extracted else []) or valid(orgs)


# ---------------------------------------------------------------------------
# publication date
# ---------------------------------------------------------------------------
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)


def _parse_when(value: str) -> tuple[date, datetime | None] | None:
    """A date, and the aware datetime when the value carries a time and an offset."""
    m = _ISO.search(value or "")
    if not m:
        return None
    y, mo, d, hh, mi, ss, tz = m.groups()
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if hh is None or tz is None:
        return day, None
    if tz in ("Z", "UTC", "GMT"):
        offset = timedelta(0)
    else:
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        stamp = datetime(day.year, day.month, day.day, int(hh), int(mi), int(ss or 0), tzinfo=UTC) - offset
    except ValueError:
        return day, None
    return day, stamp if offset == timedelta(0) else None


def _local_day(day: date, utc_stamp: datetime | None, meta: PageMeta) -> date:
    """A UTC timestamp is moved to the page's own local day when a <time> gives the same instant."""
    if utc_stamp is None:
        return day
    for value in meta.times:
        m = _ISO.search(value)
        if not m or m.group(7) in (None, "Z", "UTC", "GMT") or m.group(4) is None:
            continue
        parsed = _parse_when(value.replace(m.group(7), "Z"))
        if parsed is None or parsed[1] is None:
            continue
        tz = m.group(7)
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if abs((parsed[1] - offset) - utc_stamp) <= timedelta(minutes=2):
            return parsed[0]
    return day


def _date_candidates(meta: PageMeta) -> Iterator[tuple[str, str, float]]:
    """(raw value, evidence, confidence) in order of trust."""
    for key in ("datePublished", "dateCreated"):
        value = meta.ld_article.get(key)
        if isinstance(value, str):
            yield value, f"json-ld {key}", 0.95
    for name in _DATE_META:
        for value in meta.metas.get(name, []):
            yield value, f"meta {name}", 0.9


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_TEXT_DATE = re.compile(
    r"\b(?:(?P<m1>[a-z]{3})[a-z]*\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3})[a-z]*\.?,?\s+(?P<y2>\d{4}))\b",
    re.IGNORECASE,
)
_PUB_HINT = re.compile(r"publish|posted|pubdate|date[-_]?created|article[-_]?date|byline", re.IGNORECASE)
_VISIBLE_DATE_XPATH = (
    "//time[@datetime][@pubdate or @itemprop='datePublished' or contains(@class, 'publish')"
    " or contains(translate(../text(), 'PUBLISHEDOT', 'publishedot'), 'posted')"
    " or contains(translate(../text(), 'PUBLISHEDOT', 'publishedot'), 'published')]"
    "|//*[@id or @class][not(self::time)][contains(@id, 'publish') or contains(@id, 'posted')"
    " or contains(@id, 'pubdate') or contains(@class, 'publish') or contains(@class, 'pubdate')"
    " or contains(@class, 'posted-on')]"
)


def _text_date(text: str) -> str | None:
    """ISO form of an English "December 13, 2023" / "13 Dec 2023" date, or of an ISO date."""
    iso = _ISO.search(text)
    if iso:
        return iso.group(0)
    m = _TEXT_DATE.search(text)
    if not m:
        return None
    month = _MONTHS.get((m.group("m1") or m.group("m2")).lower())
    day, year = int(m.group("d1") or m.group("d2")), int(m.group("y1") or m.group("y2"))
    return f"{year:04d}-{month:02d}-{day:02d}" if month else None


def _visible_dates(tree: HtmlElement) -> Iterator[tuple[str, str, float]]:
    """Dates the page shows as its publication date: <time pubdate>, "posted on", id="date_posted"."""
    try:
        elements = tree.xpath(_VISIBLE_DATE_XPATH)[:10]
    except etree.XPathError:
        return
    for el in elements:
        if el.tag == "time":
            yield el.get("datetime") or "", "html <time> publication date", 0.8
            continue
        text = _text(el)
        value = _text_date(text) if len(text) <= 80 else None
        if value:
            yield value, f"html element {el.get('id') or el.get('class')}", 0.75


def _htmldate(tree: HtmlElement, url: str | None, limit: date) -> str | None:
    try:
        from htmldate import find_date

        return find_date(
            tree, url=url, original_date=True, extensive_search=True,
            outputformat="%Y-%m-%d", max_date=limit.isoformat(),
        )
    except Exception:  # htmldate raises a variety of errors on odd pages
        return None


def _published(
    meta: PageMeta, tree: HtmlElement, url: str | None, now: datetime, not_after: date | None
) -> Published:
    for value, evidence, confidence in _date_candidates(meta):
        parsed = _parse_when(value)
        if parsed is None:
            continue
        day = _local_day(parsed[0], parsed[1], meta)
        if valid_pub_date(day, now, not_after):
            return Published(day.isoformat(), "day", "metadata", confidence, evidence)
    for value, evidence, confidence in _visible_dates(tree):
        parsed = _parse_when(value)
        if parsed and valid_pub_date(parsed[0], now, not_after):
            return Published(parsed[0].isoformat(), "day", "metadata", confidence, evidence)
    limit = min(now.date(), not_after) if not_after else now.date()
    found = _htmldate(tree, url, limit)
    parsed = _parse_when(found or "")
    if parsed and valid_pub_date(parsed[0], now, not_after):
        return Published(parsed[0].isoformat(), "day", "metadata", 0.7, "htmldate")
    return Published()


# ---------------------------------------------------------------------------
# body
# ---------------------------------------------------------------------------
def _extract(html: str, url: str | None, mode: str) -> tuple[str, dict[str, Any]]:
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            html, url=url, favor_precision=mode == "precision", favor_recall=mode == "recall",
            include_comments=False, include_tables=False, with_metadata=True,
            prune_xpath=_PRUNE_XPATH,
        )
    except Exception:  # trafilatura can fail deep inside lxml on broken pages
        return "", {}
    if doc is None:
        return "", {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return data.get("text") or "", data


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _densest_paragraphs(tree: HtmlElement) -> str:
    """Paragraph text of the element holding the most <p> text: a last-resort body."""
    best, best_len = None, 0
    for el in tree.xpath("//body//*[p]"):
        size = sum(len(_text(p)) for p in el.findall("p"))
        if size > best_len:
            best, best_len = el, size
    if best is None:
        return ""
    return "\n".join(t for t in (_text(p) for p in best.findall("p")) if t)


def _body_text(html: str, tree: HtmlElement | None, meta: PageMeta, url: str | None) -> tuple[str, dict]:
    body, data = _extract(html, url, "precision")
    if _n_words(body) >= MIN_BODY_WORDS and _prose_like(body):
        return body, data
    tries = [body]
    for mode in ("standard", "recall"):
        text, more = _extract(html, url, mode)
        data = data or more
        tries.append(text)
        if _n_words(text) >= MIN_BODY_WORDS and _prose_like(text):
            return text, data
    ld_body = meta.ld_article.get("articleBody")
    if isinstance(ld_body, str):
        tries.append(ld_body)
    if tree is not None:
        tries.append(_densest_paragraphs(tree))
    is_article = bool(meta.ld_article) or meta.first_meta("og:type") == "article"
    keep = [t for t in tries if is_article or _prose_like(t)]
    return (max(keep, key=_n_words) if keep else ""), data


def _prose_like(text: str) -> bool:
    """Most words sit in sentence-length lines: not a menu, a link list or a table of names."""
    total = _n_words(text)
    in_sentences = sum(_n_words(line) for line in text.splitlines() if _n_words(line) >= 8)
    return total > 0 and in_sentences >= 0.5 * total


def _same_text(a: str, b: str) -> bool:
    return bool(a) and norm_key(a) == norm_key(b)


def _is_byline(line: str, authors: list[str]) -> bool:
    key = norm_key(line)
    if len(key.split()) > 12:
        return False
    return bool(re.match(r"^(?:\w+ ){0,3}by ", key)) or any(norm_key(a) in key for a in authors if a)


def _is_bio(line: str, authors: list[str]) -> bool:
    return any(author and line.startswith(author) and _BIO_CUE.match(line[len(author):]) for author in authors)


def _filter_lines(lines: list[str], title: str | None, authors: list[str]) -> tuple[list[str], list[Removed]]:
    kept: list[str] = []
    removed: list[Removed] = []
    tail = max(0, len(lines) - 3)
    for i, line in enumerate(lines):
        reason = None
        if i < 4 and title and _same_text(line, title):
            reason = "headline repeated in body"
        elif is_boilerplate_line(line):
            reason = "boilerplate line"
        elif i < 6 and _is_byline(line, authors):
            reason = "byline"
        elif i < 3 and len(line.split()) == 1 and len(lines) > 3:
            reason = "section label"
        elif i >= tail and _is_bio(line, authors):
            reason = "author bio"
        elif kept and _same_text(line, kept[-1]):
            reason = "repeated paragraph"
        if reason:
            removed.append(Removed(line, reason))
        else:
            kept.append(line)
    return kept, removed


def _dek(tree: HtmlElement, meta: PageMeta, body: str) -> str | None:
    """The standfirst, when the page shows its meta description as visible text above the body."""
    desc = next((d for d in meta.meta(*_DESC_META) if _n_words(d) >= 6), None)
    if not desc or norm_key(desc)[:80] in norm_key(body):
        return None
    want = norm_key(desc)
    for el in tree.xpath("//body//*[self::p or self::h2 or self::div or self::span or self::h3]"):
        if len(el) > 4:
            continue
        text = _text(el)
        if text and norm_key(text) == want:
            return text
    return None


def _clean_body(
    raw: str, tree: HtmlElement | None, meta: PageMeta, title: str | None, authors: list[str]
) -> tuple[str, list[Removed]]:
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    lines = [line for line in lines if line]
    kept, removed = _filter_lines(lines, title, authors)
    dek = _dek(tree, meta, "\n".join(kept)) if tree is not None and kept else None
    if dek:
        kept.insert(0, dek)
    return "\n\n".join(kept), removed


# ---------------------------------------------------------------------------
# related-article teasers outside the body
# ---------------------------------------------------------------------------
_BLOCK_TAGS = (
    "p", "div", "section", "article", "aside", "header", "footer", "main", "li", "ul", "ol", "dl", "dd", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "td", "th", "nav", "form", "figure",
    "figcaption",
)
_SKIP_TAGS = frozenset(
    {"nav", "form", "button", "select", "figure", "figcaption", "script", "style", "noscript", "template", "svg"}
)
# Containers whose text other rules own (captions, comments, appeals, author boxes), by class or id.
_SKIP_ATTR = re.compile(
    r"comment|caption|credit|newsletter|cookie|consent|paywall|subscri|donat|sign-?up|share|social|byline|author"
    r"|\bbio\b|\bmenu\b|breadcrumb",
    re.IGNORECASE,
)
_MAX_BLOCKS = 2000
_BODY_MIN_WORDS = 4


def _own_skip(node: HtmlElement) -> bool:
    tag = node.tag.lower() if isinstance(node.tag, str) else ""
    return tag in _SKIP_TAGS or bool(_SKIP_ATTR.search(f"{node.get('class') or ''} {node.get('id') or ''}"))


def _page_blocks(tree: HtmlElement) -> list[str]:
    """Visible leaf text blocks of the page in reading order (block elements with no block inside, under
    <body>), without furniture containers.  One pass down the tree for the furniture, one up from each
    block for the leaves: linear in the page, where an XPath for leaves is quadratic."""
    body = tree.find(".//body") if tree.tag != "body" else tree
    if body is None:
        return []
    skipped: dict[HtmlElement, bool] = {body: any(_own_skip(n) for n in (body, *body.iterancestors()))}
    blocks: list[HtmlElement] = []
    for el in body.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        skipped[el] = skipped.get(el.getparent(), False) or _own_skip(el)
        if el.tag.lower() in _BLOCK_TAGS:
            blocks.append(el)
    inner: set[HtmlElement] = set()  # block elements with a block inside
    for el in blocks:
        for ancestor in el.iterancestors():
            if ancestor is body or ancestor in inner:
                break
            if isinstance(ancestor.tag, str) and ancestor.tag.lower() in _BLOCK_TAGS:
                inner.add(ancestor)
    leaves = [el for el in blocks if el not in inner][:_MAX_BLOCKS]
    return [t for t in (_text(el) for el in leaves if not skipped[el]) if t]


def _claimed(text: str) -> bool:
    return cue_reason(text, _n_words(text)) is not None or is_boilerplate_line(text)


def _html_block_kinds(texts: list[str], body: str, title: str | None) -> list[Kind]:
    """body / free / other for each block.  What comes before the body is the host's header (headline,
    standfirst, a summary that trafilatura left out), never a card."""
    body_key, title_key = norm_key(body), norm_key(title)
    kinds: list[Kind] = []
    for text in texts:
        key = norm_key(text)
        if len(key.split()) >= _BODY_MIN_WORDS and key in body_key:
            kinds.append("body")
        elif (title_key and key == title_key) or _claimed(text):
            kinds.append("other")
        else:
            kinds.append("free")
    first_body = kinds.index("body") if "body" in kinds else len(kinds)
    header: list[Kind] = ["other"] * first_body
    return header + kinds[first_body:]


def _html_teasers(tree: HtmlElement, body: str, title: str | None, outlet: str | None) -> list[Related]:
    """Teaser cards outside the extracted body: each needs its headline (a heading or link line above it)."""
    texts = _page_blocks(tree)
    blocks = [Block(t, k) for t, k in zip(texts, _html_block_kinds(texts, body, title), strict=True)]
    found = find_teasers(blocks, outlet=outlet, need_headline=True)
    return [Related(title=texts[t.headline] if t.headline is not None else None, text=texts[t.index]) for t in found]


def _related_removed(related: list[Related]) -> list[Removed]:
    out: list[Removed] = []
    for item in related:
        if item.title:
            out.append(Removed(item.title, "related article"))
        out.append(Removed(item.text, "related article"))
    return out


# ---------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------
def _parse(html: str) -> HtmlElement | None:
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception:  # lxml raises several error types on garbage
        return None
    return tree if isinstance(tree, HtmlElement) else None


def clean_html(
    html: str, *, url: str | None = None, now: datetime | None = None, not_after: date | None = None
) -> Cleaned:
    """Article body, title, authors, outlet and publication date of one HTML page."""
    if not html or not html.strip():
        return Cleaned(body="")
    now = now or datetime.now(UTC)
    tree = _parse(html)
    meta = page_metadata(tree) if tree is not None else PageMeta()
    raw_body, extracted = _body_text(html, tree, meta, url)
    outlet = _outlet(meta, url, extracted.get("sitename"))
    title = _title(meta, outlet, extracted.get("title"))
    top_lines = raw_body.splitlines()[:6]
    authors = _choose_authors(meta, outlet, extracted.get("author"), top_lines)
    body, removed = _clean_body(raw_body, tree, meta, title, authors)
    published = _published(meta, tree, url, now, not_after) if tree is not None else Published()
    related = _html_teasers(tree, body, title, outlet) if tree is not None and body else []
    return Cleaned(body=body, title=title, authors=authors, outlet=outlet, published=published,
                   removed=removed + _related_removed(related), related=related)
