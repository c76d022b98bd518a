"""One rule tells an OPML list for ``ingest`` and ``watch``: the file starts with one
(after its prolog). ``watch`` took any file with "<opml" in its first 2 KB for a list (a
feed whose first item showed the tag was "OPML list names no feed"), and ``ingest`` read
a list whose style sheet or DOCTYPE came before it as a feed ("feed has no entries")."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.pipeline import OPML_LIST, is_opml
from newsprism.ingest.watch import plan_feeds
from newsprism.model import IngestFailure
from tests.builders import rss_feed
from tests.conftest import BODY

_PROLOGS = [
    "",
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="opml.xsl"?>\n',
    '<?xml version="1.0"?>\n<!DOCTYPE opml>\n<!-- exported by a reader -->\n',
    # An internal subset, whose ">" ended the DOCTYPE, and a 3,000-character licence
    # comment (over the old 2,000 bound): both lists were read as feeds.
    '<?xml version="1.0"?>\n<!DOCTYPE opml [\n<!ENTITY nbsp "&#160;">\n]>\n',
    '<?xml version="1.0"?>\n<!--' + " licence line " * 215 + "-->\n",
]
_LIST = (
    '<opml version="2.0"><head><title>subs</title></head><body>\n'
    '<outline text="Coastal" type="rss" xmlUrl="{url}"/>\n</body></opml>\n'
)


@pytest.mark.parametrize("prolog", _PROLOGS)
def test_a_list_after_any_prolog_is_a_list_for_both(tmp_path: Path, prolog: str) -> None:
    feed = tmp_path / "coastal.xml"
    feed.write_bytes(
        rss_feed([{"title": "Pier closes", "link": "https://c.example/p", "body": BODY}])
    )
    opml = tmp_path / "subs.opml"
    opml.write_text(prolog + _LIST.format(url=feed.as_uri()), encoding="utf-8")
    assert plan_feeds([str(opml)]) == ([str(feed)], [])
    (failure,) = read_inputs([str(opml)], IngestOptions())
    assert isinstance(failure, IngestFailure) and failure.reason == OPML_LIST


# A feed whose first item shows the tag, as markup inside CDATA (a how-to post).
_FEED = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Notes</title>'
    "<item><title>Moving readers</title><link>https://n.example/m</link>"
    '<description><![CDATA[<p>Export a file that starts with <code><opml version="2.0">'
    "</code> from the old reader.</p><p>{body}</p>]]></description></item></channel></rss>"
)


def test_a_feed_that_shows_the_tag_is_a_feed_for_both(tmp_path: Path) -> None:
    feed = tmp_path / "notes.xml"
    feed.write_text(_FEED.format(body=BODY), encoding="utf-8")
    assert b"<opml" in feed.read_bytes()[:2048]
    assert plan_feeds([str(feed)]) == ([str(feed)], [])
    assert not is_opml(feed.read_bytes())
    (article,) = read_inputs([str(feed)], IngestOptions())
    assert not isinstance(article, IngestFailure), article
