"""Readers: one test per input format, per input kind, and per kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure
from tests.builders import html_page, rss_feed, warc_file
from tests.conftest import BODY, LocalServer, Route

Write = Callable[..., Path]
CET = timezone(timedelta(hours=1))


def read_all(*values: str, **options: object) -> list[Article | IngestFailure]:
    return list(read_inputs(list(values), IngestOptions(**options)))  # type: ignore[arg-type]


def only_article(items: list[Article | IngestFailure]) -> Article:
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def failure(items: list[Article | IngestFailure]) -> IngestFailure:
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert len(failures) == 1, items
    return failures[0]


# --- plain text, folders, globs, stdin -------------------------------------------------


def test_text_file_without_clues_is_its_own_source_named_by_its_file(write: Write) -> None:
    path = write("tessel-courier/pier.txt", "Tessel closes its old ferry pier\n\n" + BODY)
    article = only_article(read_all(str(path)))
    assert article.title == "Tessel closes its old ferry pier"
    assert article.outlet == "pier"  # the file's stem, never the folder's name
    assert article.source == str(path)
    assert article.text.startswith("The harbour board of Tessel voted")
    assert article.language == "en"


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(
    write: Write, tmp_path: Path
) -> None:
    write("in/b/two.txt", "Second story headline\n\n" + BODY.replace("Tessel", "Ormund"))
    write("in/a/one.txt", "First story headline\n\n" + BODY)
    write("in/.cache/hidden.txt", "Hidden\n\n" + BODY)
    items = read_all(str(tmp_path / "in"))
    assert [a.title for a in items if isinstance(a, Article)] == [
        "First story headline",
        "Second story headline",
    ]


def test_glob_expands_and_reports_a_pattern_matching_nothing(write: Write, tmp_path: Path) -> None:
    write("g/one.txt", "A headline\n\n" + BODY)
    items = read_all(str(tmp_path / "g" / "*.txt"), str(tmp_path / "nothing-*.txt"))
    assert isinstance(items[0], Article)
    assert "matches no file" in failure(items).reason


def test_stdin_is_read_when_the_path_is_a_dash() -> None:
    stdin = io.BytesIO(("A headline from a pipe\n\n" + BODY).encode())
    items = list(read_inputs(["-"], IngestOptions(), stdin=stdin))
    article = only_article(items)
    assert article.source == "-"
    assert article.title == "A headline from a pipe"


def test_missing_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    assert "no such file" in failure(read_all(str(tmp_path / "absent.txt"))).reason


# --- HTML -------------------------------------------------------------------------------


def test_html_page_gives_text_and_metadata(write: Write) -> None:
    article = only_article(read_all(str(write("page.html", html_page()))))
    assert article.title == "Tessel closes its old ferry pier"
    assert article.outlet == "The Tessel Courier"
    assert article.byline == "Mara Lind"
    assert article.url == "https://tesselcourier.example/news/ferry-pier"
    assert article.published == datetime(2026, 3, 3, 10, 15, tzinfo=CET)
    assert [h.text for h in article.headings] == ["Eleven weeks of work"]
    assert "cookies" not in article.text and "First!" not in article.text
    assert "Ilona Varga" in article.text


def test_html_date_found_by_htmldate_when_metadata_has_none(write: Write) -> None:
    page = html_page(
        published=None, canonical="https://tesselcourier.example/2026/03/05/ferry-pier"
    )
    article = only_article(read_all(str(write("page.html", page))))
    assert article.published is not None
    assert article.published.date().isoformat() == "2026-03-05"


def test_html_without_an_article_is_a_clear_failure(write: Write) -> None:
    path = write(
        "empty.html", "<html><head><title>x</title></head><body><nav>Home</nav></body></html>"
    )
    found = failure(read_all(str(path)))
    assert found.source == str(path)
    assert "no article text" in found.reason


# --- JSON Lines and JSON -------------------------------------------------------------------


def _record(n: int, **extra: object) -> str:
    record = {"text": BODY.replace("Tessel", f"Town{n}"), "title": f"Story {n}", **extra}
    return json.dumps(record)


def test_jsonl_reads_fields_and_reports_bad_lines_by_number(write: Write) -> None:
    lines = [
        _record(
            1, url="https://valdo.example/1", published="2026-03-04T08:00:00+01:00", outlet="Valdo"
        ),
        "{not json",
        _record(3),
        json.dumps({"title": "no text"}),
    ]
    path = write("export.jsonl", "\n".join(lines) + "\n")
    items = read_all(str(path))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.title for a in articles] == ["Story 1", "Story 3"]
    assert articles[0].outlet == "Valdo" and articles[0].url == "https://valdo.example/1"
    assert articles[0].published == datetime(2026, 3, 4, 8, tzinfo=CET)
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:4"]
    assert "invalid JSON" in failures[0].reason and '"text"' in failures[1].reason


def test_gzipped_jsonl_is_read_and_truncation_reported(write: Write) -> None:
    data = gzip.compress(("\n".join(_record(n) for n in range(3)) + "\n").encode())
    assert len([i for i in read_all(str(write("a.jsonl.gz", data))) if isinstance(i, Article)]) == 3
    items = read_all(str(write("b.jsonl.gz", data[: len(data) - 12])))
    assert "gzip" in failure(items).reason


def test_json_array_file_is_read(write: Write) -> None:
    path = write("list.json", "[" + ",".join(_record(n) for n in range(2)) + "]")
    assert [a.title for a in read_all(str(path)) if isinstance(a, Article)] == [
        "Story 0",
        "Story 1",
    ]


# --- WARC ---------------------------------------------------------------------------------


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_yields_html_responses_only(write: Write, compressed: bool) -> None:
    pages = [
        ("https://tesselcourier.example/a", html_page(canonical="https://tesselcourier.example/a")),
        (
            "https://tesselcourier.example/b",
            html_page(
                title="Bridge tolls rise",
                body=BODY.replace("pier", "bridge"),
                canonical="https://tesselcourier.example/b",
            ),
        ),
    ]
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    items = read_all(str(write(name, warc_file(pages, gzip=compressed))))
    assert [a.url for a in items if isinstance(a, Article)] == [u for u, _ in pages]
    assert all(isinstance(i, Article) and i.source.endswith(name) for i in items)


def test_malformed_warc_is_reported(write: Write) -> None:
    path = write(
        "broken.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"
    )
    found = failure(read_all(str(path)))
    assert found.source == str(path) and "WARC" in found.reason


def test_truncated_warc_gz_keeps_records_before_the_damage(write: Write) -> None:
    pages = [
        (
            f"https://t.example/{n}",
            html_page(
                title=f"Story number {n}",
                body=BODY.replace("Tessel", f"Town{n}"),
                canonical=f"https://t.example/{n}",
            ),
        )
        for n in range(3)
    ]
    data = warc_file(pages, extra_non_html=False)
    items = read_all(str(write("cut.warc.gz", data[: len(data) - 300])))  # inside the last page
    assert [type(i).__name__ for i in items] == ["Article", "Article", "IngestFailure"]
    assert isinstance(items[2], IngestFailure) and "truncated WARC record" in items[2].reason


# --- feeds ----------------------------------------------------------------------------------


ENTRIES = [
    {"title": "Pier to close", "link": "https://coastal.example/pier", "body": BODY},
    {
        "title": "Tolls to rise",
        "link": "https://coastal.example/tolls",
        "body": BODY.replace("pier", "bridge"),
        "pubDate": "Wed, 04 Mar 2026 07:30:00 GMT",
    },
]


def test_rss_entries_become_articles_with_feed_metadata(write: Write) -> None:
    items = read_all(str(write("feed.xml", rss_feed(ENTRIES))))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == ["Pier to close", "Tolls to rise"]
    assert {a.outlet for a in articles} == {"Coastal Wire Radio"}
    assert articles[0].published == datetime(2026, 3, 3, 10, tzinfo=CET)
    assert articles[1].published == datetime(2026, 3, 4, 7, 30, tzinfo=UTC)
    assert articles[0].byline == "Ola Berg"
    assert articles[0].text.count("\n\n") == 2


def test_atom_feed_is_read(write: Write) -> None:
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in BODY.split("\n\n"))
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Ridge Weekly</title><id>urn:x</id><updated>2026-03-05T09:00:00Z</updated>"
        "<entry><title>Pier to close</title><id>urn:1</id><link href='https://ridge.example/1'/>"
        "<updated>2026-03-05T09:00:00Z</updated><author><name>Ann Ek</name></author>"
        f"<content type='html'>{content}</content>"
        "</entry></feed>"
    )
    article = only_article(read_all(str(write("ridge.atom", atom))))
    assert (article.outlet, article.byline, article.url) == (
        "Ridge Weekly",
        "Ann Ek",
        "https://ridge.example/1",
    )


def test_malformed_feed_xml_is_reported(write: Write) -> None:
    path = write(
        "bad.xml", "<?xml version='1.0'?><rss><channel><title>x</title><item><title>a</ite"
    )
    found = failure(read_all(str(path)))
    assert found.source == str(path) and "malformed feed" in found.reason


def test_feed_links_are_fetched_when_asked(write: Write, http_server: LocalServer) -> None:
    http_server.routes["/pier"] = Route(html_page(canonical=http_server.url("/pier")).encode())
    entries = [{"title": "Pier", "link": http_server.url("/pier"), "body": "Short teaser only."}]
    article = only_article(read_all(str(write("feed.xml", rss_feed(entries))), fetch_links=True))
    assert "Ilona Varga" in article.text  # the full page, not the teaser
    assert article.outlet == "The Tessel Courier"


# --- URLs ------------------------------------------------------------------------------------


def test_url_is_fetched_with_a_clear_user_agent(http_server: LocalServer) -> None:
    http_server.routes["/news/pier"] = Route(html_page(canonical="").encode())
    article = only_article(read_all(http_server.url("/news/pier")))
    assert article.source == http_server.url("/news/pier")
    assert article.outlet == "The Tessel Courier"
    assert http_server.user_agents[0].startswith("newsprism/")


def test_url_404_is_a_failure(http_server: LocalServer) -> None:
    found = failure(read_all(http_server.url("/missing")))
    assert "HTTP 404" in found.reason


def test_url_server_error_is_retried_once(http_server: LocalServer) -> None:
    http_server.routes["/flaky"] = Route(html_page().encode(), first=[503])
    only_article(read_all(http_server.url("/flaky")))
    assert http_server.hits["/flaky"] == 2
    http_server.routes["/down"] = Route(b"", status=502)
    assert "HTTP 502" in failure(read_all(http_server.url("/down"))).reason
    assert http_server.hits["/down"] == 2


def test_url_over_the_size_limit_is_refused(http_server: LocalServer) -> None:
    http_server.routes["/big"] = Route(html_page().encode())
    assert "size limit" in failure(read_all(http_server.url("/big"), max_bytes=500)).reason


def test_feed_url_is_read_as_a_feed(http_server: LocalServer) -> None:
    http_server.routes["/feed"] = Route(rss_feed(ENTRIES), content_type="application/rss+xml")
    assert len([i for i in read_all(http_server.url("/feed")) if isinstance(i, Article)]) == 2


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
        # mtime=0: gzip's header carries the time, and a parameter made at collection
        # must be the same bytes in every pytest-xdist worker (they collect a second
        # apart at times, and then refused to run: "Different tests were collected").
        (
            "archive.txt.gz",
            gzip.compress(("Headline\n\n" + BODY).encode(), mtime=0)[:40],
            "truncated gzip",
        ),
    ],
)
def test_bad_input_gets_one_line_reason_naming_the_file(
    write: Write, name: str, content: bytes, reason: str
) -> None:
    path = write(name, content)
    found = failure(read_all(str(path)))
    assert found.source == str(path)
    assert reason in found.reason
    assert "\n" not in str(found)


def test_file_over_the_size_limit_is_refused(write: Write) -> None:
    path = write("long.txt", "Headline\n\n" + BODY)
    found = failure(read_all(str(path), max_bytes=100))
    assert "over the size limit of 100 bytes" in found.reason


def test_legacy_encodings_are_decoded(write: Write) -> None:
    text = (
        "Die Fähre über den Fluss fährt wieder täglich, "
        "sagte Bürgermeisterin Jördis Weiß am Montag."
    )
    path = write("latin1.txt", ("Fähre fährt wieder\n\n" + text + " " + text).encode("cp1252"))
    article = only_article(read_all(str(path)))
    assert "Jördis Weiß" in article.text
    assert article.language == "de"


def test_error_policy_raise_raises_the_input_error(write: Write) -> None:
    path = write("empty.txt", b"")
    with pytest.raises(InputError, match="empty"):
        read_all(str(path), errors="raise")


def test_one_bad_input_does_not_stop_the_batch(write: Write, tmp_path: Path) -> None:
    write("mixed/a.txt", b"")
    write("mixed/b.txt", "A good headline\n\n" + BODY)
    write("mixed/c.xml", "<rss><channel><item>")
    items = read_all(str(tmp_path / "mixed"))
    assert [type(i).__name__ for i in items] == ["IngestFailure", "Article", "IngestFailure"]
