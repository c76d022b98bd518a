"""An OPML list may name local feed files only in its own folder (review s38/2, from the
ingest notes): a list, often someone else's export, naming file:///etc/passwd had that
file read as a feed. A file named on the command line is read wherever it is."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest.watch import plan_feeds

_OPML = '<?xml version="1.0"?><opml version="2.0"><body>{}</body></opml>'


def _list(folder: Path, *urls: str) -> Path:
    folder.mkdir(exist_ok=True)
    opml = folder / "subs.opml"
    outlines = "".join(f'<outline type="rss" xmlUrl="{u}"/>' for u in urls)
    opml.write_text(_OPML.format(outlines), encoding="utf-8")
    return opml


def _feed(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    return path


def test_a_list_naming_a_file_elsewhere_is_refused_with_one_line(tmp_path: Path) -> None:
    outside = _feed(tmp_path / "private" / "notes.xml").resolve()
    opml = _list(tmp_path / "lists", outside.as_uri(), "../private/notes.xml")
    feeds, failures = plan_feeds([str(opml)])
    assert feeds == []
    (failure,) = failures
    assert failure.source == str(outside)
    assert failure.reason.startswith("a local file outside the folder of the OPML list")
    assert "name it on the command line" in failure.reason


def test_a_list_s_own_feeds_and_files_named_directly_are_read(tmp_path: Path) -> None:
    own = _feed(tmp_path / "lists" / "sub" / "coast.xml").resolve()
    outside = _feed(tmp_path / "private" / "notes.xml").resolve()
    opml = _list(tmp_path / "lists", "sub/coast.xml", own.as_uri(), "https://h.example/f.rss")
    feeds, failures = plan_feeds([str(opml), str(outside), outside.as_uri()])
    assert failures == []
    assert feeds == [str(own), "https://h.example/f.rss", str(outside)]
