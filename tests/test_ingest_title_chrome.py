"""A video player's words and a clip's label and length are cleaned from a scraped title;
a headline about a video, a clock time and a title-case headline keep their words.
Invented headlines about an invented pier."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import ingest
from newsprism.ingest.title_chrome import without_player_chrome
from newsprism.store import Store
from tests.builders import html_page

Write = Callable[..., Path]


@pytest.mark.parametrize(
    "scraped",
    [
        "Watch: Crowds gather as the pier reopens 02:31",
        "WATCH LIVE: Crowds gather as the pier reopens",
        "Video Player is loading. Play Video Crowds gather as the pier reopens",
        "Crowds gather as the pier reopens | Video Player is loading.",
        "Crowds gather as the pier reopens – video",
        "Crowds gather as the pier reopens (1:02:31) | VIDEO",
        "Now Playing: Crowds gather as the pier reopens",
        "Play Video | Crowds gather as the pier reopens 4:05",
    ],
)
def test_player_words_label_and_clip_length_are_cleaned(scraped: str) -> None:
    assert without_player_chrome(scraped) == "Crowds gather as the pier reopens"


@pytest.mark.parametrize(
    "headline",
    [
        "Police release video of the pier collapse",
        "Video game sales rise 12% in a year",
        "Play video games for a living, says study",
        "Play Video Games Tournament Opens On The Pier",
        "Watchdog fines the pier operator",
        "Polls close at 20:00",
        "Ferries resume 06:30",  # no label: a clock time, kept
        "The Video: a history of the pier in clips",
        "What Is Now Playing",
    ],
)
def test_a_headline_about_a_video_or_a_time_keeps_its_words(headline: str) -> None:
    assert without_player_chrome(headline) == headline


def test_a_clock_time_after_a_label_stays() -> None:
    assert without_player_chrome("Watch: Polls close at 20:00") == "Polls close at 20:00"


@pytest.mark.parametrize(
    ("form", "kept"),
    [
        ("Watch: {}", "Orvik rower wins the harbour race in 2:08:31"),
        ("VIDEO: {}", "Orvik diver sets a club record of 1:52:07"),
        ("{} - video", "Orvik rower wins the harbour race in 2:08:31"),
        ("WATCH: {}", "Orvik Rower Finishes Under 2:08:31"),
        ("Watch: {}", "Orvik ferry record is 1:52:07"),
    ],
)
def test_a_figure_the_headline_asks_for_is_no_clip_length(form: str, kept: str) -> None:
    """A race time or a record after a preposition, 'of' or 'is' is the headline's own
    figure, label or not: cutting it left a headline ending on 'in'."""
    assert without_player_chrome(form.format(kept)) == kept


@pytest.mark.parametrize("column", ["Harbour cinema: Now Playing", "Orvik radio | Up Next"])
def test_a_listings_column_named_like_a_control_keeps_its_words(column: str) -> None:
    assert without_player_chrome(column) == column


@pytest.mark.parametrize(
    "scraped",
    [
        "Watch: Crowds gather as the pier reopens | Now Playing",
        "Crowds gather as the pier reopens | Now Playing | Video Player is loading.",
        "Crowds gather as the pier reopens - video | Up Next",
    ],
)
def test_now_playing_at_the_end_beside_another_sign_is_the_players(scraped: str) -> None:
    assert without_player_chrome(scraped) == "Crowds gather as the pier reopens"


@pytest.mark.parametrize("only", ["Play Video", "Video Player is loading. Play Video"])
def test_a_title_of_player_words_only_is_none(only: str) -> None:
    assert without_player_chrome(only) is None


@pytest.mark.parametrize(
    ("scraped", "stored"),
    [
        ("Watch: Tessel pier reopens after storm 02:31", "Tessel pier reopens after storm"),
        ("Video Player is loading.", "Pier closes"),  # nothing left: the text's title
    ],
)
def test_a_scraped_page_stores_the_clean_title(
    write: Write, tmp_path: Path, scraped: str, stored: str
) -> None:
    body = (
        "Pier closes\n\nThe harbour board of Tessel voted on Tuesday to close the old "
        "ferry pier for repairs after a winter storm cracked two of its pillars."
    )
    page = write("clip.html", html_page(title=scraped, body=body, subhead=None))
    with Store(tmp_path / "news.db") as store:
        report = ingest(store, [str(page)], IngestOptions())
        article = store.get_article(report.added[0])
    assert article is not None and article.title == stored
