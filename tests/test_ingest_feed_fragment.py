"""A feed entry's HTML is read in document order: text outside block elements was dropped
when the entry held any block (a lead sentence before its first <p>), and <br> glued two
sentences into one word ('pilings.The board'). Review s38/2 S2. Invented texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.feed import fragment_text
from newsprism.model import Article

Write = Callable[..., Path]

_LEAD = "The ferry board of Tessel voted on Monday to close the north ramp after a storm."


def test_text_before_and_after_blocks_is_kept_in_order() -> None:
    fragment = f"{_LEAD}<p>Repairs will take nine weeks.</p>The ramp reopens in May."
    assert fragment_text(fragment) == (
        f"{_LEAD}\n\nRepairs will take nine weeks.\n\nThe ramp reopens in May."
    )


def test_a_line_break_separates_sentences() -> None:
    text = fragment_text(f"{_LEAD}<br>The board met for two hours.")
    assert text == f"{_LEAD}\nThe board met for two hours."
    assert "storm.The" not in text


def test_nested_blocks_keep_their_text_once() -> None:
    fragment = "<blockquote><p>We will rebuild.</p><p>It takes time.</p></blockquote>"
    assert fragment_text(fragment) == "We will rebuild.\n\nIt takes time."


def test_inline_markup_and_comments_stay_inside_their_sentence() -> None:
    fragment = "<p>The <b>north</b> ramp<!-- ad --> closes <a href='x'>today</a>.</p>"
    assert fragment_text(fragment) == "The north ramp closes today."


def test_a_feed_keeps_the_lead_before_its_paragraph(write: Write) -> None:
    body = "&lt;p&gt;Repairs will take nine weeks.&lt;/p&gt;"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast</title>'
        "<item><title>Slip closes</title><link>https://coast.example/1</link>"
        f"<description>{_LEAD}{body}</description></item></channel></rss>"
    )
    (article,) = read_inputs([str(write("coast.xml", feed))], IngestOptions())
    assert isinstance(article, Article)
    assert _LEAD in article.text and "nine weeks" in article.text
