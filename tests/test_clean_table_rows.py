"""A table's rows ("Killed | 12") stay in the clean text, a line a row; navigation bars and
share buttons parted by '|' still go. The rows were joined as a wrapped paragraph and
then read as a subhead, so they left the text with their figures (stop 39, analysis
helper's report). Invented texts about invented places."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.clean import clean_scraped_text
from newsprism.model import Article

Write = Callable[..., Path]

_LEAD = (
    "Rescue teams in the Brenmoor valley said on Tuesday that the river had burst its "
    "banks overnight and swept away two bridges near the town."
)
_AFTER = "Officials said the count could rise as teams reach the upper villages this week."


def _article(middle: str) -> str:
    return f"Flood toll rises in Brenmoor\n\n{_LEAD}\n\n{middle}\n\n{_AFTER}\n"


def test_rows_of_a_label_and_a_figure_stay_a_line_each() -> None:
    cleaned = clean_scraped_text(_article("Killed | 12\nHurt | 40\nMissing | 7"))
    assert cleaned.text.split("\n\n") == [_LEAD, "Killed | 12\nHurt | 40\nMissing | 7", _AFTER]
    assert cleaned.headings == ()
    assert cleaned.removed[0].reason == "title" and len(cleaned.removed) == 1


def test_navigation_bars_and_share_buttons_still_go_beside_a_table() -> None:
    middle = "Killed | 12\nHurt | 40\n\nHome | News | Sport | Weather\nShare | Tweet | Email"
    cleaned = clean_scraped_text(_article(middle))
    assert "Killed | 12\nHurt | 40" in cleaned.text
    assert "Sport" not in cleaned.text and "Tweet" not in cleaned.text
    assert {r.reason for r in cleaned.removed} == {"title", "menu", "share_prompt"}


def test_a_header_row_of_labels_is_kept_above_rows_with_figures() -> None:
    table = "Town | Dead | Hurt\nLarn | 3 dead | 4 hurt\nOstby | 1 dead | 9 hurt"
    cleaned = clean_scraped_text(_article(table))
    assert table in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["title"]


@pytest.mark.parametrize(
    "bar",
    [
        "Home | World | Local News | Sport",
        "World | Election 2026 | Sport",  # a figure, but no table row beside it
        "Home | News | Sport\nShare | Tweet | Email",  # bars of labels only, no figure
    ],
)
def test_a_navigation_bar_with_no_table_beside_it_goes(bar: str) -> None:
    cleaned = clean_scraped_text(_article(bar))
    assert cleaned.text.split("\n\n") == [_LEAD, _AFTER]


def test_a_row_of_words_stays_and_is_no_subhead() -> None:
    cleaned = clean_scraped_text(_article("North ramp | closed until the storm passes"))
    assert "North ramp | closed until the storm passes" in cleaned.text.split("\n\n")
    assert cleaned.headings == ()


def test_rows_are_not_joined_to_the_wrapped_lines_above_them() -> None:
    wrapped = "The valley council counted the losses\nby village on Wednesday morning:"
    cleaned = clean_scraped_text(_article(f"{wrapped}\nKilled | 12\nHurt | 40"))
    paragraphs = cleaned.text.split("\n\n")
    assert "Killed | 12\nHurt | 40" in paragraphs
    assert not any("morning: Killed" in p for p in paragraphs)


def test_a_feed_entrys_table_survives_ingest(write: Write) -> None:
    rows = "<tr><th>Killed</th><td>12</td></tr><tr><th>Hurt</th><td>40</td></tr>"
    body = f"<p>{_LEAD}</p><table>{rows}</table><p>{_AFTER}</p>"
    escaped = body.replace("<", "&lt;").replace(">", "&gt;")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley</title>'
        "<item><title>Flood toll rises</title><link>https://valley.example/1</link>"
        f"<description>{escaped}</description></item></channel></rss>"
    )
    (article,) = read_inputs([str(write("valley.xml", feed))], IngestOptions())
    assert isinstance(article, Article)
    assert article.text.split("\n\n") == [_LEAD, "Killed | 12\nHurt | 40", _AFTER]


def test_a_plain_text_files_table_survives_ingest(write: Write) -> None:
    path = write("flood.txt", _article("Killed | 12\nHurt | 40"))
    (article,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(article, Article)
    assert "Killed | 12\nHurt | 40" in article.text.split("\n\n")
