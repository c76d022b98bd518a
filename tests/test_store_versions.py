"""Versions of an article: a page read again after an edit is kept as a version of the
stored article (same id, old text kept, listed with read times, diffable), and each
danger agreed at stop 35 keeps both texts apart or the full text current. Invented texts
about an invented ferry pier."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsprism.errors import AnalysisFailure
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.batch import IngestReport, ingest
from newsprism.model import Analysis, Article, Story
from newsprism.store import ClusteringUpdate, Store
from newsprism.store_migrations import MIGRATIONS
from newsprism.store_schema import migrate
from newsprism.store_versions import SHARED, shared_share, text_hash
from tests.builders import html_page
from tests.conftest import BODY

Write = Callable[..., Path]

EDITED = BODY.replace("eleven weeks", "twelve weeks")
# Another day's report under the same reused file name and URL: little in common.
OTHER_DAY = (
    "Fishermen in Lossberg landed a record catch of herring on Friday, the co-operative "
    "said, after a season its members had feared would be the worst in a decade.\n\n"
    "Prices at the morning auction fell by a fifth as boats queued to unload."
)


def _ingest(db: Path, *paths: Path) -> IngestReport:
    with Store(db) as store:
        return ingest(store, [str(p) for p in paths], IngestOptions())


def _read_twice(write: Write, db: Path, second: str) -> tuple[str, IngestReport]:
    page = write("pier.html", html_page())
    first = _ingest(db, page)
    write("pier.html", html_page(body=second))
    return first.added[0], _ingest(db, page)


def test_an_edit_is_a_version_with_its_read_time_hash_and_length_and_a_diff(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    kept, _ = _read_twice(write, db, EDITED)
    with Store(db, access="read") as store:
        assert store.count_articles() == 1
        article = store.get_article(kept)
        assert article is not None and "twelve weeks" in article.text  # current: the edit
        old, new = store.article_versions(kept)
        assert (old.number, old.current, new.number, new.current) == (1, False, 2, True)
        assert old.version_id == kept and new.version_id != kept
        assert new.text_hash == text_hash(article.text) and new.characters == len(article.text)
        assert old.read_at <= new.read_at
        diff = store.version_diff(kept, 1, 2)
        assert diff is not None
        assert "-Repairs are expected to take eleven weeks" in diff
        assert "+Repairs are expected to take twelve weeks" in diff
        assert store.version_diff(kept, 1, 3) is None
    # The edited text read again is the article it is a version of; so is the old one
    # (an edit reverted: see the revert test).
    assert _ingest(db, tmp_path / "pier.html").article_ids == [kept]
    write("pier.html", html_page())
    again = _ingest(db, tmp_path / "pier.html")
    assert again.article_ids == [kept] and again.added == []


def test_an_edit_the_outlet_reverted_makes_the_first_text_current_again_as_a_version(
    write: Write, tmp_path: Path
) -> None:
    # Read 'eleven weeks', edited to 'twelve weeks' (version 2), then reverted: the
    # re-read had the article's own id and corrected its metadata, so the article kept
    # the first title over the edit's text, without a word (review rev1 S1).
    db = tmp_path / "news.db"
    page = write("pier.html", html_page(title="Pier shut for eleven weeks"))
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(title="Pier shut for twelve weeks", body=EDITED))
    _ingest(db, page)
    with Store(db) as store:
        store.save_analyses([Analysis(kept, "v1")], version="v1")
    write("pier.html", html_page(title="Pier shut for eleven weeks"))
    third = _ingest(db, page)
    assert third.article_ids == [kept] and third.added == [] and third.corrected == []
    (warning,) = third.warnings
    assert "version 3 of" in warning.message and "version 1 again" in warning.message
    with Store(db, access="read") as store:
        article = store.get_article(kept)
        assert article is not None
        assert article.title == "Pier shut for eleven weeks" and article.text == BODY
        numbers = [(v.number, v.title, v.current) for v in store.article_versions(kept)]
        assert numbers == [
            (1, "Pier shut for eleven weeks", True),
            (2, "Pier shut for twelve weeks", False),
            (3, "Pier shut for eleven weeks", True),
        ]
        assert store.get_analysis(kept, "v1") is None  # the edit's analysis: stale
    # Read once more unchanged: nothing to do.
    assert _ingest(db, page).warnings == []
    # The edit made again: version 2's text is current again, as version 4.
    write("pier.html", html_page(title="Pier shut for twelve weeks", body=EDITED))
    (warning,) = _ingest(db, page).warnings
    assert "version 4 of" in warning.message and "version 2 again" in warning.message
    with Store(db, access="read") as store:
        article = store.get_article(kept)
        assert article is not None
        assert article.title == "Pier shut for twelve weeks" and article.text == EDITED


def test_a_corrected_title_changes_the_storys_stamp(write: Write, tmp_path: Path) -> None:
    # The web caches a story's brief under Store.story_stamp: a correction dropped the
    # stored brief but left the stamp, so the old title was served (review rev1 4).
    db = tmp_path / "news.db"
    page = write("pier.html", html_page(title="Pier shut for eleven weeks"))
    kept = _ingest(db, page).added[0]
    with Store(db) as store:
        store.save_clustering(ClusteringUpdate([], [Story("s1", "Pier", (kept,))], [], {}))
        before = store.story_stamp("s1")
    write("pier.html", html_page(title="Pier shut for eleven weeks, council says"))
    assert _ingest(db, page).corrected == [kept]
    with Store(db, access="read") as store:
        assert store.story_stamp("s1") != before


# A bulletin page reused each day, with no date (its footer's year is no day): its fixed
# sentences make up most of its words.
BULLETIN = (
    "This note is put together each morning by the ferry office of Tessel from the "
    "logs of the crews, the pier staff and the weather desk. Numbers are early and may "
    "change in later notes. Letters about the note go to the ferry office, which "
    "replies on weekdays. Both ferry lines and the old pier are covered.\n\n"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Monday's article took Tuesday's figures (review rev1 S3)
        (
            "On Monday, 12 crossings ran and 2 were late.",
            "On Tuesday, 14 crossings ran and 5 were late.",
        ),
        # no day named, only the figures changed: an undated page cannot tell the next
        # issue from a corrected figure, so both stay (review 3 of stop 40)
        (
            "In the last day, 41 boats docked and 3 were late.",
            "In the last day, 37 boats docked and 9 were late.",
        ),
    ],
)
def test_an_undated_daily_page_reissued_is_no_version(
    write: Write, tmp_path: Path, first: str, second: str
) -> None:
    db = tmp_path / "news.db"
    page = write("note.html", html_page(body=BULLETIN + first, published=None))
    kept = _ingest(db, page).added[0]
    write("note.html", html_page(body=BULLETIN + second, published=None))
    again = _ingest(db, page)
    assert len(again.added) == 1 and "both kept" in again.warnings[0].message
    with Store(db, access="read") as store:
        article = store.get_article(kept)
        assert article is not None and first in article.text
        assert store.count_articles() == 2


def test_an_undated_page_edited_is_still_a_version(write: Write, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page(published=None))
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(body=EDITED, published=None))
    assert _ingest(db, page).article_ids == [kept]
    with Store(db, access="read") as store:
        assert store.count_articles() == 1 and len(store.article_versions(kept)) == 2


@pytest.mark.parametrize(
    ("edited", "added"),
    [
        # words only added, none replaced, no day named
        (BODY.replace("for repairs,", "for repairs of its pilings,"), "of its pilings"),
        # a paragraph added at the end
        (BODY + "\n\nThe north quay will open a second ticket window.", "second ticket window"),
    ],
)
def test_an_undated_page_edited_only_by_adding_words_is_a_version(
    write: Write, tmp_path: Path, edited: str, added: str
) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page(published=None))
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(body=edited, published=None))
    again = _ingest(db, page)
    assert again.article_ids == [kept] and not again.added
    with Store(db, access="read") as store:
        assert store.count_articles() == 1 and len(store.article_versions(kept)) == 2
        article = store.get_article(kept)
        assert article is not None and added in article.text


def test_an_undated_page_with_only_a_figure_put_in_is_no_version(
    write: Write, tmp_path: Path
) -> None:
    # a bulletin's row of daily counts gaining the next day's: no words to tell an edit
    db = tmp_path / "news.db"
    page = write("note.html", html_page(body=BULLETIN + "Crossings: 12 14 9", published=None))
    _ingest(db, page)
    write("note.html", html_page(body=BULLETIN + "Crossings: 12 14 9 11", published=None))
    assert len(_ingest(db, page).added) == 1


def test_the_stale_analysis_and_the_storys_brief_go_and_the_story_keeps_the_article(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    kept = _ingest(db, page).added[0]
    with Store(db) as store:
        store.save_analyses([Analysis(kept, "v1", sentences=((0, 10),))])
        story = Story("s1", "Pier", (kept,))
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
        store.briefs.put("s1", "members", "v1", "{}")
        stamp = datetime.now(UTC)
    write("pier.html", html_page(body=EDITED))
    _ingest(db, page)
    with Store(db, access="read") as store:
        assert store.get_analysis(kept, "v1") is None  # the old text's: never served
        assert store.unanalyzed([kept], "v1") == [kept]
        assert store.briefs.get("s1", "members", "v1") is None
        found = store.get_story("s1")
        assert found is not None and found.articles == (kept,)
        assert store.stories_updated_since(["s1"], stamp) == {"s1"}  # changed since


def test_another_days_article_under_a_reused_file_name_and_url_is_no_version(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    assert shared_share(BODY, OTHER_DAY) < SHARED
    kept, second = _read_twice(write, db, OTHER_DAY)
    (warning,) = second.warnings
    assert "both kept" in warning.message
    with Store(db, access="read") as store:
        assert store.count_articles() == 2
        assert len(store.article_versions(kept)) == 1


def test_another_outlets_article_under_the_same_file_name_is_no_version(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    first = _ingest(db, write("courier/pier.html", html_page()))
    other = html_page(body=EDITED, site="Harbour Post")
    second = _ingest(db, write("post/pier.html", other))
    assert second.warnings == [] and second.added != first.added
    with Store(db, access="read") as store:
        assert store.count_articles() == 2
        assert [len(store.article_versions(i)) for i in first.added + second.added] == [1, 1]


def test_a_download_cut_short_is_kept_aside_flagged_and_not_made_current(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    cut = BODY.split("\n\n")[0]
    kept, second = _read_twice(write, db, cut)
    (warning,) = second.warnings
    assert "not made its text" in warning.message and "cut short" in warning.message
    with Store(db, access="read") as store:
        article = store.get_article(kept)
        assert article is not None and "eleven weeks" in article.text  # the full text
        old, aside = store.article_versions(kept)
        assert old.current and not aside.current
        assert aside.note is not None and "cut short" in aside.note
    # Cut short again, shorter: the note names the current version, whose length it gives
    # (it named version 2 with version 1's length, review rev1 LOW 6).
    write("pier.html", html_page(body=cut[: len(cut) // 2]))
    _ingest(db, tmp_path / "pier.html")
    with Store(db, access="read") as store:
        third = store.article_versions(kept)[2]
        assert third.note is not None
        assert f"than version 1 ({third.characters} of {len(BODY)} characters)" in third.note


def test_a_page_whose_ads_and_navigation_changed_is_no_new_version(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    kept = _ingest(db, page).added[0]
    noisy = html_page().replace(
        '<a href="/sport">Sport</a>', '<a href="/sport">Sport</a> <a href="/deals">Deals</a>'
    )
    write("pier.html", noisy.replace("Accept all", "Accept all cookies now"))
    again = _ingest(db, page)
    assert again.article_ids == [kept] and again.warnings == []
    with Store(db, access="read") as store:
        assert len(store.article_versions(kept)) == 1


def test_two_processes_folding_one_edit_fold_it_once(write: Write, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(body=EDITED))
    with Store(db) as one, Store(db) as two:
        # Both stored the edit beside the article (as ingest does before it decides).
        result = one.add_articles(_read(page), origins={str(page): str(page.resolve())})
        (later,) = result.added
        assert one.fold_version(kept, later) is not None
        assert two.fold_version(kept, later) is None  # gone: folded by the other
        # The other's next read of the edit is the kept article, not a new one.
        again = two.add_articles(_read(page), origins={str(page): str(page.resolve())})
        assert again.stored_ids == (kept,) and again.added == ()
        assert [v.number for v in two.article_versions(kept)] == [1, 2]


def _read(page: Path) -> list[Article]:
    return [a for a in read_inputs([str(page)], IngestOptions()) if isinstance(a, Article)]


def test_a_store_of_the_previous_schema_migrates_and_lists_one_version_each(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    migrate(conn, MIGRATIONS[:-1])  # written by the newsprism before versions
    conn.execute(
        "INSERT INTO articles (id, source, url, outlet, text, ingested_at) "
        "VALUES ('a1', 'pier.html', 'https://x.example/p', 'Courier', ?, "
        "'2026-03-03T10:00:00+00:00')",
        (BODY,),
    )
    conn.commit()
    conn.close()
    with Store(db, access="read") as old:  # read-only: not migrated, one version each
        assert "0011_article_versions" not in old.applied_migrations()
        (only,) = old.article_versions("a1")
        assert only.current and only.characters == len(BODY)
        assert old.version_diff("a1", 1, 1) == ""
    with Store(db) as store:
        assert "0011_article_versions" in store.applied_migrations()
        (only,) = store.article_versions("a1")
        assert (only.number, only.version_id, only.text_hash) == (1, "a1", text_hash(BODY))
        assert store.article_versions("nope") == []


def test_a_daily_page_reissued_a_day_later_is_no_version_however_much_it_shares(
    write: Write, tmp_path: Path
) -> None:
    # A daily briefing under one file name and URL: its fixed sentences make up most of
    # its words, but the next day's issue is another report.
    db = tmp_path / "news.db"
    page = write("briefing.html", html_page(body=EDITED, published="2026-03-03T06:00:00+00:00"))
    kept = _ingest(db, page).added[0]
    write("briefing.html", html_page(body=BODY, published="2026-03-04T06:00:00+00:00"))
    (warning,) = _ingest(db, page).warnings
    assert "both kept" in warning.message
    with Store(db, access="read") as store:
        assert store.count_articles() == 2 and len(store.article_versions(kept)) == 1


def test_an_edit_whose_page_moved_its_date_by_hours_is_a_version(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page(published="2026-03-03T10:15:00+01:00"))
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(body=EDITED, published="2026-03-03T14:40:00+01:00"))
    assert _ingest(db, page).article_ids == [kept]
    with Store(db, access="read") as store:
        article = store.get_article(kept)
        assert article is not None and article.published is not None
        assert article.published.hour == 10  # its first publication stays
        assert len(store.article_versions(kept)) == 2


def test_an_analysis_of_an_edit_another_process_made_a_version_is_left_out(
    write: Write, tmp_path: Path
) -> None:
    # One command analyses the edit it stored while another makes it a version of the
    # article it edits: saving its analysis broke the foreign key (a traceback).
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(body=EDITED))
    origins = {str(page): str(page.resolve())}
    with Store(db) as one, Store(db) as two:
        (later,) = one.add_articles(_read(page), origins=origins).added
        assert two.fold_version(kept, later) is not None
        failure = AnalysisFailure(later, str(page), "quotes", "boom")
        one.save_analyses([Analysis(later, "v1"), Analysis(kept, "v1")], [failure], "v1")
        assert one.get_analysis(kept, "v1") is not None
        assert one.unanalyzed([later], "v1") == [later] and one.analysis_failures([later]) == []


def test_an_analysis_of_the_old_text_saved_after_the_edit_is_left_out(
    write: Write, tmp_path: Path
) -> None:
    # Another command read the old text before the edit became current and saves its
    # analysis after: the store was given only the article's id, and kept the old text's
    # analysis over the edit (review rev1 5). Given the text analysed, it is left out.
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    kept = _ingest(db, page).added[0]
    with Store(db) as store:
        (old,) = store.get_articles([kept])
    write("pier.html", html_page(body=EDITED))
    _ingest(db, page)
    with Store(db) as store:
        failure = AnalysisFailure(kept, str(page), "quotes", "boom")
        texts = {kept: text_hash(old.text)}
        assert store.save_analyses([Analysis(kept, "v1")], [failure], "v1", texts) == 0
        assert store.get_analysis(kept, "v1") is None and store.analysis_failures([kept]) == []
        (now,) = store.get_articles([kept])
        assert store.save_analyses([Analysis(kept, "v1")], [], "v1", {kept: text_hash(now.text)})
        assert store.get_analysis(kept, "v1") is not None
