"""parse_html: the article's paragraphs one a line, its metadata, and what was left out."""

import pytest

from newstrace.corpus import parse_html

PARAS = [
    "The harbour authority said on Tuesday that the northern pier will close for six months of repairs.",
    "Fishing boats that use the pier will moor at the southern quay while the work goes on, it said.",
    "The repairs are expected to cost about 4 million euros, paid for by the regional government.",
]


def page(body_extra: str = "", head_extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        "<html><head><title>Pier to close for repairs | Harbour Gazette</title>"
        "<meta name='author' content='Ada Lind'>"
        "<meta property='article:published_time' content='2023-05-09T08:00:00Z'>"
        f"{head_extra}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Pier to close for repairs</h1>{paras}{body_extra}</article>"
        "<footer>Copyright Harbour Gazette. All rights reserved. Contact us. Privacy policy.</footer></body></html>"
    )


def test_body_is_the_paragraphs_one_a_line_without_navigation_or_footer():
    text, _, _ = parse_html(page())
    lines = text.split("\n")
    assert all(p in lines for p in PARAS)
    assert "Home" not in text and "Privacy policy" not in text


@pytest.mark.parametrize("field, expected", [
    ("title", "Pier to close for repairs"),
    ("author", "Ada Lind"),
    ("published", "2023-05-09"),
    ("outlet", "Harbour Gazette"),
])
def test_metadata_comes_from_the_page(field, expected):
    assert parse_html(page())[1][field] == expected


def test_a_table_inside_the_body_is_kept():
    table = "<table><tr><td>Boats moved</td><td>41</td></tr><tr><td>Jobs affected</td><td>120</td></tr></table>"
    text, _, _ = parse_html(page(body_extra=table))
    assert "Boats moved" in text and "120" in text


def test_reader_comments_are_not_article_text():
    comments = ("<div class='comments'><p>Reader comment: this pier closure is a scandal and somebody "
                "should resign over the way the whole thing has been handled.</p></div>")
    text, _, _ = parse_html(page(body_extra=comments))
    assert "scandal" not in text


def test_removed_says_how_much_page_chrome_was_left_out():
    _, _, removed = parse_html(page())
    assert [r["reason"] for r in removed] == ["HTML boilerplate, left out by trafilatura"]


def test_a_page_without_text_gives_empty_text_not_an_error():
    text, meta, _ = parse_html("<html><head><title>x</title></head><body></body></html>")
    assert text == "" and set(meta) == {"title", "author", "published", "outlet", "url"}
