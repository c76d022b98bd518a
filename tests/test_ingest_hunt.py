"""Defects found by running the CLI on hostile inputs, each fixed with its test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import typer

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure

BODY = "The minister said the pier would open on Monday after the storm."


def test_a_file_name_with_a_newline_gives_a_one_line_outlet(tmp_path: Path) -> None:
    # The outlet of last resort is the file's name: "nl\nname.txt" stored "nl\nname",
    # which split the articles table's row in two (--outlet was already one line).
    path = tmp_path / "nl\nname\x1b[31m.txt"
    path.write_text(BODY, encoding="utf-8")
    (article,) = list(read_inputs([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert article.outlet == "nl name [31m"


def _manifest_failures(tmp_path: Path, manifest: str) -> tuple[list[str], list[Article]]:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "newsprism.csv").write_text(manifest, encoding="utf-8")
    items = list(read_inputs([str(folder)], IngestOptions()))
    failures = [i.reason for i in items if isinstance(i, IngestFailure)]
    return failures, [i for i in items if isinstance(i, Article)]


def test_a_manifest_row_with_an_unquoted_separator_is_refused(tmp_path: Path) -> None:
    # The outlet was stored as "The Times" and ", London" dropped without a word.
    failures, articles = _manifest_failures(tmp_path, "path,outlet\na.txt,The Times, London\n")
    manifest = tmp_path / "d" / "newsprism.csv"
    assert failures == [
        f"{manifest} row 2: more values than columns (quote a value that holds the "
        "separator); not read until the row is fixed"
    ]
    # Its file is not read: a guess from its name ('a') was stored before.
    assert articles == []


def test_a_manifest_column_given_twice_is_refused(tmp_path: Path) -> None:
    # "path,path,outlet" read the last path column only (a.txt had no row).
    failures, articles = _manifest_failures(tmp_path, "path,path,outlet\na.txt,b.txt,X\n")
    assert failures == ["manifest column 'path' given twice"]
    assert len(articles) == 1


def test_a_short_manifest_row_is_still_read(tmp_path: Path) -> None:
    failures, articles = _manifest_failures(
        tmp_path, "path,outlet,url,published\na.txt,The Times\n"
    )
    assert not failures and [a.outlet for a in articles] == ["The Times"]


def test_trailing_empty_values_in_a_manifest_row_are_read(tmp_path: Path) -> None:
    failures, articles = _manifest_failures(tmp_path, "path,outlet\na.txt,The Times,,\n")
    assert not failures and [a.outlet for a in articles] == ["The Times"]


def test_reading_a_closed_standard_input_is_one_clear_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "newsprism ingest - <&-": sys.stdin is None; the failure was an AttributeError's text.
    monkeypatch.setattr(sys, "stdin", None)
    (failure,) = list(read_inputs(["-"], IngestOptions()))
    assert isinstance(failure, IngestFailure)
    assert (failure.source, failure.reason) == (
        "-",
        "standard input is closed: nothing to read from -",
    )


def test_verify_with_a_closed_standard_input_says_so(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from newsprism.cli_briefs import _summary_text

    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(typer.Exit):
        _summary_text("-")
    assert "-: standard input is closed: no summary to read" in capfd.readouterr().err


def test_a_warc_with_unparsable_headers_names_the_record_not_a_python_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n"
    )
    (failure,) = list(read_inputs([str(path)], IngestOptions()))
    assert isinstance(failure, IngestFailure)
    # warcio's own HTTP parse raised on the missing WARC-Target-URI ('record 1 cannot
    # be parsed'); HTTP headers are now parsed by newsprism (capped), which passes over
    # a record with no http(s) URI, and the record's cut is what is left to say.
    assert failure.reason == "truncated WARC record (the archive ends mid-record)"


def test_a_manifest_link_to_nothing_is_one_failure(tmp_path: Path) -> None:
    # A newsprism.csv linking to a moved file (or a pipe of that name) was passed over
    # without a word: the files were read without the outlets the user wrote.
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "newsprism.csv").symlink_to("moved.csv")
    items = list(read_inputs([str(folder)], IngestOptions()))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [(f.source, f.reason) for f in failures] == [
        (
            str(folder / "newsprism.csv"),
            "not a manifest file (a link to nothing, a folder, a pipe or a device)",
        )
    ]
    assert [i.outlet for i in items if isinstance(i, Article)] == ["a"]


@pytest.mark.parametrize("kind", ["link to nothing", "folder"])
def test_an_odd_manifest_entry_does_not_hide_the_manifest_beside_it(
    tmp_path: Path, kind: str
) -> None:
    # A folder or dangling link named newsprism.csv failed the folder before
    # newsprism.json beside it was looked at: its outlets were lost.
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "newsprism.json").write_text('[{"path": "a.txt", "outlet": "Brenholm Times"}]')
    odd = folder / "newsprism.csv"
    if kind == "folder":
        odd.mkdir()
    else:
        odd.symlink_to("moved.csv")
    items = list(read_inputs([str(folder)], IngestOptions()))
    failures = [(i.source, i.reason) for i in items if isinstance(i, IngestFailure)]
    assert failures == [
        (str(odd), "not a manifest file (a link to nothing, a folder, a pipe or a device)")
    ]
    assert [i.outlet for i in items if isinstance(i, Article)] == ["Brenholm Times"]


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n", b"\xff\xfe\n\x00"])
def test_a_file_holding_only_a_byte_order_mark_is_empty_input(tmp_path: Path, data: bytes) -> None:
    # It was "no article text left after cleaning", as if cleaning had thrown text away.
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    (failure,) = list(read_inputs([str(path)], IngestOptions()))
    assert isinstance(failure, IngestFailure)
    assert failure.reason == "empty input (no text in it)"


def test_emptiness_is_judged_on_the_decoded_text() -> None:
    # The blank test stripped bytes after the mark: UTF-16 text whose code units are made
    # of blank bytes ("\u0a20" is 20 0A) was "empty input", and a UTF-8 mark saved twice
    # decoded to a lone U+FEFF, read on as text.
    from newsprism.errors import UnsupportedInput
    from newsprism.ingest.decode import decode

    text = "\u0a20\u0a20\u2020"
    assert decode(("\ufeff" + text).encode("utf-16-le"), "x").text == text
    with pytest.raises(UnsupportedInput, match="empty input"):
        decode(b"\xef\xbb\xbf\xef\xbb\xbf\n", "x")


def test_a_file_url_is_read_as_the_file(tmp_path: Path) -> None:
    # A browser's address of a saved page was "no such file, folder or URL".
    path = tmp_path / "saved page.txt"
    path.write_text(BODY, encoding="utf-8")
    url = path.as_uri()  # file:///.../saved%20page.txt
    (article,) = list(read_inputs([url, f"file://elsewhere{path}"], IngestOptions()))[:1]
    assert isinstance(article, Article) and article.source == str(path)
    other = list(read_inputs([f"file://elsewhere{path}"], IngestOptions()))
    assert [(type(i), i.reason) for i in other if isinstance(i, IngestFailure)] == [
        (IngestFailure, "no such file, folder or URL")
    ]


def test_a_one_slash_file_url_is_read_as_the_file(tmp_path: Path) -> None:
    # "file:/tmp/x" (as some tools write it) names the same file as "file:///tmp/x".
    path = tmp_path / "saved page.txt"
    path.write_text(BODY, encoding="utf-8")
    url = "file:" + path.as_uri().removeprefix("file://")
    (article,) = list(read_inputs([url], IngestOptions()))
    assert isinstance(article, Article) and article.source == str(path)


@pytest.mark.parametrize("name", ["newsprism.xlsx", "NewsPrism.ods", "newsprism.tsv"])
def test_a_manifest_saved_as_a_spreadsheet_says_how_to_save_it(tmp_path: Path, name: str) -> None:
    # It was read as an article: "binary content, not text", and no word of the manifest.
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / name).write_bytes(b"PK\x03\x04\x00\x00binary")
    for given in (folder, folder / name):
        items = list(read_inputs([str(given)], IngestOptions()))
        failures = [(i.source, i.reason) for i in items if isinstance(i, IngestFailure)]
        assert failures == [
            (
                str(folder / name),
                "a manifest must be saved as CSV named newsprism.csv (or as newsprism.json)",
            )
        ]


def test_an_over_long_jsonl_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    # A line over --max-bytes (a whole crawl saved on one line) was read into memory whole
    # before it was refused: a streamed file needed the memory of its largest line.
    import json
    import tracemalloc

    limit = 100_000
    path = tmp_path / "crawl.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"text": "word " * 2_000_000}) + "\n")  # 10 MB
        out.write(json.dumps({"text": BODY}) + "\n")
    items = read_inputs([str(path)], IngestOptions(max_bytes=limit))
    tracemalloc.start()  # up to the failure: the second line then loads the language model
    try:
        failure = next(items)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    article = next(items)
    assert isinstance(failure, IngestFailure) and isinstance(article, Article)
    assert failure.source == f"{path}:1"
    assert failure.reason == "10,000,013 bytes is over the size limit of 100,000 bytes"
    assert peak < 5_000_000, peak


def test_splitting_a_jsonl_file_steps_over_a_long_line_in_small_reads(tmp_path: Path) -> None:
    # The dask engine's split read each line whole to step over it: memory of the file's
    # longest line on the worker. The cuts (offsets and line numbers) are unchanged.
    import json
    import tracemalloc

    from newsprism.ingest.shards import split_input
    from newsprism.ingest.sources import Input, InputKind

    path = tmp_path / "crawl.jsonl"
    short = json.dumps({"text": BODY}) + "\n"
    long = json.dumps({"text": "word " * 2_000_000}) + "\n"  # 10 MB
    path.write_text(short + long + short * 3, encoding="utf-8")
    tracemalloc.start()
    try:
        pieces = split_input(Input(str(path), InputKind.FILE), 1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    cut = len(short) + len(long)
    assert [(p.start, p.end, p.first_line) for p in pieces] == [(0, cut, 1), (cut, None, 3)]
    assert peak < 5_000_000, peak


def test_every_member_of_a_concatenated_gzip_file_is_read(tmp_path: Path) -> None:
    # "cat a.gz b.gz > all.gz": only the first member's text was stored, the rest dropped.
    import gzip

    path = tmp_path / "all.txt.gz"
    second = "The council agreed with the plan after a long debate on Tuesday evening."
    path.write_bytes(gzip.compress(BODY.encode() + b"\n\n") + gzip.compress(second.encode()))
    (article,) = list(read_inputs([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert BODY in article.text and second in article.text


def test_a_concatenated_gzip_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "all.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 600) + gzip.compress(b"b" * 600))
    (failure,) = list(read_inputs([str(path)], IngestOptions(max_bytes=1000)))
    assert isinstance(failure, IngestFailure)
    assert failure.reason == "over the size limit of 1,000 bytes"


class _CountingInflater:
    """A zlib decompressor that adds up the compressed bytes handed to it."""

    fed = 0

    def __init__(self, real: object) -> None:
        self._real = real

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        _CountingInflater.fed += len(data)
        return self._real.decompress(data, max_length)  # type: ignore[attr-defined, no-any-return]

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


def test_many_appended_gzip_members_are_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # "... | gzip >> log.gz" per record: each member was read by handing zlib the whole
    # rest of the file (members x file bytes: 32,000 members 1.4 s, 4x members 14x time).
    # Now each compressed byte goes to zlib about once: a fixed multiple of the file.
    # Benchmark (not asserted): 128,000 members (5.4 MB) 24 s -> 0.2 s.
    import gzip
    import zlib

    from newsprism.ingest import decode

    lines = [b"record %d of the appended log\n" % i for i in range(3000)]
    data = b"".join(gzip.compress(line) for line in lines) + b"\x00" * 512  # zero padding
    real = zlib.decompressobj
    monkeypatch.setattr(_CountingInflater, "fed", 0)
    monkeypatch.setattr(zlib, "decompressobj", lambda **kw: _CountingInflater(real(**kw)))
    assert decode.gunzip(data, "log.gz", 10_000_000) == b"".join(lines)
    assert _CountingInflater.fed < 10 * len(data), (_CountingInflater.fed, len(data))


def test_a_gzip_bomb_is_over_the_limit_not_a_size_it_never_had(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "notes.txt.gz"
    path.write_bytes(gzip.compress(b"harbour " * 1_000_000))  # 12 KB, 8 MB unzipped
    (failure,) = list(read_inputs([str(path)], IngestOptions(max_bytes=100_000)))
    assert isinstance(failure, IngestFailure)
    # No option named: the web UI and the Python API read with this reason and have no
    # --max-bytes (review s35 r2 L4); the ingest command names it (test below).
    assert failure.reason == "over the size limit of 100,000 bytes"


def test_the_ingest_command_names_its_option_after_a_size_limit_failure(tmp_path: Path) -> None:
    import gzip

    from typer.testing import CliRunner

    from newsprism.cli import app

    path = tmp_path / "ledger.txt.gz"
    path.write_bytes(gzip.compress(b"quayside " * 100_000))
    args = ["ingest", str(path), "--max-bytes", "100000", "--db", str(tmp_path / "x.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "over the size limit of 100,000 bytes (--max-bytes)" in result.stderr


def test_the_size_limit_holds_across_many_small_gzip_members() -> None:
    import gzip

    from newsprism.errors import InputTooLarge, MalformedInput
    from newsprism.ingest.decode import gunzip

    data = b"".join(gzip.compress(b"x" * 20) for _ in range(100))
    assert gunzip(data, "log.gz", 2000) == b"x" * 2000
    with pytest.raises(InputTooLarge) as refused:
        gunzip(data, "log.gz", 1000)
    assert str(refused.value) == "log.gz: over the size limit of 1,000 bytes"
    with pytest.raises(MalformedInput, match="truncated gzip stream"):
        gunzip(data + gzip.compress(b"y" * 300)[:-5], "log.gz", 10_000)


def test_a_saved_pages_assets_are_no_articles(tmp_path: Path) -> None:
    # "Save page as... complete" puts page_files/ beside the page: its style sheet and
    # script were stored as articles, and each image failed as "binary content".
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "page_files" / "style.css").write_text(".a p { margin: 0 auto; }\n" * 3)
    (tmp_path / "page_files" / "app.js").write_text("function f() { return 1; }\n" * 3)
    (tmp_path / "page_files" / "pic.PNG").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    for given in ([str(tmp_path)], [str(tmp_path / "*"), str(tmp_path / "page_files" / "*")]):
        items = list(read_inputs(given, IngestOptions()))
        assert [Path(i.source).name for i in items] == ["page.txt"], items
    (failure,) = list(read_inputs([str(tmp_path / "page_files" / "app.js")], IngestOptions()))
    assert isinstance(failure, IngestFailure)
    assert failure.reason.startswith("a page asset (a style sheet, script, image")
