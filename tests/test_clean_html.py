"""HTML cleaning path and metadata validation, on small pages written for these tests."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from dossier.clean.html import clean_html
from dossier.clean.metadata import clean_authors, clean_title, is_boilerplate_line, valid_pub_date
from dossier.record import Cleaned

NOW = datetime(2024, 6, 1, tzinfo=UTC)

PARAS = [
    "The harbour authority in Port Elmsley voted on Tuesday to close the old ferry pier after "
    "engineers found cracks in three of its supporting columns during a routine inspection.",
    "Council members said the closure would last at least six months while repair options are "
    "studied, and that passengers would be redirected to the newer terminal on the east bank.",
    "Local shop owners near the pier warned that the loss of foot traffic could hurt their "
    "winter trade, and asked the council for a temporary reduction in business rates.",
    "The authority said a public meeting on the repair plan will be held next month at the "
    "town hall, where residents can put questions to the engineering firm.",
]


def page(
    *,
    head: str = "",
    h1: str = "Harbour authority closes old ferry pier",
    byline: str = "",
    paras: list[str] | None = None,
    extra: str = "",
) -> str:
    body = "".join(f"<p>{p}</p>" for p in (paras if paras is not None else PARAS))
    return (
        f"<html><head><title>{h1} | Elmsley Gazette</title>{head}</head><body>"
        "<nav><a href='/'>Home</a><a href='/news'>News</a><a href='/sport'>Sport</a></nav>"
        f"<article><h1>{h1}</h1>{byline}<div class='article-body'>{body}</div>{extra}</article>"
        "<footer><p>Copyright 2023 Elmsley Gazette. All rights reserved.</p></footer>"
        "</body></html>"
    )


def json_ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_json_ld_author_title_and_date() -> None:
    ld = json_ld({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Harbour authority closes old ferry pier",
        "datePublished": "2023-11-14T09:30:00+00:00",
        "author": [{"@type": "Person", "name": "Marta Quill"}, {"@type": "Person", "name": "Owen Tarrant"}],
        "publisher": {"@type": "Organization", "name": "Elmsley Gazette"},
    })
    out = clean_html(page(head=ld), url="https://gazette.example/news/pier", now=NOW)
    assert out.authors == ["Marta Quill", "Owen Tarrant"]
    assert out.title == "Harbour authority closes old ferry pier"
    assert out.outlet == "Elmsley Gazette"
    assert out.published.date == "2023-11-14"
    assert out.published.method == "metadata"
    assert out.published.evidence == "json-ld datePublished"
    assert "cracks in three of its supporting columns" in out.body
    assert "Harbour authority closes" not in out.body.split("\n\n")[0]
    assert "All rights reserved" not in out.body


def test_meta_only_date() -> None:
    head = '<meta property="article:published_time" content="2023-10-02T18:00:00-04:00">'
    out = clean_html(page(head=head), now=NOW)
    assert out.published.date == "2023-10-02"
    assert out.published.evidence == "meta article:published_time"


def test_future_date_rejected() -> None:
    head = '<meta property="article:published_time" content="2031-01-01T10:00:00Z">'
    out = clean_html(page(head=head), now=NOW)
    assert out.published.date != "2031-01-01"


def test_not_after_bound() -> None:
    head = '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
    out = clean_html(page(head=head), now=NOW, not_after=date(2024, 1, 1))
    assert out.published.date != "2024-03-05"


def test_utc_timestamp_uses_local_day_from_time_element() -> None:
    head = '<meta property="article:published_time" content="2024-01-09T02:40:00Z">'
    byline = '<p class="meta">Posted <time datetime="2024-01-08T21:40:00-05:00">Jan 8, 9:40 PM</time></p>'
    out = clean_html(page(head=head, byline=byline), now=NOW)
    assert out.published.date == "2024-01-08"


def test_author_equal_to_site_name_rejected() -> None:
    head = (
        '<meta property="og:site_name" content="Elmsley Gazette">'
        '<meta name="author" content="Elmsley Gazette">'
    )
    out = clean_html(page(head=head), now=NOW)
    assert out.outlet == "Elmsley Gazette"
    assert out.authors == []


def test_email_author_rejected() -> None:
    head = '<meta name="author" content="newsdesk@gazette.example">'
    out = clean_html(page(head=head), now=NOW)
    assert out.authors == []


def test_visible_byline_with_date_tail() -> None:
    byline = '<div class="byline">By Marta Quill and Owen Tarrant | Nov. 14, 2023 at 9:30 a.m.</div>'
    out = clean_html(page(byline=byline), now=NOW)
    assert out.authors == ["Marta Quill", "Owen Tarrant"]
    assert "Marta Quill" not in out.body


def test_title_site_suffix_stripped_without_h1() -> None:
    html = page(h1="x").replace("<h1>x</h1>", "").replace("<title>x |", "<title>Pier closes |")
    head = '<meta property="og:site_name" content="Elmsley Gazette">'
    out = clean_html(html.replace("</head>", head + "</head>"), now=NOW)
    assert out.title == "Pier closes"


def test_boilerplate_lines_removed() -> None:
    paras = [
        PARAS[0], "Advertisement", PARAS[1],
        "Sign up for our daily newsletter to get the news in your inbox",
        PARAS[2], "Related: Ferry fares rise again", PARAS[3],
    ]
    out = clean_html(page(paras=paras), now=NOW)
    assert "Advertisement" not in out.body
    assert "newsletter" not in out.body
    assert "Related:" not in out.body
    assert all(p in out.body for p in PARAS)
    assert {r.reason for r in out.removed} >= {"boilerplate line"}


def test_truncated_html_does_not_crash() -> None:
    html = page()
    out = clean_html(html[: len(html) * 2 // 3], now=NOW)
    assert isinstance(out, Cleaned)
    assert "harbour authority in Port Elmsley" in out.body


@pytest.mark.parametrize("html", ["", "   ", "\n\n"])
def test_empty_html(html: str) -> None:
    out = clean_html(html, now=NOW)
    assert out.body == ""
    assert out.published.date is None


@pytest.mark.parametrize("html", ["<<<>>>", "not html at all", "<html><body></body></html>", "\x00\x01"])
def test_garbage_html_does_not_crash(html: str) -> None:
    assert isinstance(clean_html(html, now=NOW), Cleaned)


def test_non_article_page() -> None:
    links = "".join(f"<li><a href='/p/{i}'>Section {i}</a></li>" for i in range(40))
    html = f"<html><head><title>Elmsley Gazette</title></head><body><ul>{links}</ul></body></html>"
    out = clean_html(html, now=NOW)
    assert len(out.body.split()) < 60
    assert out.authors == []


# ---------------------------------------------------------------------------
# metadata validators
# ---------------------------------------------------------------------------
def test_clean_authors_splits_and_filters() -> None:
    assert clean_authors(["By Ana Ruiz, Tom Bell and Li Wei"], None) == ["Ana Ruiz", "Tom Bell", "Li Wei"]
    assert clean_authors(["Gazette Staff"], "Elmsley Gazette") == ["Gazette Staff"]
    assert clean_authors(["Staff"], None) == []
    assert clean_authors(["https://gazette.example/authors/ana"], None) == []
    assert clean_authors(["ana@gazette.example"], None) == []
    assert clean_authors(["Elmsley Gazette"], "Elmsley Gazette") == []


def test_clean_authors_agency_and_credentials() -> None:
    assert clean_authors(["Associated Press"], None) == ["Associated Press"]
    assert clean_authors(["Ana Ruiz, Associated Press"], None) == ["Ana Ruiz"]
    assert clean_authors(["Ana Ruiz MS, RDN"], None) == ["Ana Ruiz"]
    assert clean_authors(["Ana Ruiz", "Weekly Harbour Times"], None) == ["Ana Ruiz"]


def test_valid_pub_date() -> None:
    assert valid_pub_date(date(2023, 5, 1), NOW, None)
    assert not valid_pub_date(date(2024, 7, 1), NOW, None)
    assert not valid_pub_date(date(2023, 5, 1), NOW, date(2023, 4, 1))
    assert not valid_pub_date(date(1970, 1, 1), NOW, None)


def test_clean_title() -> None:
    assert clean_title("Pier closes | Elmsley Gazette", "Elmsley Gazette") == "Pier closes"
    assert clean_title("Pier closes - Elmsley Gazette", "elmsleygazette.com") == "Pier closes"
    assert clean_title("Pier closes - for now", "Elmsley Gazette") == "Pier closes - for now"
    assert clean_title("Pier closes", None) == "Pier closes"


def test_boilerplate_line_cues() -> None:
    assert is_boilerplate_line("Advertisement")
    assert is_boilerplate_line("Article continues below this ad")
    assert not is_boilerplate_line("The council advertised the post in March.")
