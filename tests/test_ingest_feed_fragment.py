"""A feed entry's HTML is read in document order: text outside block elements was dropped
when the entry held any block (a lead sentence before its first <p>), and <br> glued two
sentences into one word ('pilings.The board'). Review s38/2 S2. Invented texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.feed import fragment_text
from newsprism.ingest.fragment_blocks import stream_paragraphs
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


def test_script_style_noscript_and_template_text_is_not_prose() -> None:
    fragment = (
        "<p>The pier reopened.</p><script>var views = 3400;</script>"
        "<style>p { color: red; }</style><noscript><p>Enable scripts.</p></noscript>"
        "<template><div>Slot text</div></template>"
    )
    assert fragment_text(fragment) == "The pier reopened."


def test_the_tail_of_a_script_is_kept() -> None:
    text = fragment_text("<p>The pier reopened <script>track();</script>on Friday.</p>")
    assert text == "The pier reopened on Friday."


def test_divs_are_paragraphs_of_their_own() -> None:
    fragment = (
        "<p>A.</p><div>The board approved 12 more weeks.</div><div>Costs rose 4%.</div>"
    )
    text = fragment_text(fragment)
    assert "weeks.Costs" not in text
    assert text == "A.\n\nThe board approved 12 more weeks.\n\nCosts rose 4%."


def test_section_article_figure_and_caption_are_blocks() -> None:
    fragment = (
        "<section>The ramp closed.</section><article>Buses replace it.</article>"
        "<figure><img src='x.png'><figcaption>The north ramp.</figcaption></figure>"
    )
    assert fragment_text(fragment).split("\n\n") == [
        "The ramp closed.",
        "Buses replace it.",
        "The north ramp.",
    ]


def test_a_table_row_reads_as_one_line_and_list_terms_do_not_glue() -> None:
    # Each cell was a paragraph of its own: 'Killed' and '12' two sentences.
    table = "<table><tr><th>Killed</th><td>12</td></tr><tr><th>Hurt</th><td>40</td></tr></table>"
    assert fragment_text(table) == "Killed | 12\nHurt | 40"
    terms = fragment_text("<dl><dt>Ferries</dt><dd>Two a day.</dd></dl>")
    assert terms == "Ferries\n\nTwo a day."


def test_a_table_is_a_paragraph_of_its_own_with_unclosed_and_empty_cells() -> None:
    fragment = (
        "<p>The toll rose.</p><table><caption>Storm toll</caption>"
        "<tr><td>Town<td><td>Dead<tr><td>Larn<td><td>3<br>(one missing)</table>After."
    )
    assert fragment_text(fragment).split("\n\n") == [
        "The toll rose.",
        "Storm toll",
        "Town | Dead\nLarn | 3 (one missing)",
        "After.",
    ]


def test_a_layout_table_keeps_its_paragraphs_and_lines() -> None:
    # A whole entry laid out in one cell is no row of data: its paragraphs stay apart.
    fragment = (
        "<table><tr><td><p>The ramp closed.</p><p>Buses replace it.</p></td>"
        "<td>Share this</td></tr></table>"
    )
    assert fragment_text(fragment).split("\n\n") == [
        "The ramp closed.",
        "Buses replace it.",
        "Share this",
    ]
    lines = "<table><tr><td>Ramp closed<br><br>Buses replace it until May.</td></tr></table>"
    assert fragment_text(lines) == "Ramp closed\nBuses replace it until May."
    # Lines parted after a sentence's end are the page's lines, whatever cells are beside.
    beside = "<table><tr><td>The ramp closed.<br>Buses run.</td><td>Share this</td></tr></table>"
    assert fragment_text(beside) == "The ramp closed.\nBuses run.\nShare this"


@pytest.mark.parametrize(
    ("row", "line"),
    [
        ("<td>Killed<br>(confirmed)</td><td>12</td>", "Killed (confirmed) | 12"),
        ("<th>Larn<br/>(coast)</th><td>3<br>(est.)</td>", "Larn (coast) | 3 (est.)"),
        ("<td>Gen. J.<br>Orlov</td><td>Chief</td>", "Gen. J. Orlov | Chief"),
    ],
)
def test_a_line_break_in_a_data_cell_keeps_its_row_one_line(row: str, line: str) -> None:
    # A <br> wrapping a label or a figure cut the row in lines: 'Killed', '(confirmed)' and
    # '12' no fact reader could join (review s39/2 M3).
    table = f"<p>The storm passed.</p><table><tr><th>Who</th><th>Count</th></tr><tr>{row}</tr>"
    assert fragment_text(table + "</table>") == f"The storm passed.\n\nWho | Count\n{line}"


@pytest.mark.parametrize(
    "fragment",
    [
        f"{_LEAD}<p>Repairs will take nine weeks.</p>The ramp reopens in May.",
        f"{_LEAD}<br>The board met for two hours.",
        "<blockquote><p>We will rebuild.</p><p>It takes time.</p></blockquote>",
        "<p>The <b>north</b> ramp<!-- ad --> closes <a href='x'>today</a> &amp; more.</p>",
        "<p>Pier.</p><script>var v = '<p>3400</p>';</script><noscript><p>No.</p></noscript>End",
        "<table><tr><th>Killed</th><td>12</td></tr><tr><td>Hurt<td><p>40</p><p>x</p></table>",
        "<ul><li>One<li>Two</ul><hr>Three<img src='a.png'>four",
        "<table><tr><td>Larn<br>(coast)</td><td>3<br/>x</td></tr><tr><td>A.<br>B</table>",
    ],
)
def test_the_tag_by_tag_reader_reads_as_the_tree_reader_does(fragment: str) -> None:
    # Markup past 2,000 levels is read tag by tag; it must read as the tree would.
    assert "\n\n".join(stream_paragraphs(fragment)) == fragment_text(fragment)


@pytest.mark.parametrize(
    "fragment",
    [
        "<table><tr><td>Killed</td><td>12</td>The ramp closed on Monday.",
        "<table><tr><td>Killed</td><td>12</td>The ramp closed on Monday.</table>",
        "<table><tr><th>Killed</th><td>12</td> The ramp closed on Monday.<tr><td>x</td>",
    ],
)
def test_an_unclosed_rows_line_comes_before_the_prose_after_it(fragment: str) -> None:
    # The row's line was appended when the row ended, after the prose that followed its
    # cells: 'The ramp closed on Monday.' then 'Killed | 12' (order swapped).
    for text in (fragment_text(fragment), "\n\n".join(stream_paragraphs(fragment))):
        assert text.index("Killed | 12") < text.index("The ramp closed on Monday.")


@pytest.mark.parametrize("mark", [" | ", "\u200b", " \u2013 ", "\u00a0;\u00a0"])
def test_a_stray_mark_between_two_cells_keeps_the_row_one_line(mark: str) -> None:
    # A mark with no letter or digit between two cells of a row ended the row at it:
    # 'Killed', the mark and '12' on three lines, the figure cut from its label.
    fragment = f"<table><tr><td>Killed</td>{mark}<td>12</td></tr></table>"
    for text in (fragment_text(fragment), "\n\n".join(stream_paragraphs(fragment))):
        assert text == "Killed | 12"


def test_a_word_between_two_cells_still_ends_the_row_before_it() -> None:
    # The look-alike: prose (a letter or digit) after a row's cells is not part of the row.
    fragment = "<table><tr><td>Killed</td><td>12</td>The ramp closed.<td>x</td></tr></table>"
    text = fragment_text(fragment)
    assert text.index("Killed | 12") < text.index("The ramp closed.")
